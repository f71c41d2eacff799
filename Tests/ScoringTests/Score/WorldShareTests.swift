import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer+WorldShare`, stated as domain examples: text in, each country's stance out.
@Suite("World shares: a large share of the world market is a strong position")
struct WorldShareTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aLargeWorldShareIsAStrongPosition() {
        #expect(Fixture.stances("稀土", "China accounts for about 90% of global rare earth refining.") == ["CN": fav])
        #expect(Fixture.stances("稀土", "China refines 85 per cent of the world's rare earths.") == ["CN": fav])
        #expect(Fixture.stances("中国稀土冶炼产能占全球的九成") == ["CN": fav])
        #expect(Fixture.stances("中国镓产量占全球98％") == ["CN": fav])
    }

    @Test func aSmallShareOrNoScopeIsNoPosition() {
        #expect(Fixture.stances("稀土", "The US holds 10% of global reserves.") == ["US": neu])
        #expect(Fixture.stances("稀土", "Japan cut its stockpile by 90% this year.") == ["JP": neu])
    }

    @Test func aShareMustReadAsAShare() {
        // A price jump, a share that fell, 成 as part of a word: no position.
        #expect(
            Fixture.stances("稀土", "Global rare earth prices jumped 80% as the US scrambled for supply.")["US"] == unf)
        #expect(Fixture.stances("日本在全球的份额从90%降至40%")["JP"] != fav)
        #expect(Fixture.stances("日本企业在全球前10成为焦点") == ["JP": neu])
        // Full-width digits and 8成 are shares.
        #expect(Fixture.stances("中国占全球９０％的稀土冶炼产能") == ["CN": fav])
        #expect(Fixture.stances("中国稀土产量占全球8成") == ["CN": fav])
    }

    @Test func modifiersOfAShareAreReadFromTheFigure() {
        // "hardly" and "yet" stand after the figure: they do not touch it.
        #expect(Fixture.stances("稀土", "China refines 90% of the world's rare earths.") == ["CN": fav])
        #expect((Fixture.scores("稀土", "China refines 90% of rare earths yet hardly matters globally.")["CN"] ?? 0) >= 0)
    }
}
