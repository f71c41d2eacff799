import Foundation
import Scoring
import TestSupport
import Testing

@testable import Pipeline

/// `stance tune`'s cross-validation never labels an article with a model fitted on it, and the
/// features the decision layer reads say what the article says about the other countries.
@Suite("DecisionTuning")
struct DecisionTuningTests {
    /// Items in three files of four articles, two countries each, with features that separate labels.
    static func items() -> [DecisionTuning.Item] {
        var items: [DecisionTuning.Item] = []
        let d = DecisionFeatures.names.count
        for file in 0..<3 {
            for article in 0..<4 {
                for country in 0..<2 {
                    let k = (file + article + country) % 3
                    var features = [Double](repeating: 0, count: d)
                    features[0] = Double(1 - k) * 0.5
                    items.append(
                        DecisionTuning.Item(
                            set: "toy", article: "toy/f\(file).txt:\(article)", file: "toy/f\(file).txt",
                            gold: DecisionModel.labels[k], rules: .neutral,
                            features: k == 1 && country == 1 ? nil : features))
                }
            }
        }
        return items
    }

    @Test(arguments: [0, 2, 4])
    func crossValidationNeverScoresAFittedArticle(folds: Int) {
        let items = DecisionTuningTests.items()
        let result = DecisionTuning(items: items, iterations: 30).crossValidate(folds: folds)
        var scored: [String] = []
        for fold in result.folds {
            #expect(fold.fitted.isDisjoint(with: fold.scored), "\(fold.name) scored an article it was fitted on")
            scored += fold.scored
        }
        // Every article is scored exactly once.
        #expect(scored.sorted() == Array(Set(items.map(\.article))).sorted())
        if folds == 0 {
            #expect(result.folds.map(\.name) == ["toy/f0.txt", "toy/f1.txt", "toy/f2.txt"])
        }
    }

    @Test func theFitterSeesOnlyTrainingArticles() {
        // Watch every fit: the articles each fit was given must not include any the CV then scores with it.
        final class Log: @unchecked Sendable { var fits: [Set<String>] = [] }
        let log = Log()
        var tuning = DecisionTuning(items: DecisionTuningTests.items(), iterations: 30)
        tuning.fitter = { items, lambda in
            log.fits.append(Set(items.map(\.article)))
            return DecisionTuning.fit(items, lambda: lambda, iterations: 30)
        }
        let result = tuning.crossValidate(folds: 0)
        #expect(!log.fits.isEmpty)
        let perFold = log.fits.count / result.folds.count
        for (n, fold) in result.folds.enumerated() {
            for fit in log.fits[(n * perFold)..<((n + 1) * perFold)] {
                #expect(fit.isDisjoint(with: fold.scored))
            }
        }
    }

    @Test func undetectedPairsCountAsNeutral() {
        let items = DecisionTuningTests.items()
        let result = DecisionTuning(items: items, iterations: 30).crossValidate(folds: 2)
        for (i, item) in items.enumerated() where item.features == nil {
            #expect(result.predictions[i] == .neutral)
        }
    }

    static func features(_ title: String, _ body: String) -> [String: [String: Double]] {
        var scorer = ArticleScorer(lexicon: Fixture.rules, explain: true)
        let scored = scorer.score(
            Article(
                id: "t:1", file: "t", index: 1, line: 1, title: title, outlet: nil, published: nil, topic: nil,
                body: body))
        var result: [String: [String: Double]] = [:]
        for (c, v) in zip(scored.stance.countries, scorer.decisionFeatures(scored.stance)) {
            result[c.code] = Dictionary(uniqueKeysWithValues: zip(DecisionFeatures.names, v))
        }
        return result
    }

    @Test func aRivalsStrengthReachesTheOtherCountry() throws {
        let f = DecisionTuningTests.features(
            "China dominates rare earth processing", "China controls 90% of global refining. The US was mentioned.")
        let us = try #require(f["US"])
        let cn = try #require(f["CN"])
        #expect(cn["score"] ?? 0 > 0.3)
        #expect(us["cn_score_if_other"] == cn["score"])
        #expect(us["other_max"] == cn["score"])
        #expect(us["is_cn"] == 0 && cn["is_cn"] == 1)
        #expect(cn["cn_score_if_other"] == 0)
        #expect(cn["in_title"] == 1 && us["in_title"] == 0)
        #expect(us["only_passing"] == 1 && cn["only_passing"] == 0)
        #expect(cn["top_score"] == 1 && us["top_score"] == 0)
        #expect(cn["most_mentioned"] == 1)
    }

