import Scoring
import TestSupport
import Testing

/// A sanction or pressure (制裁, 施压, 遏制, "sanctions") is a bare fact of policy, like 管制: it moves the
/// article's tone, not the stance of the one who imposes it nor of its target; what the article says
/// of either's rare-earth position still decides.
@Suite("Sanctions and pressure: facts of policy, not positions")
struct SanctionTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aChineseSanctionMovesNeitherSide() {
        #expect(Fixture.stances("稀土", "西方国家对俄罗斯实施制裁，美国也对中国施压。") == ["RU": neu, "US": neu, "CN": neu])
        #expect(Fixture.stances("稀土", "自烏克蘭戰爭爆發、西方國家制裁俄國以來，中國與朝鮮都深化了與莫斯科的合作。")["UA"] == neu)
    }

    @Test func anEnglishSanctionMovesNeitherSide() {
        #expect(
            Fixture.stances(
                "Rare earths", "Beijing warned Korean firms that breaching the curbs could bring sanctions.")
                == ["CN": neu, "KR": neu])
    }

    @Test func thePositionAroundTheSanctionStillDecides() {
        #expect(Fixture.stances("稀土", "美国对俄罗斯实施制裁。俄罗斯稀土产业严重依赖中国。")["RU"] == unf)
        #expect(
            Fixture.stances(
                "Rare earths", "The US imposed sanctions on Russia. Russia dominates the palladium market.")[
                    "RU"] == fav)
    }
}
