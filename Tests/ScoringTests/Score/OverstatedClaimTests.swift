import Scoring
import TestSupport
import Testing

/// A strength the article calls overstated (overstated, exaggerated, 夸大, 言过其实, 过度渲染, 虚幻) is
/// a claim taken apart: weak for the country that holds it (ANNOTATION.md, rule 3).
@Suite("Overstated claims are weak for who holds them")
struct OverstatedClaimTests {
    let unf = StanceLabel.unfavorable

    @Test func englishOverstatedReservesAreAWeakness() {
        #expect(Fixture.stances("Rare earths", "Ukraine's rare-earth reserves have been overstated.") == ["UA": unf])
        #expect(Fixture.stances("Rare earths", "India's rare earth plans are overblown, analysts say.") == ["IN": unf])
    }

    @Test func chineseOverstatedThreatIsAWeakness() {
        #expect(Fixture.stances("稀土", "中国的稀土威胁被夸大了。") == ["CN": unf])
        #expect(Fixture.stances("稀土", "印度的稀土计划言过其实。") == ["IN": unf])
    }

    @Test func traditionalOverstatedThreatIsAWeakness() {
        #expect(Fixture.stances("稀土", "稀土威脅遭過度渲染，中國的優勢是虛幻的。") == ["CN": unf])
    }
}
