import Scoring
import Testing

@testable import Pipeline

/// Every ISO 3166-1 country is named by the model, in English, Simplified and Traditional Chinese, and
/// the names that are also words (Oman in "woman", 中非 as China–Africa, Georgia the US state) do not
/// name a country where an analyst would not.
@Suite("Country coverage")
struct CountryCoverageTests {
    typealias Case = CountryDetectionTests.Case

    static func detect(_ text: String) -> Set<String> { CountryDetectionTests.detect(text) }

    @Test("every ISO 3166-1 code and EU has names in the model")
    func everyCodeCovered() {
        let missing = CountryCodes.known.subtracting(PipelineFixture.lexicon.model.countryCodes)
        #expect(missing.isEmpty, "no names for \(missing.sorted())")
    }

    /// Each form, alone in a plain sentence, names its own country: no false friend, no longer form of
    /// another country and no word boundary hides it.
    @Test("every country form names its country in running text")
    func everyFormDetected() {
        for form in PipelineFixture.lexicon.model.countries where form.kind != .bare {
            let latin =
                form.form.unicodeScalars.allSatisfy(\.isASCII) || form.form.unicodeScalars.first?.isASCII == true
            let text = latin ? "The report mentions \(form.form) in passing." : "报告提到\(form.form)。"
            #expect(Self.detect(text).contains(form.code), "\(form.source): `\(form.form)` does not name \(form.code)")
        }
    }

    @Test(
        "Traditional names as Hong Kong and Taiwan outlets write them",
        arguments: [
            Case("川普總統預計於本月下旬訪問亞洲。", ["US"]),
            Case("格陵蘭的稀土礦引起各方關注。", ["GL"]),
            Case("萊納斯擴建其加工廠。", ["AU"]),
            Case("臺灣稀土進口逾九成仰賴進口。", ["TW"]),
            Case("台灣業者正在尋找替代來源。", ["TW"]),
            Case("白俄羅斯宣布新的礦產計畫。", ["BY"]),
            Case("委內瑞拉擁有豐富的礦產。", ["VE"]),
            Case("紐西蘭與澳洲加強合作。", ["NZ", "AU"]),
            Case("義大利與愛爾蘭簽署協議。", ["IT", "IE"]),
            Case("南韓與北韓關係緊張。", ["KR", "KP"]),
            Case("沙烏地阿拉伯的馬阿登公司參與投資。", ["SA"]),
            Case("澳門與香港的業者。", ["MO", "HK"]),
            Case("烏克蘭與烏茲別克", ["UA", "UZ"]),
            Case("民進黨政府回應。", ["TW"]),
            Case("俄烏局勢緊張。", ["RU", "UA"]),
            Case("朝鮮試射飛彈。", ["KP"]),
            Case("蓋亞那與蘇利南", ["GY", "SR"]),
        ])
    func traditional(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "names in English and Simplified Chinese",
        arguments: [
            Case("Taiwan relies on imports for its magnets.", ["TW"]),
            Case("Belarus and Venezuela signed a mining pact.", ["BY", "VE"]),
            Case("白俄罗斯与委内瑞拉签署矿业协议。", ["BY", "VE"]),
            Case("The Democratic Republic of the Congo exports cobalt.", ["CD"]),
            Case("刚果（金）和刚果（布）", ["CD", "CG"]),
            Case("Papua New Guinea and Guinea-Bissau", ["PG", "GW"]),
            Case("Niger borders Nigeria.", ["NE", "NG"]),
            Case("South Sudan split from Sudan.", ["SS", "SD"]),
            Case("美国商务部宣布新的出口规定。", ["US"]),
            Case("中共中央发布文件。", ["CN"]),
            Case("美乌矿产协议签署。", ["US", "UA"]),
        ])
    func names(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "firms, bodies and places that stand for their country in rare earths",
        arguments: [
            Case("Lynas shipped concentrate to its Kuantan plant.", ["AU", "MY"]),
            Case("莱纳斯关丹工厂恢复生产。", ["AU", "MY"]),
            Case("MP Materials restarted Mountain Pass.", ["US"]),
            Case("Iluka is building a refinery at Eneabba.", ["AU"]),
            Case("Neo Performance Materials opened a magnet plant.", ["CA"]),
            Case("Solvay expanded its rare-earth line.", ["BE"]),
            Case("JOGMEC invested in the project.", ["JP"]),
            Case("Kazatomprom reported higher output.", ["KZ"]),
            Case("Tanbreez and Kvanefjeld are the two big deposits.", ["GL"]),
            Case("Mining in Kachin feeds the supply chain.", ["MM"]),
            Case("克钦邦的稀土矿开采。", ["MM"]),
            Case("Ma'aden signed a deal with MP Materials.", ["SA", "US"]),
            Case("Serra Verde began production.", ["BR"]),
            Case("Energy Fuels processed monazite.", ["US"]),
        ])
    func firmsAndPlaces(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }

    @Test(
        "names inside other words or other names name nothing",
        arguments: [
            "A woman at the plant said output rose.",
            "中非合作论坛召开。",
            "The plant in Atlanta, Georgia makes batteries.",
            "A lab in New Mexico tested the magnets.",
            "Inner Mongolia produces most of the ore.",
            "New Guinea is an island.",
            "Latin American buyers were absent.",
            "增加纳米材料的用量。",
            "其中共有三家企业。",
            "The Hong Kong-listed firm rose 5%.",
            "They polish the magnets by hand.",
            "Cold turkey is no policy.",
            "沿海地区的工厂。",
            "工厂设在乌鲁木齐。市场笼罩在乌云下。",
            "蒙古族牧民在内蒙古放牧。",
            "HONG KONG (AP) — Prices rose on Thursday.",
        ])
    func noCountry(_ text: String) { #expect(Self.detect(text).isEmpty, "\(text)") }

    @Test(
        "a name beside a look-alike still counts",
        arguments: [
            Case("A woman from Oman runs the mine.", ["OM"]),
            Case("南非的稀土项目。", ["ZA"]),
            Case("中非共和国的矿产。", ["CF"]),
            Case("很多哈萨克斯坦企业加入。", ["KZ"]),
            Case("Georgia and Armenia signed a transit deal.", ["GE", "AM"]),
            Case("Turkey opened a pilot plant at Beylikova.", ["TR"]),
            Case("Polish and Czech buyers.", ["PL", "CZ"]),
            Case("北马里亚纳群岛与马里", ["MP", "ML"]),
        ])
    func lookAlikes(_ c: Case) { #expect(Self.detect(c.text) == c.countries) }
}
