import Pipeline
import Scoring
import TestSupport
import Testing

/// Every modifier the model lists does what its type says, in the language it is written in.
@Suite("Every modifier in the model")
struct ModifierCoverageTests {
    static func terms(_ type: Model.ModifierType) -> [String] {
        Fixture.lexicon.model.modifiers.filter { $0.type == type }.map(\.term)
    }

    static func isLatin(_ term: String) -> Bool { term.unicodeScalars.allSatisfy(\.isASCII) }

    /// A sentence with `modifier` right before a cue about Japan, in the modifier's language.
    static func sentence(_ modifier: String?, cue: (zh: String, en: String) = ("短缺", "shortages")) -> (String, String) {
        if let modifier, isLatin(modifier) {
            return ("稀土", "Japan has \(modifier) \(cue.en).")
        }
        return ("稀土", "日本稀土\(modifier ?? "")\(cue.zh)。")
    }

    static func score(_ s: (String, String)) -> Double { Fixture.scores(s.0, s.1)["JP"] ?? 0 }

    @Test(arguments: terms(.negator))
    func negatorFlipsAndDamps(negator: String) {
        let plain = Self.score(Self.sentence(nil))
        let negated = Self.score(Self.sentence(negator))
        #expect(plain < 0)
        #expect(negated > 0, "\(negator) should flip 短缺/shortages")
        #expect(abs(negated) < abs(plain))
    }

    /// Japan's score for "Japan depends on imports" (日本稀土依赖进口) in the language of `language`,
    /// with `modifier` right before the cue.
    static func dependence(_ modifier: String = "", language: String) -> Double {
        let text =
            isLatin(language)
            ? "Japan \(modifier.isEmpty ? "" : modifier + " ")depends on imports." : "日本稀土\(modifier)依赖进口。"
        return Fixture.scores("稀土", text)["JP"] ?? 0
    }

    @Test(arguments: terms(.intensifier))
    func intensifierStrengthens(intensifier: String) {
        let plain = Self.dependence(language: intensifier)
        #expect(Self.dependence(intensifier, language: intensifier) < plain, "\(intensifier) should strengthen the cue")
    }

    @Test(arguments: terms(.reducer))
    func reducerTurnsAWeaknessIntoAGain(reducer: String) {
        let reduced = Self.score(Self.sentence(reducer))
        #expect(reduced > 0, "\(reducer) should turn 短缺/shortages into a mild gain")
        #expect(abs(reduced) < abs(Self.score(Self.sentence(nil))))
    }

    @Test(arguments: terms(.scope))
    func scopeMakesALargeShareAPosition(scope: String) {
        let (title, body) =
            Self.isLatin(scope)
            ? ("稀土", "Japan holds 80% of the \(scope) market for this magnet alloy.")
            : ("日本此类磁体合金占\(scope)市场的80%。", "")
        #expect(Fixture.stances(title, body)["JP"] == .favorable, "\(scope) should make an 80% share a position")
    }

    @Test(arguments: terms(.diminisher))
    func diminisherWeakens(diminisher: String) {
        let plain = Self.dependence(language: diminisher)
        let weak = Self.dependence(diminisher, language: diminisher)
        #expect(weak < 0)
        #expect(weak > plain, "\(diminisher) should weaken the cue")
    }

    @Test(arguments: terms(.contrast))
    func contrastLetsTheLaterClauseWin(marker: String) {
        let s =
            Self.isLatin(marker)
            ? ("稀土", "Japan achieved a breakthrough, \(marker) it still faces shortages.")
            : ("稀土", "日本稀土取得突破，\(marker)依然短缺。")
        #expect(Fixture.stances(s.0, s.1)["JP"] == .unfavorable, "after \(marker) the shortage should dominate")
    }

    @Test(arguments: terms(.concessive))
    func concessiveClauseWeighsLess(marker: String) {
        let s =
            Self.isLatin(marker)
            ? ("稀土", "\(marker.prefix(1).uppercased() + marker.dropFirst()) shortages, Japan achieved a breakthrough.")
            : ("稀土", "\(marker)日本稀土短缺，日本取得突破。")
        #expect(Fixture.stances(s.0, s.1)["JP"] == .favorable, "the clause after \(marker) should dominate")
    }

    @Test(arguments: terms(.question))
    func questionTitleIsDamped(marker: String) {
        let plain = Fixture.scores("日本稀土短缺")["JP"] ?? 0
        let title = marker == "难道" || marker == "岂" ? "\(marker)日本稀土短缺" : "日本稀土短缺\(marker)"
        let asked = Fixture.scores(title)["JP"] ?? 0
        #expect(asked < 0)
        #expect(abs(asked) < abs(plain), "a question with \(marker) is not a plain claim")
    }

    @Test(arguments: terms(.irony))
    func ironyFlipsTheClaim(marker: String) {
        let s =
            Self.isLatin(marker)
            // "announces", not "touts": touts is itself an irony marker, and two would cancel out.
            ? ("稀土", "Japan announces its \(marker) breakthrough.")
            : ("稀土", "日本宣传其\(marker)突破。")
        #expect((Fixture.scores(s.0, s.1)["JP"] ?? 0) < 0, "\(marker) mocks the breakthrough")
    }
}
