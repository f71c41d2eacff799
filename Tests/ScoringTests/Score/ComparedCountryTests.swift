import Scoring
import TestSupport
import Testing

/// The subject and object of a relation when the sentence is not "subject, relation, object": a
/// compared country is no object, a place opening the clause can be the subject, and an English
/// phrase fronted before its subject belongs to it (`SegmentScorer+Subjects`).
@Suite("Relations: compared countries, places that open a clause, fronted phrases")
struct ComparedCountryTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aComparedCountryIsNoObjectInChinese() {
        // Before: the US, after 比, was taken for the one depended on and came out favorable.
        let stances = Fixture.stances("欧盟稀土进口约有98%来自中国，依赖程度比美国的80%还高")
        #expect(stances["EU"] == unf)
        #expect(stances["US"] == neu)
    }

    @Test func aComparedCountryIsNoObjectInEnglish() {
        #expect(Fixture.stances("稀土", "Europe depends more heavily than the United States.") == ["EU": unf, "US": neu])
    }

    @Test func aPlaceOpeningTheClauseIsTheSubjectWhenNobodyElseIs() {
        #expect(
            Fixture.stances("在欧美急于降低倚赖中国稀土的同时，中国出手保护本国的稀土技术")
                == ["EU": unf, "US": unf, "CN": fav])
        #expect(Fixture.stances("稀土", "In Japan, reliance on China is high.") == ["JP": unf, "CN": fav])
    }

    @Test func aCompanionInsideTheClauseIsNotTheOneRelying() {
        let stances = Fixture.stances(
            "稀土", "It follows an agreement with Saudi Arabian Mining Company aimed at reducing reliance on China.")
        #expect(stances["SA"] == neu)
    }

    @Test func aFrontedEnglishPhraseBelongsToTheSubjectAfterIt() {
        #expect(
            Fixture.stances("稀土", "Heavily dependent on China, the U.S. and EU are trying to diversify supply.")
                == ["US": unf, "EU": unf, "CN": fav])
    }

    @Test func onlyAPhraseThatOpensTheSentenceIsFronted() {
        // The relation is in the second clause: its subject is looked for before it, as always.
        let stances = Fixture.stances("稀土", "Prices rose, dependent on China, the EU said.")
        #expect(stances["EU"] != unf)
    }
}
