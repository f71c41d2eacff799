import Pipeline
import Scoring
import TestSupport
import Testing

/// Every false friend in the model hides the country forms inside it, in running text.
@Suite("Every false friend in the model")
struct FalseFriendCoverageTests {
    static let falseFriends = Fixture.lexicon.model.falseFriends

    @Test(arguments: falseFriends)
    func namesNoCountry(word: String) {
        let latin = word.unicodeScalars.allSatisfy(\.isASCII)
        let body = latin ? "The report on \(word) was published." : "报告显示\(word)相关数据已经公布。"
        #expect(Fixture.stances("稀土市场报告", body).isEmpty, "\(word) must not name a country")
    }

    @Test func falseFriendBesideARealNameKeepsTheRealName() {
        #expect(Set(Fixture.stances("美国稀土进口以美元结算").keys) == ["US"])
        #expect(Set(Fixture.stances("日元走弱，日本稀土进口成本上升").keys) == ["JP"])
    }
}
