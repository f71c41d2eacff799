import Pipeline
import Scoring
import TestSupport
import Testing

/// The shipped decision layer on plain cases, in both languages: the dominant supplier is favorable,
/// the dependent buyer unfavorable, a country named in passing neutral, and repeating the same
/// point does not tip anything (the evidence sums enter as logarithms).
@Suite("Decision layer (shipped weights)")
struct DecisionLayerDomainTests {
    /// Each country's label and the layer's probability for it (given when explaining), scored with the
    /// bundled model.
    static func decide(_ title: String, _ body: String) -> [String: (label: StanceLabel, probability: Double?)] {
        var scorer = ArticleScorer(lexicon: Fixture.lexicon, explain: true)
        let scored = scorer.score(
            Article(
                id: "t:1", file: "t", index: 1, line: 1, title: title, outlet: nil, published: nil, topic: nil,
                body: body))
        return Dictionary(uniqueKeysWithValues: scored.stance.countries.map { ($0.code, ($0.label, $0.probability)) })
    }

    @Test func englishSupplierBuyerAndBystander() throws {
        let d = DecisionLayerDomainTests.decide(
            "中国稀土出口管制升级",
            "China controls 90% of global rare earth refining. Japan depends heavily on Chinese supply and faces "
                + "shortages. India was also mentioned at the meeting.")
        #expect(d["CN"]?.label == .favorable)
        #expect(d["JP"]?.label == .unfavorable)
        #expect(d["IN"]?.label == .neutral)
        // The labels come from the fitted layer, not the thresholds.
        #expect(try #require(d["CN"]?.probability) > 0.5)
    }

    @Test func chineseSupplierBuyerAndBystander() {
        let d = DecisionLayerDomainTests.decide(
            "美国稀土供应链困境", "美国高度依赖中国稀土进口，短期内难以摆脱。中国掌握全球九成冶炼产能。会议在新加坡举行。")
        #expect(d["CN"]?.label == .favorable)
        #expect(d["US"]?.label == .unfavorable)
        #expect(d["SG"]?.label == .neutral)
    }

    @Test func repeatingThePointChangesNoLabel() {
        let once = DecisionLayerDomainTests.decide(
            "Rare earths", "China dominates rare earth processing. The US depends on Chinese magnets.")
        let often = DecisionLayerDomainTests.decide(
            "Rare earths",
            String(repeating: "China dominates rare earth processing. ", count: 6)
                + "The US depends on Chinese magnets.")
        #expect(once["CN"]?.label == .favorable && once["US"]?.label == .unfavorable)
        #expect(often["CN"]?.label == .favorable && often["US"]?.label == .unfavorable)
    }
}
