import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer+Mentions`, stated as domain examples: text in, each country's stance out.
@Suite("Mentions and lists: a cue about a list is about each member")
struct MentionTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func chineseListSharesTheCue() {
        #expect(
            Fixture.stances("日本、韩国和印度的稀土项目进展缓慢")
                == ["JP": unf, "KR": unf, "IN": unf])
    }

    @Test func englishSeriesClosedByAndSharesTheCue() {
        #expect(
            Fixture.stances("稀土", "Efforts in Vietnam, India, and Australia have largely failed.")
                == ["VN": unf, "IN": unf, "AU": unf])
    }

    @Test func aListOnEitherSideOfARelation() {
        #expect(Fixture.stances("美国和日本依赖中国稀土") == ["US": unf, "JP": unf, "CN": fav])
        #expect(
            Fixture.stances("稀土", "Japan relies on China and Myanmar for heavy rare earths.")
                == ["JP": unf, "CN": fav, "MM": fav])
    }

    @Test func aCommaAloneIsNoList() {
        // "In China, the US ...": the comma ends a phrase; only the US fails.
        #expect(
            Fixture.stances("稀土", "In China, the US faces severe shortages.")
                == ["CN": neu, "US": unf])
    }

    @Test func anOpeningPlaceEndsAtItsComma() {
        #expect(
            Fixture.stances("稀土", "In China, Japan and India face severe shortages.") == [
                "CN": neu, "JP": unf, "IN": unf,
            ])
    }

    @Test func twoSidesOfAComparisonAreNoList() {
        #expect(Fixture.stances("中国与美国相比优势明显") == ["CN": fav, "US": neu])
    }

    @Test func aListSharesTheObjectMarkOfItsFirstMember() {
        // Without the shared mark 缅甸 would hold 短缺 as the nearest country before it.
        #expect(Fixture.stances("日本从中国和缅甸进口的稀土依然短缺") == ["JP": unf, "CN": fav, "MM": fav])
    }

    @Test func fromTheUSMarksAnObjectLikeFromChina() {
        #expect(Fixture.stances("稀土", "Supplies from the US remain scarce for Japan.") == ["US": neu, "JP": unf])
    }
}
