import Scoring
import TestSupport
import Testing

/// A section heading at the end of a bullet (`... [2] Industry Impact - ...`) is its own segment, so
/// its words are no cue for the countries of the bullet before it.
@Suite("Summary headings frame nobody")
struct SummaryHeadingTests {
    let neu = StanceLabel.neutral

    @Test func aHeadingWordIsNoCueForTheBulletBefore() {
        // `impact*` is a relation: glued to the bullet, it made the US favorable and China unfavorable.
        let stances = Fixture.stances(
            "Rare earth shares fall",
            "Core Insights - The U.S. Treasury Secretary signalled a draft deal on goods from China [2] Industry Impact - Miners fell [3]"
        )
        #expect(stances == ["US": neu, "CN": neu])
    }

    @Test func aChineseSummaryKeepsItsGroupHeadings() {
        let stances = Fixture.stances("稀土", "核心观点 - 美国依赖中国稀土 [1] Group 1: 影响 - 价格上涨 [2]")
        #expect(stances == ["US": .unfavorable, "CN": .favorable])
    }
}
