import Pipeline
import Scoring
import TestSupport
import Testing

/// The third pass of Chinese tone rules stated as examples: the character backoff (morpheme heads and
/// their bound prefixes), transitive rises and falls, delays, quantity bounds and reported speech.
@Suite("Chinese tone: morpheme heads, raisers, reported speech")
struct ToneMorphemeTests: ToneExamples {
    @Test func aCompoundTheLexiconLacksReadsByItsHead() {
        // 亏了 and 赢了 are no entries; their heads are.
        #expect(tone("这个季度公司又亏了。") < 0)
        #expect(evidence("这个季度公司又亏了。").contains { $0.entry == "亏" })
        #expect(tone("球队最后还是赢了。") > 0)
        // A known word is read whole before its head (leftmost-longest): 亏损 is not 亏.
        #expect(evidence("公司出现亏损。").allSatisfy { $0.entry != "亏" })
    }

    @Test func aBoundPrefixScalesOrTurnsTheHeadRightAfterIt() {
        #expect(tone("公司今年暴亏。") < tone("公司今年亏了。"))
        #expect(evidence("公司今年暴亏。").contains { $0.entry == "亏" && $0.modifiers.contains("暴×1.5") })
        // 止 and 减 turn the head: the fall stops, the loss shrinks.
        #expect(tone("沪指午后止跌。") > 0)
        #expect(tone("公司上半年减亏。") > 0)
        // Not attached, a prefix does nothing: 大 before 家 leaves 败 alone.
        #expect(evidence("大家都说这次败了。").allSatisfy { $0.modifiers.isEmpty })
    }

    @Test func compoundsWhoseHeadJudgesNothingAreNeutral() {
        #expect(tone("货物经铁路运输出口欧洲。") == 0)
        #expect(tone("本周全国多地举行活动。") == 0)
        #expect(tone("公司斥资十亿元建设新厂。") == 0)
    }

    @Test func aRiseBeforeWhatItRaisesTakesItsDirection() {
        #expect(tone("物业公司上调物业费。") < 0)
        #expect(tone("政府上调养老金。") > 0)
        #expect(
            evidence("物业公司上调物业费。").contains {
                $0.entry == "上调" && $0.modifiers.contains { $0.hasPrefix("raises 物业费") }
            })
        // A fall before what it lowers turns it; a one-character rise after a bad thing raises it.
        #expect(tone("政府下调收费标准。") > 0)
        #expect(tone("失业人数续增。") < tone("失业人数。"))
    }

    @Test func aDelayTurnsWhatItDelays() {
        #expect(tone("新矿推迟投产。") < 0)
        #expect(tone("政府决定暂缓加税。") > 0)
    }

    @Test func removalVerbsTurnTheHarmTheyRemove() {
        #expect(tone("该国已正式消除疟疾。") > 0)
        #expect(tone("当地根除了贫困。") > 0)
    }

    @Test func aQuantityBoundNegatesNothing() {
        #expect(tone("公司拟以不超过5亿元回购股份。") > 0)
        #expect(tone("公司不回购股份。") < 0)
    }

    @Test func reportedSpeechIsNoScareQuote() {
        // A short quotation mocks; a whole sentence in quotes is what someone said.
        #expect(tone("这个季度亏了5亿元，管理层居然称之为“重大进展”。") < 0)
        #expect(tone("负责人表示：“我们对明年净息差企稳抱有信心。”") > 0)
        #expect(tone("「外資不會走，只會看準時機再回來，我們很有信心。」") > 0)
    }

    @Test func cantoneseNegatorsNegate() {
        #expect(tone("今次個結果好。") > 0)
        #expect(tone("今次個結果唔好。") < 0)
        #expect(tone("佢哋冇成功。") < 0)
    }

    @Test func theShippedMorphemeRulesAreRead() {
        let tone = Fixture.lexicon.model.tone
        #expect(tone.rules.contains { $0.term == "暴" && $0.type == .prefix && $0.factor > 1 })
        #expect(tone.rules.contains { $0.term == "止" && $0.type == .prefix && $0.factor < 0 })
        #expect(tone.words.contains { $0.term == "上调" && ($0.reverses ?? 0) > 1 })
        #expect(tone.parameters.scareQuoteCJK > 0)
    }
}
