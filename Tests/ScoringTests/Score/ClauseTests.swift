import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer+Clauses`, stated as domain examples: a clause boundary (， , ； ; ： : and
/// the sentence ends) bounds what a world share, a modifier or an attribution may reach.
@Suite("Clauses: what a rule may reach ends at the clause")
struct ClauseTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aShareWordCountsOnlyInTheFiguresClause() {
        #expect(Fixture.stances("稀土", "Japan raised global output 90% as its share of exports fell.") == ["JP": fav])
        #expect(Fixture.stances("稀土", "Japan raised global output 90%; its share of exports fell.") == ["JP": neu])
    }

    @Test func aFullWidthCommaEndsAChineseClause() {
        let joined = Fixture.scores("日本全球产量增长九成而出口份额下降")["JP"] ?? 0
        let split = Fixture.scores("日本全球产量增长九成，出口份额下降")["JP"] ?? 0
        // Split by ，, 九成 and 份额 stand in different clauses: no world share, only 增长.
        #expect(split > 0)
        #expect(split < joined)
    }

    @Test func aColonBetweenDigitsIsATimeNotABoundary() {
        #expect(Fixture.stances("稀土", "China's global share at 10:30 reached 90%.") == ["CN": fav])
        #expect(Fixture.stances("稀土", "China's global share at 10: 30 reached 90%.") == ["CN": neu])
    }

    @Test func aNegatorDoesNotReachPastItsClause() {
        #expect(Fixture.stances("稀土", "Japan will not dominate rare earths.") == ["JP": unf])
        #expect(Fixture.stances("稀土", "Japan will not: dominate rare earths.") == ["JP": fav])
    }
}
