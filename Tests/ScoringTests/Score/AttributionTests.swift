import Pipeline
import Scoring
import TestSupport
import Testing

/// The rules of `SegmentScorer+Attribution`, stated as domain examples: text in, each country's stance out.
@Suite("Attribution: a cue moves the country it is about")
struct AttributionTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aPlaceIsNotTheOneWhoActs() {
        #expect(Fixture.stances("莱纳斯在马来西亚扩产") == ["AU": fav, "MY": neu])
        #expect(Fixture.stances("稀土", "Lynas in Malaysia has expanded output.") == ["AU": fav, "MY": neu])
    }

    @Test func aCompanionIsNotTheSubject() {
        #expect(
            Fixture.stances("稀土", "Japan signed a deal with Australia and expanded its stockpile.")
                == ["JP": fav, "AU": neu])
    }

    @Test func aPlaceHoldsTheCueWhenNobodyElseCan() {
        #expect(Fixture.stances("稀土", "In Japan, magnet makers face severe shortages.") == ["JP": unf])
    }

    @Test func aMarkedCountryInTheClauseBeatsTheSentenceSubject() {
        #expect(Fixture.stances("中国产能充足，但对美国的缺口只是杯水车薪")["US"] == unf)
    }

    @Test func aCompanionIsNotAMarkedHolder() {
        #expect(Fixture.stances("美国加快布局，与澳大利亚的合作陷入困境") == ["US": unf, "AU": neu])
    }

    @Test func chineseClauseWithoutSubjectContinuesThePreviousOne() {
        let s = Fixture.stances("中国坚决不给稀土,美国人“被逼急了”,超级大国沦落到刨垃圾堆")
        #expect(s["US"] == unf)
    }

    @Test func countryNamedWithoutCueIsNeutral() {
        #expect(Fixture.stances("稀土", "Officials from Brazil attended the meeting.") == ["BR": neu])
    }
}
