import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer and StanceAccumulator`, stated as domain examples: text in, each country's stance out.
@Suite("Scoring a segment: cue kinds and the bounds of a score")
struct SegmentScorerTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func stockMovesAreToneNotStance() {
        let article = Fixture.article("美股异动 | 稀土概念股集体走低", "MP Materials fell 7% as US rare earth stocks dropped.")
        #expect(article.countries.map(\.label) == [neu])
        #expect(article.tone < 0)
    }

    @Test func scoresDoNotSaturateWithLength() {
        let one = Fixture.scores("稀土", "Vietnam faces shortages.")["VN"] ?? 0
        let body = Array(repeating: "Vietnam faces shortages.", count: 20).joined(separator: " ")
        let many = Fixture.scores("稀土", body)["VN"] ?? 0
        #expect(abs(one - many) < 1e-9)
    }

    @Test func scoresStayInRange() {
        let body = Array(repeating: "China dominates and controls and leads with a monopoly.", count: 50).joined(
            separator: " ")
        for score in Fixture.scores("中国垄断稀土", body).values { #expect(score >= -1 && score <= 1) }
    }
}
