import Pipeline
import Scoring
import TestSupport
import Testing

/// The general tone layer stated as examples: a sentence in, the direction of its tone out.
@Suite("Tone rules")
struct ToneRulesTests: ToneExamples {
    @Test func everydayWordsGiveTheirDirection() {
        #expect(tone("The results were excellent.") > 0.15)
        #expect(tone("The launch was a disaster.") < -0.15)
        #expect(tone("公司业绩非常优秀。") > 0.15)
        #expect(tone("公司经营陷入困境。") < -0.15)
    }

    @Test func aSentenceWithoutToneWordsIsNeutral() {
        #expect(tone("The committee met on Tuesday in Geneva.") == 0)
        #expect(tone("委员会周二在日内瓦开会。") == 0)
    }

    @Test func newsAndEconomyVocabulary() {
        #expect(tone("Shares plunged as the crisis deepened.") < -0.3)
        #expect(tone("Exports surged to a record and profits soared.") > 0.3)
        #expect(tone("股价暴跌,行业雪上加霜。") < -0.3)
        #expect(tone("这是重大利好,行业蒸蒸日上。") > 0.3)
        #expect(tone("该企业一蹶不振。") < -0.3)
    }

    @Test func inflectedEnglishFormsAreWords() {
        for sentence in ["The plan fails.", "The plan failed.", "The plan is failing."] {
            #expect(tone(sentence) < 0, "\(sentence)")
        }
        #expect(tone("This is the best result.") > 0)
    }

    @Test func negationFlipsAndDamps() {
        let good = tone("The outlook is good.")
        let notGood = tone("The outlook is not good.")
        #expect(good > 0 && notGood < 0 && abs(notGood) < good)
        #expect(tone("The economy is no longer stable.") < 0)
        #expect(tone("The talks didn't fail.") > 0)
        #expect(tone("前景不好。") < 0)
        #expect(tone("这次改革并非失败。") > 0)
        #expect(tone("项目没有取得成功。") < 0)
    }

    @Test func negationStopsAtTheClause() {
        // "not" belongs to the first clause; "excellent" stands on its own after the comma.
        #expect(tone("It was not cheap, but the service was excellent.") > 0.15)
    }

    @Test func wordsThatHoldANegatorNegateNothing() {
        // 不断 (continually) holds 不 but is no negation.
        #expect(tone("业绩不断改善。") > 0)
        #expect(tone("Not only profitable but growing.") > 0)
    }

    @Test func intensifiersAndDiminishersScale() {
        let plain = tone("The result is good.")
        #expect(tone("The result is very good.") > plain)
        #expect(tone("The result is slightly good.") < plain)
        #expect(tone("业绩非常好。") > tone("业绩好。"))
        #expect(tone("业绩略好。") < tone("业绩好。"))
    }

    @Test func whatFollowsAContrastWeighsMore() {
        #expect(tone("Sales were good, but the outlook is terrible.") < 0)
        #expect(tone("Sales were terrible, but the outlook is good.") > 0)
        #expect(tone("销量不错,但是前景堪忧。") < 0)
        #expect(tone("虽然困难重重,然而公司取得了成功。") > 0)
    }

    @Test func emphasisStrengthens() {
        #expect(tone("The new design is GREAT.") > tone("The new design is great."))
        #expect(tone("The new design is great!") > tone("The new design is great."))
        // A sentence written (mostly) in capitals is not emphasis word by word.
        #expect(tone("THE NEW DESIGN IS GREAT.") == tone("The new design is great."))
    }

    @Test func aQuestionIsDamped() {
        #expect(abs(tone("Is this a success?")) < abs(tone("This is a success.")))
        #expect(abs(tone("这难道是成功吗?")) < abs(tone("这是成功。")))
    }

    @Test func traditionalSpellingsScoreLikeSimplified() {
        #expect(tone("經濟陷入困境。") == tone("经济陷入困境。"))
    }

    @Test func articleToneIsBoundedAndDilutedByNeutralSentences() {
        let one = tone("The plan was a disaster.")
        let diluted = tone("The plan was a disaster. The board met on Monday. The report runs to 40 pages.")
        #expect(diluted < 0 && diluted > one)
        #expect(abs(tone("Terrible, awful, horrible, dreadful, catastrophic failure!!!")) <= 1)
    }

    @Test func explainShowsEachWordWithItsSourceAndRules() {
        let words = evidence("The outlook is not good.")
        let good = words.first { $0.entry == "good" }
        #expect(good?.source.hasPrefix("tone_en.tsv:") == true)
        #expect(good?.modifiers.contains { $0.hasPrefix("not×") } == true)
        #expect((good?.value ?? 0) < 0)
    }

    @Test func stanceLabelsDoNotDependOnTheToneLayer() {
        // A strongly worded sentence moves the tone, not China's stance (no stance cue in it).
        let article = Fixture.article("China", "China held a wonderful, brilliant, excellent ceremony.")
        #expect(article.tone > 0.15)
        #expect(article.countries.first { $0.code == "CN" }?.label == .neutral)
    }
}
