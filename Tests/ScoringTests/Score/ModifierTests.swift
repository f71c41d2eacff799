import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer+Modifiers`, stated as domain examples: text in, each country's stance out.
@Suite("Modifiers: negation, reducers, intensity, contrast, questions, the title")
struct ModifierTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func reducingRelianceIsAGain() {
        #expect(Fixture.stances("稀土", "Japan has reduced its reliance on imports.") == ["JP": fav])
        #expect(Fixture.stances("日本大幅降低进口依赖")["JP"] == fav)
        #expect((Fixture.scores("稀土", "China reduced its dominance.")["CN"] ?? 0) > 0)
    }

    @Test func aChineseReducerAfterTheCueLessensIt() {
        #expect(Fixture.stances("日本稀土对华依赖降至六成") == ["JP": fav, "CN": neu])
    }

    @Test func aReducerWithAnObjectAfterTheCueActsOnItsObject() {
        // 降低 here lowers the capacity, not the shortage.
        #expect(Fixture.stances("稀土短缺降低了美国军工产能")["US"] == unf)
    }

    @Test(arguments: ["不", "没有", "并非", "难以", "未"])
    func chineseNegatorsFlip(negator: String) {
        let plain = Fixture.scores("日本稀土短缺")["JP"] ?? 0
        let negated = Fixture.scores("日本稀土\(negator)短缺")["JP"] ?? 0
        #expect(plain < 0)
        #expect(negated > 0)
        #expect(abs(negated) < abs(plain))
    }

    @Test(arguments: ["not", "never", "unable to", "fail to"])
    func englishNegatorsFlip(negator: String) {
        let negated = Fixture.scores("稀土", "Japan will \(negator) dominate rare earths.")["JP"] ?? 0
        #expect(negated < 0)
    }

    @Test func notOnlyIsNoNegation() {
        #expect(Fixture.stances("中国不仅主导稀土开采") == ["CN": fav])
    }

    @Test func intensifiersScaleUp() {
        let plain = Fixture.scores("印度稀土依赖进口")["IN"] ?? 0
        let strong = Fixture.scores("印度稀土严重依赖进口")["IN"] ?? 0
        #expect(strong < plain)
    }

    @Test func englishIntensifierAndDiminisher() {
        let heavily = Fixture.scores("稀土", "India heavily depends on imports.")["IN"] ?? 0
        let slightly = Fixture.scores("稀土", "India slightly depends on imports.")["IN"] ?? 0
        #expect(heavily < slightly)
        #expect(slightly < 0)
    }

    @Test func chineseContrastFavoursTheLaterClause() {
        #expect(Fixture.stances("加拿大稀土项目成本高企，但是前景看好")["CA"] == fav)
        #expect(Fixture.stances("加拿大稀土项目前景看好，但是成本高企")["CA"] == unf)
    }

    @Test func englishContrastAndConcession() {
        #expect(Fixture.stances("稀土", "Australia expanded output, but it still faces shortages.")["AU"] == unf)
        #expect(Fixture.stances("稀土", "Despite shortages, Australia achieved a breakthrough.")["AU"] == fav)
    }

    @Test func questionTitleIsNotAPlainClaim() {
        let claim = Fixture.scores("中国失去优势")["CN"] ?? 0
        let mocked = Fixture.scores("这就“中国失去优势”了?")["CN"] ?? 0
        #expect(claim < 0)
        #expect(mocked > 0)
    }

    @Test func doubtedBreakupKeepsTheMonopoly() {
        #expect(Fixture.stances("美国两年内能打破中国稀土垄断吗？")["CN"] == fav)
    }

    @Test func mockedClaimIsUnfavorableToWhoMadeIt() {
        #expect(Fixture.stances("印度宣称两年取代中国稀土，开了个国际玩笑")["IN"] == unf)
    }

    @Test func titleWeighsMoreThanBody() {
        let inTitle = Fixture.scores("韩国稀土短缺", "韩国发布报告。")["KR"] ?? 0
        let inBody = Fixture.scores("稀土报告", "韩国稀土短缺。韩国发布报告。")["KR"] ?? 0
        #expect(inTitle < inBody)
    }
}
