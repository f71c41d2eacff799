import Scoring
import TestSupport
import Testing

/// Hong Kong and Taiwan outlets write the modifiers in Traditional characters that variants.tsv does
/// not fold (減少, 急於, 並非): they act as their Simplified forms do.
@Suite("Traditional modifiers act as the Simplified ones")
struct TraditionalModifierTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aTraditionalReducerLessensTheReliance() {
        #expect(Fixture.stances("稀土", "印度減少對中國稀土的倚賴。") == Fixture.stances("稀土", "印度减少对中国稀土的倚赖。"))
        #expect(Fixture.stances("稀土", "印度減少對中國稀土的倚賴。") == ["IN": fav, "CN": neu])
    }

    @Test func aTraditionalAimStatesTheReliance() {
        // 急於降低倚賴: an aim to lessen the reliance says the reliance is there.
        #expect(Fixture.stances("稀土", "歐盟急於降低對中國稀土的倚賴。") == ["EU": unf, "CN": fav])
        #expect(Fixture.stances("稀土", "欧盟急于降低对中国稀土的依赖。") == ["EU": unf, "CN": fav])
    }

    @Test func aTraditionalNegatorNegates() {
        #expect(Fixture.stances("稀土", "日本並非依賴中國稀土。") == ["JP": fav, "CN": neu])
    }

    @Test func englishIsUnchanged() {
        #expect(Fixture.stances("Rare earths", "The EU seeks to reduce its reliance on China.")["EU"] == unf)
    }
}
