import Scoring
import TestSupport
import Testing

/// A strength the article only reports as a boast (自称, 号称, 吹嘘, "touted", "so-called") is a
/// mocked claim: it frames the boaster as weak, not strong (ANNOTATION.md, rules 2 and 3).
@Suite("Mocked claims: a boast is not a strength")
struct MockedClaimTests {
    let fav = StanceLabel.favorable, unf = StanceLabel.unfavorable

    @Test func aChineseBoastFramesTheBoasterAsWeak() {
        #expect(Fixture.stances("日本自称稀土强国", "日本自称已建成稀土强国。") == ["JP": unf])
        #expect(Fixture.stances("稀土", "印度自诩稀土加工取得突破。") == ["IN": unf])
    }

    @Test func traditionalChineseBoastsCountToo() {
        #expect(Fixture.stances("稀土", "印度吹噓其稀土加工取得突破。") == ["IN": unf])
        #expect(Fixture.stances("稀土", "印度自稱稀土加工取得突破。") == ["IN": unf])
        #expect(Fixture.stances("稀土", "印度標榜稀土加工取得突破。") == ["IN": unf])
    }

    @Test func anEnglishBoastFramesTheBoasterAsWeak() {
        #expect(Fixture.stances("Rare earths", "India touted a breakthrough in rare earth processing.") == ["IN": unf])
        #expect(Fixture.stances("Rare earths", "India boasts a breakthrough in rare earth processing.") == ["IN": unf])
    }

    @Test func theSameNewsReportedPlainlyIsAStrength() {
        #expect(Fixture.stances("稀土", "印度稀土加工取得突破。") == ["IN": fav])
        #expect(
            Fixture.stances("Rare earths", "India announced a breakthrough in rare earth processing.") == ["IN": fav])
    }
}
