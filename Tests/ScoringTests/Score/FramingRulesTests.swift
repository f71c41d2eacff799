import Scoring
import TestSupport
import Testing

/// The error classes real coverage showed (issue 11): relations read backwards in English, the past
/// taken for the present, circumvention stories, and an aim mistaken for a change. Text in, the rules'
/// stances out, in both languages.
@Suite("Framing rules")
struct FramingRulesTests {
    let fav = StanceLabel.favorable, unf = StanceLabel.unfavorable

    // MARK: An aim to lessen a dependence states the dependence.

    @Test func effortsToBreakARelianceShowTheReliance() {
        #expect(
            Fixture.stances("稀土", "Japan has stepped up efforts to reduce its reliance on China for rare earths.")
                == ["JP": unf, "CN": fav])
        #expect(
            Fixture.stances("稀土", "Japan has stepped up efforts to break its reliance on China.") == [
                "JP": unf, "CN": fav,
            ])
        #expect(Fixture.stances("日本正努力降低对中国稀土的依赖") == ["JP": unf, "CN": fav])
        #expect(Fixture.stances("欧盟寻求减少对华依赖") == ["EU": unf, "CN": fav])
    }

    @Test func aReductionThatHappenedStillLessens() {
        #expect(Fixture.stances("稀土", "Japan has reduced its reliance on imports.") == ["JP": fav])
        #expect(Fixture.stances("日本大幅降低进口依赖")["JP"] == fav)
    }

    // MARK: English puts the one a cue befalls after "for".

    @Test func aChallengeForACountryIsThatCountrys() {
        #expect(
            Fixture.stances("稀土", "The tightening of China's controls poses a challenge for Russia.")["RU"] == unf)
        #expect(
            Fixture.stances("稀土", "The tightening of China's controls poses a challenge for Russia.")["CN"] != unf)
        #expect(Fixture.stances("稀土", "Analysts say the EU may have to make concessions to China.")["EU"] == unf)
    }

    // MARK: The present state decides, not the history.

    @Test func thePastIsNotThePresentPosition() {
        #expect(
            Fixture.stances(
                "稀土", "In the past the US dominated rare earth production, but today it imports 80% of its needs.")[
                    "US"]
                == unf)
        #expect(Fixture.stances("过去美国主导全球稀土生产，如今却严重依赖进口")["US"] == unf)
        let past = Fixture.scores("稀土", "In the past the US dominated rare earth production.")["US"] ?? 0
        let now = Fixture.scores("稀土", "The US dominates rare earth production.")["US"] ?? 0
        #expect(past < now)
    }

    @Test func aLaterTurnDecides() {
        #expect(
            Fixture.stances("稀土", "China initially lacked the technology but later surpassed everyone.")["CN"] == fav)
        #expect(Fixture.stances("中国起初缺乏技术，但后来超越了所有对手")["CN"] == fav)
    }

    // MARK: Circumvention: the accomplice and the circumventer are weak, the enforcer strong.

    @Test func transshipmentMarksTheAccompliceAndTheEnforcer() {
        let zh = Fixture.stances("稀土", "越南沦为帮凶，中国稀土被经越南转运到美国。中国商务部出手堵住漏洞。")
        #expect(zh["VN"] == unf)
        #expect(zh["CN"] == fav)
        let en = Fixture.stances("稀土", "Vietnam has become a transshipment hub for controlled rare earths.")
        #expect(en["VN"] == unf)
        #expect(Fixture.stances("稀土", "美国企业规避中国的出口管制") == ["US": unf, "CN": fav])
        #expect(Fixture.stances("稀土", "China closed the loophole.")["CN"] == fav)
    }

    @Test func catchingTheAccomplicesIsNoWeakness() {
        #expect(Fixture.stances("中国揪出两个“帮凶”，反制已经在路上")["CN"] != unf)
    }

    // MARK: A question title asks; the body answers.

    @Test func aQuestionTitleCarriesLittleOfItsClaim() {
        let claim = Fixture.scores("印度成为稀土强国")["IN"] ?? 0
        let asked = Fixture.scores("印度能成为稀土强国吗？")["IN"] ?? 0
        #expect(claim > 0)
        #expect(abs(asked) < claim * 0.75)
        let en = Fixture.scores("India becomes a rare earth powerhouse")["IN"] ?? 0
        let enAsked = Fixture.scores("Can India become a rare earth powerhouse?")["IN"] ?? 0
        #expect(en > 0)
        #expect(abs(enAsked) < en * 0.75)
    }

    @Test func theBodyAnswersAQuestionTitle() {
        #expect(Fixture.stances("印度能成为稀土强国吗？", "印度稀土产能有限，仍依赖进口。")["IN"] == unf)
        #expect(
            Fixture.stances(
                "Can India become a rare earth powerhouse?",
                "India still depends on imports and lacks processing capacity."
            )["IN"] == unf)
    }
}
