import Pipeline
import Scoring
import TestSupport
import Testing

/// The fourth pass of Chinese tone rules stated as examples: a negator's scope, verbs of resolution
/// read both ways, sizes of change, recovery, "hard to say" and quoted set phrases.
@Suite("Chinese tone: negation scope, resolution, sizes of change")
struct ToneScopeTests: ToneExamples {
    @Test func aNegatorReachesOnlyTheFirstToneWordAfterIt() {
        // 不 belongs to 善 (poorly run); the bankruptcy after it is not negated.
        #expect(tone("一家百年老字号因经营不善申请破产。") < 0)
        #expect(evidence("一家百年老字号因经营不善申请破产。").contains { $0.entry == "破产" && $0.modifiers.isEmpty })
        // The first word after it is still negated.
        #expect(tone("这家公司的前景并不乐观。") < 0)
    }

    @Test func aVerbOfResolutionLowersTheTroubleBeforeIt() {
        #expect(tone("蛋价回稳，危机暂告解除。") > 0)
        #expect(tone("这个问题已经得到根治。") > 0)
        #expect(
            evidence("这个问题已经得到根治。").contains {
                $0.entry == "根治" && $0.modifiers.contains { $0.hasPrefix("lowers 问题") }
            })
        // Before the trouble it still turns it.
        #expect(tone("该国已正式消除疟疾。") > 0)
    }

    @Test func theSizeOfAChangeMovesWhatItMeasures() {
        #expect(tone("抗癌药药价平均降幅超过六成。") > 0)
        #expect(tone("公司前三季获利年减近四成。") < 0)
    }

    @Test func recoveryAndNearMissesTurnWhatTheyName() {
        #expect(tone("专项整治共追回欠薪8.6亿元。") > 0)
        #expect(tone("这位小将在决赛中与金牌失之交臂。") < 0)
    }

    @Test func aFearedQuantityTurnsWithItsRiseOrFall() {
        // 门诊量 and 库存 are quantities people fear rising: the surge is bad news, the fall good.
        #expect(tone("多地儿童医院门诊量激增。") < 0)
        #expect(tone("企业库存明显下降。") > 0)
        #expect(tone("两国紧张局势持续升温。") < tone("两国紧张局势。"))
    }

    @Test func hardToSayNegatesWhatFollows() {
        #expect(tone("多位经济学家坦言，短期内难言乐观。") < 0)
    }

    @Test func organWordsDoNotReadTheirHead() {
        #expect(evidence("心脏支架价格大幅下调。").allSatisfy { $0.entry != "脏" })
    }

    @Test func aQuotedPhraseOfFiveCharactersOrMoreKeepsItsTone() {
        // Scare quotes are short (scare_quote_cjk 4): a longer quotation is reported speech.
        #expect(tone("零售业界形容「最坏时间已过」。") > 0)
        #expect(evidence("管理层称之为“重大进展”。").contains { $0.modifiers.contains("“”×0") })
    }
}
