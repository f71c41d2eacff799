import Scoring
import TestSupport
import Testing

/// English opens a sentence with its subject: a one-country cue in a later clause with no country
/// before it belongs to the sentence's subject, not to a country named after the cue ("years away from
/// matching what Lynas has running"), unless `of` makes that country the holder ("the fragility of
/// Europe's supply chains"). Chinese keeps its own order (the clause subject, then the carried topic).
@Suite("Sentence subjects: a later clause's cue is the subject's")
struct SentenceSubjectTests {
    let fav = StanceLabel.favorable, neu = StanceLabel.neutral, unf = StanceLabel.unfavorable

    @Test func aLaterClauseCueIsTheSentenceSubjects() {
        let body =
            "U.S. and European attempts to commercialize Dy/Tb processing at home, MP Materials' projects among "
            + "them, remain at an early stage and are probably years away from matching what Lynas already has running."
        let stances = Fixture.stances("Rare earths", body)
        #expect(stances["US"] == unf)
        #expect(stances["EU"] == unf)
        #expect(stances["AU"] != unf)
        #expect(
            Fixture.stances("Rare earths", "India, despite new subsidies, is still years away from matching China.")
                == ["IN": unf, "CN": neu])
    }

    @Test func ofNamesTheHolderAfterTheCue() {
        let body = "China's export curbs, analysts say, expose the fragility of Europe's magnet supply chains."
        #expect(Fixture.stances("Rare earths", body)["EU"] == unf)
        #expect(Fixture.stances("Rare earths", body)["CN"] == neu)
    }

    @Test func aCueInTheSubjectsOwnClauseIsUnchanged() {
        #expect(Fixture.stances("Rare earths", "Japan faces shortages of magnets from China.")["JP"] == unf)
    }

    @Test func chineseKeepsTheClauseSubject() {
        #expect(Fixture.stances("稀土", "印度尽管推出新补贴，稀土加工仍然落后中国多年。")["IN"] == unf)
        #expect(Fixture.stances("稀土", "中国收紧出口管制，暴露出欧洲磁体供应链的脆弱。")["EU"] == unf)
    }
}
