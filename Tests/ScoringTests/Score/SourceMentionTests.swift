import Scoring
import TestSupport
import Testing

/// Countries named only as where a cited source sits (a paper, a broadcaster, a survey, a think tank),
/// as a venue or a dateline, get no row: the article does not discuss their position (ANNOTATION.md,
/// rule 8). Company names that hold a cue word frame nobody.
@Suite("Sources and venues: named, not discussed")
struct SourceMentionTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func chineseMediaCitedAsTheSourceIsNoRow() {
        #expect(Fixture.stances("英国媒体：中国主导全球稀土加工") == ["CN": fav])
        #expect(Fixture.stances("（德國之聲中文網）中國主導全球稀土加工") == ["CN": fav])
    }

    @Test func aSurveyCitedForDataIsNoRow() {
        #expect(Fixture.stances("稀土", "美国地质调查局的报告指出，越南稀土储量大幅下修。").keys.sorted() == ["VN"])
        #expect(
            Fixture.stances("稀土", "The US Geological Survey finds that Vietnam holds large reserves.").keys.sorted()
                == ["VN"])
    }

    @Test func englishMediaCitedAsTheSourceIsNoRow() {
        #expect(
            Fixture.stances("稀土", "China dominates rare earth refining, the British magazine Spectator writes.")
                == ["CN": fav])
        #expect(
            Fixture.stances("稀土", "Britain's Financial Times reported that China dominates rare earth refining.")
                == ["CN": fav])
    }

    @Test func aDatelineOrAVenueIsNoRow() {
        #expect(
            Fixture.stances("稀土", "LAUNCESTON, Australia, June 12 (Reuters) - China dominates rare earth refining.")
                == ["CN": fav])
        #expect(Fixture.stances("特朗普到瑞士达沃斯出席论坛后称美国依赖中国稀土") == ["US": unf, "CN": fav])
    }

    @Test func theCountryStaysWhenTheArticleAlsoDiscussesIt() {
        #expect(Fixture.stances("英国媒体：英国依赖中国稀土") == ["GB": unf, "CN": fav])
    }

    @Test func aCompanyNameHoldsNoCue() {
        // "Limited" is a cue (limited supply); in Lynas Rare Earths Limited it is part of a name.
        #expect(Fixture.stances("稀土", "Lynas Rare Earths Limited is a major producer.") == ["AU": neu])
    }
}
