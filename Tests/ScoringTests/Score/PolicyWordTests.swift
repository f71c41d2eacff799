import Scoring
import TestSupport
import Testing

/// Words of policy and of regional usage: restricting is a bare fact of policy (its tone only), being
/// restricted is a weakness; 倚赖 (Hong Kong and Taiwan 倚賴) is a dependence; Cantonese negators.
@Suite("Policy words and regional usage")
struct PolicyWordTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func restrictingIsNoWeaknessOfTheOneWhoRestricts() {
        #expect(Fixture.stances("中国限制稀土外销") == ["CN": neu])
        #expect(Fixture.stances("稀土", "China restricted rare earth exports.") == ["CN": neu])
    }

    @Test func beingRestrictedIsAWeakness() {
        #expect(Fixture.stances("日本车企的稀土供应受到限制") == ["JP": unf])
    }

    @Test func relyingIn倚賴IsADependence() {
        #expect(Fixture.stances("台灣稀土進口逾95%倚賴中國") == ["TW": unf, "CN": fav])
        #expect(Fixture.stances("台湾稀土进口逾95%倚赖中国") == Fixture.stances("台湾稀土进口逾95%依赖中国"))
    }

    @Test func cantoneseNegatorsNegate() {
        #expect(Fixture.stances("美國冇話語權") == ["US": unf])
        #expect(Fixture.stances("美國唔係有話語權") == ["US": unf])
        #expect(Fixture.stances("稀土", "The US has no leverage.") == ["US": unf])
    }

    @Test func cantonese畀MarksTheOneGivenTo() {
        #expect(Fixture.stances("中國唔再賣稀土畀美").keys.sorted() == ["CN", "US"])
    }
}
