import Scoring
import TestSupport
import Testing

/// Europe named as a market or a place ("prices in Europe", 欧洲价格, "the largest deposit in
/// Europe", 欧洲最大) is not the European Union as a party: no EU row (ANNOTATION.md, rules 7 and 8).
@Suite("Europe as a market or a place: no EU row")
struct EuropeAsPlaceTests {
    let fav = StanceLabel.favorable, unf = StanceLabel.unfavorable

    @Test func aPriceInEuropeIsNoRow() {
        #expect(
            Fixture.stances("Rare earths", "Prices in Europe doubled as China dominates supply.") == ["CN": fav])
        #expect(Fixture.stances("稀土", "欧洲价格上涨三倍，中国主导全球稀土加工。") == ["CN": fav])
        #expect(Fixture.stances("稀土", "歐洲價格上漲三倍，中國主導全球稀土加工。") == ["CN": fav])
    }

    @Test func aSuperlativeOfPlaceIsNoRow() {
        #expect(Fixture.stances("稀土", "瑞典发现欧洲最大稀土矿，有望摆脱对中国的依赖。").keys.sorted() == ["CN", "SE"])
        #expect(
            Fixture.stances("Rare earths", "Sweden found the largest rare earth deposit in Europe.").keys.sorted()
                == ["SE"])
    }

    @Test func europeAsAPartyKeepsItsRow() {
        #expect(Fixture.stances("稀土", "欧洲严重依赖中国稀土。") == ["EU": unf, "CN": fav])
        #expect(Fixture.stances("Rare earths", "Europe's reliance on Chinese magnets is a weakness.")["EU"] == unf)
    }
}
