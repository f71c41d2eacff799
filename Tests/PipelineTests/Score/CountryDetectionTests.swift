import Scoring
import Testing

@testable import Pipeline

/// Which countries an article names (FORMATS.md §4), through `ArticleScorer` and the real model.
@Suite("Country detection")
struct CountryDetectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var countries: Set<String>
        init(_ text: String, _ countries: Set<String>) {
            self.text = text
            self.countries = countries
        }
        var testDescription: String { "\(text) → \(countries.sorted())" }
    }

    /// The countries named by `text` as the body of an article whose title names none.
    static func detect(_ text: String, title: String = "稀土") -> Set<String> {
        var scorer = ArticleScorer(lexicon: PipelineFixture.lexicon)
        let article = Article(
            id: "t:1", file: "t", index: 1, line: 1, title: title, outlet: nil, published: nil,
            topic: nil, body: text)
        return Set(scorer.score(article).stance.countries.map(\.code))
    }

    @Test(
        "names in both languages",
        arguments: [
            Case("中国宣布对稀土实施出口管制。", ["CN"]),
            Case("China announced export controls on rare earths.", ["CN"]),
            Case("美国和日本签署了协议。", ["US", "JP"]),
            Case("The United States and Australia signed a deal.", ["US", "AU"]),
            Case("欧盟与俄罗斯", ["EU", "RU"]),
        ])
    func names(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "capitals, leaders and ministries",
        arguments: [
            Case("华盛顿对此回应称将加快本土供应链建设。", ["US"]),
            Case("特朗普表示将取消关税。", ["US"]),
            Case("Trump said the deal was done.", ["US"]),
            Case("普京下令政府一个月内拿出方案。", ["RU"]),
            Case("冯德莱恩发表讲话。", ["EU"]),
            Case("布鲁塞尔表示关注。", ["EU"]),
            Case("The Pentagon signed a supply agreement.", ["US"]),
        ])
    func capitalsAndLeaders(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "demonyms, slang and firms",
        arguments: [
            Case("中方表示坚决反对。", ["CN"]),
            Case("美方回应称将继续谈判。", ["US"]),
            Case("东大出手了。", ["CN"]),
            Case("MP Materials rose 5.7% on Friday.", ["US"]),
            Case("Lynas expanded its processing plant.", ["AU"]),
            Case("北方稀土今日涨停。", ["CN"]),
        ])
    func demonymsSlangFirms(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "Traditional Chinese scores like Simplified",
        arguments: [
            Case("中國宣布出口管制。", ["CN"]),
            Case("美國回應稱將反制。", ["US"]),
            Case("歐盟表示關注。", ["EU"]),
        ])
    func traditional(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "bare one-character forms count in pairings",
        arguments: [
            Case("中美谈判进入新阶段。", ["CN", "US"]),
            Case("美日稀土协议难破封锁。", ["US", "JP"]),
            Case("稀土对华出口依赖度很高。", ["CN"]),
            Case("巴铁要赴美签字。", ["PK", "US"]),
            Case("日方表示将寻求多元化。", ["JP"]),
            Case("欧美市场需求旺盛。", ["EU", "US"]),
            Case("俄中关系稳定。", ["RU", "CN"]),
            Case("美欧日联手。", ["US", "EU", "JP"]),
        ])
    func pairings(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "false friends name no country",
        arguments: [
            "投资5亿美元建厂。", "美好的未来。", "完美的方案。", "欧元下跌。", "日元贬值。", "其中一半来自进口。",
            "Let us focus on the status of supply.", "今日稀土价格上涨。", "北美和拉美市场。",
        ])
    func falseFriends(_ text: String) { #expect(Self.detect(text).isEmpty) }

    @Test("a date before a bare form is no country: 18日美方 is US, not JP")
    func dateBeforeBareForm() {
        #expect(Self.detect("18日美方表示将继续谈判。") == ["US"])
        #expect(Self.detect("10月18日美日签署协议。") == ["US", "JP"])
    }

    @Test("detection works the same in the title")
    func inTitle() {
        #expect(Self.detect("", title: "中美缠斗出现分水岭，巴铁要卖稀土给美国") == ["CN", "US", "PK"])
    }

    @Test(
        "a bare form paired with the first character of a longer form still counts",
        arguments: [
            Case("欧美企业加快布局。", ["EU", "US"]),
            Case("欧美国家寻求替代。", ["EU", "US"]),
            Case("中美企业合作。", ["CN", "US"]),
        ])
    func pairedWithLongerForm(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }
}
