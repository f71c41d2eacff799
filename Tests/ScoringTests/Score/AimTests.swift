import Scoring
import TestSupport
import Testing

/// A strength a country only aims at ("plans to expand", "seeks to secure", 力争自给自足, 争取自主) is
/// a goal, not a position: it counts the intent's factor (0.3), so the plain facts around it decide.
@Suite("Aims: a strength wanted is not a strength held")
struct AimTests {
    let fav = StanceLabel.favorable, unf = StanceLabel.unfavorable

    @Test func anEnglishAimWeighsLessThanTheFact() {
        let aimed = Fixture.scores("Rare earths", "South Korea plans to expand its rare earth stockpile.")["KR"] ?? 0
        let done = Fixture.scores("Rare earths", "South Korea expanded its rare earth stockpile.")["KR"] ?? 0
        #expect(aimed > 0 && aimed < done / 2)
    }

    @Test func anAimDoesNotOutweighAWeakness() {
        let body = "India aims to achieve self-sufficiency in rare earth magnets. India's magnet output slowed."
        #expect(Fixture.stances("Rare earths", body) == ["IN": unf])
        let plain = "India has achieved self-sufficiency in rare earth magnets. India's magnet output slowed."
        #expect(Fixture.stances("Rare earths", plain) == ["IN": fav])
    }

    @Test func aChineseAimDoesNotOutweighAWeakness() {
        #expect(Fixture.stances("稀土", "印度力争实现稀土自给自足。印度稀土进口持续增加。") == ["IN": unf])
        #expect(Fixture.stances("稀土", "印度已实现稀土自给自足。印度稀土进口持续增加。") == ["IN": fav])
        #expect(Fixture.stances("稀土", "歐盟爭取稀土自主。歐盟稀土進口持續增加。") == ["EU": unf])
    }

    @Test func aStrengthOfAnotherCountryAfterTheAimIsAFact() {
        #expect(Fixture.stances("Rare earths", "The US seeks to challenge China's dominance.")["CN"] == fav)
        #expect(Fixture.stances("稀土", "美国试图打破中国的垄断地位。")["CN"] == fav)
    }

    @Test func aWeaknessAfterAnAimStillCounts() {
        #expect(Fixture.stances("稀土", "Japan is trying to find new suppliers amid shortages.")["JP"] == unf)
    }
}