    @Test func evidenceIsSplitByRoleAndPlace() throws {
        let f = DecisionTuningTests.features("日本依赖中国稀土", "日本对华依赖很深。")
        let jp = try #require(f["JP"])
        let cn = try #require(f["CN"])
        #expect(jp["neg_subject_log"] ?? 0 > 0 && jp["pos_subject_log"] == 0)
        #expect(cn["pos_object_log"] ?? 0 > 0 && cn["neg_object_log"] == 0)
        #expect(jp["neg_title_log"] ?? 0 > 0 && cn["pos_title_log"] ?? 0 > 0)
        // China's evidence is all positive here: what Japan sees of it is China's whole evidence.
        #expect(cn["neg_subject_log"] == 0 && cn["neg_nearest_log"] == 0 && cn["neg_distant_log"] == 0)
        #expect(jp["cn_pos_log_if_other"] == cn["evidence_strength"])
        #expect(jp["cn_neg_log_if_other"] == 0)
    }

    @Test func evidenceSumsGrowLikeALogarithm() throws {
        // One dependence cue, then the same said three times: the sum triples, the feature does not.
        let once = try #require(DecisionTuningTests.features("日本稀土", "日本依赖中国稀土。")["JP"])
        let thrice = try #require(
            DecisionTuningTests.features("日本稀土", "日本依赖中国稀土。日本依赖中国稀土。日本依赖中国稀土。")["JP"])
        let one = try #require(once["neg_subject_log"])
        let three = try #require(thrice["neg_subject_log"])
        #expect(one > 0)
        #expect(abs(three - log1p(3 * expm1(one))) < 1e-9)
        #expect(three < 3 * one)
    }

    /// Inner-fold scores where the polar labels win every close call: the offsets should take some of
    /// those back for neutral.
    @Test func classOffsetsAreChosenForMacroF1() {
        var scored: [DecisionTuning.Scored] = []
        for i in 0..<30 {
            // Neutral pairs scored slightly favorable; favorable and unfavorable pairs clearly so.
            scored.append(DecisionTuning.Scored(gold: .neutral, scores: [0.3 + Double(i % 3) * 0.1, 0, -1]))
            scored.append(DecisionTuning.Scored(gold: .favorable, scores: [2, 0, -1]))
            scored.append(DecisionTuning.Scored(gold: .unfavorable, scores: [-1, 0, 2]))
        }
        scored.append(DecisionTuning.Scored(gold: .neutral, scores: nil))
        let none = DecisionTuning.macroF1(scored, offsets: [0, 0, 0])
        let offsets = DecisionTuning.offsets(scored)
        // The smallest shift that takes the neutral pairs back: their favorable scores reach 0.5.
        #expect(offsets == [-0.75, 0, 0])
        #expect(DecisionTuning.macroF1(scored, offsets: offsets) == 1)
        #expect(none < 1)
        // With nothing to gain, no shift.
        let clean = scored.filter { $0.gold != .neutral }
        #expect(DecisionTuning.offsets(clean) == [0, 0, 0])
    }

    @Test func theReportNamesTheChosenOffsets() {
        let result = DecisionTuning(items: DecisionTuningTests.items(), iterations: 30).crossValidate(folds: 0)
        #expect(result.folds.allSatisfy { $0.offsets.count == 3 && $0.offsets[1] == 0 })
        let text = result.text(folds: 0, innerFolds: 3, model: "toy")
        #expect(text.contains("class offsets chosen on the same inner folds: favorable "))
    }

    @Test func theShippedFileNamesItsOffsets() {
        let final = DecisionTuning(items: DecisionTuningTests.items(), iterations: 30).final(trainedOn: "toy")
        #expect(final.trainedOn.hasPrefix("toy; biases shifted by favorable "))
    }

    @Test func aWeightsFileRelabelsThroughTheContext() {
        // A hand-written layer that reads only the rival's strength: a country facing a strong China is unfavorable.
        let d = DecisionFeatures.names.count
        let j = DecisionFeatures.names.firstIndex(of: "cn_score_if_other") ?? 0
        var weights = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: 3)
        weights[1][0] = 1  // neutral unless the context says otherwise
        weights[2][j + 1] = 10
        var model = Fixture.rules.model
        model.decision = DecisionModel(
            names: DecisionFeatures.names, means: [Double](repeating: 0, count: d),
            scales: [Double](repeating: 1, count: d), weights: weights, lambda: 0, trainedOn: "test")
        var scorer = ArticleScorer(lexicon: Lexicon(model: model), explain: true)
        let scored = scorer.score(
            Article(
                id: "t:1", file: "t", index: 1, line: 1, title: "China dominates rare earth processing",
                outlet: nil, published: nil, topic: nil, body: "China controls 90% of global refining. Japan was there."
            ))
        let labels = Dictionary(uniqueKeysWithValues: scored.stance.countries.map { ($0.code, $0.label) })
        #expect(labels["JP"] == .unfavorable)
        #expect(labels["CN"] == .neutral)
        let jp = scored.stance.countries.first { $0.code == "JP" }
        #expect(jp?.decision.first?.feature == "cn_score_if_other")
        #expect(jp?.probability ?? 0 > 0.5)
    }
}
