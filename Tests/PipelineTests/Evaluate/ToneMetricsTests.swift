import Foundation
import Pipeline
import Scoring
import TestSupport
import Testing

/// The tone figures of `stance eval`: correlations, ranks with ties, labels and macro-F1.
@Suite("Tone metrics")
struct ToneMetricsTests {
    @Test func pearsonOfALinearRelationIsOne() {
        #expect(abs(ToneMetrics.pearson([1, 2, 3, 4], [2, 4, 6, 8]) - 1) < 1e-12)
        #expect(abs(ToneMetrics.pearson([1, 2, 3, 4], [8, 6, 4, 2]) + 1) < 1e-12)
    }

    @Test func pearsonByHand() {
        // x = 1,2,3; y = 1,3,2: sxy = 1, sxx = 2, syy = 2 → r = 0.5.
        #expect(abs(ToneMetrics.pearson([1, 2, 3], [1, 3, 2]) - 0.5) < 1e-12)
    }

    @Test func pearsonOfAConstantIsZero() {
        #expect(ToneMetrics.pearson([1, 2, 3], [0, 0, 0]) == 0)
        #expect(ToneMetrics.pearson([1], [1]) == 0)
    }

    @Test func tiesShareTheirMeanRank() {
        #expect(ToneMetrics.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
    }

    @Test func spearmanReadsOnlyTheOrder() {
        var m = ToneMetrics(neutralBand: -0.15...0.15, goldNeutralBand: -0.5...0.5)
        // A monotone but non-linear prediction: Spearman 1, Pearson below 1.
        for (rating, predicted) in [(-3.0, -0.9), (-1.0, -0.1), (0.0, 0.0), (1.0, 0.05), (3.0, 0.95)] {
            m.items.append(.init(rating: rating, gold: ToneLabel(rating, neutral: -0.5...0.5), predicted: predicted))
        }
        #expect(abs(m.spearman - 1) < 1e-12)
        #expect(m.pearson < 0.99)
    }

    @Test func labelsUseBothNeutralBands() {
        var m = ToneMetrics(neutralBand: -0.15...0.15, goldNeutralBand: -0.5...0.5)
        // gold -2 negative / predicted -0.5 negative; gold 0.5 neutral / predicted 0.1 neutral;
        // gold 2 positive / predicted 0.15 positive (the band's end is outside it); gold 1 positive /
        // predicted -0.2 negative.
        for (rating, predicted) in [(-2.0, -0.5), (0.5, 0.1), (2.0, 0.15), (1.0, -0.2)] {
            m.items.append(.init(rating: rating, gold: ToneLabel(rating, neutral: -0.5...0.5), predicted: predicted))
        }
        let labels = m.labels
        #expect(labels.count == 4)
        #expect(labels.correct == 3)
        // F1: positive 2/3 (P 1, R 0.5), neutral 1, negative 2/3 (P 0.5, R 1).
        #expect(abs(labels.macroF1 - (2.0 / 3 + 1 + 2.0 / 3) / 3) < 1e-9)
    }

    @Test func toneFileReadsNumbersLabelsAndABand() throws {
        let dir = try Fixture.temporaryDirectory(prefix: "stance-tone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tone.tsv").path
        try "file\tindex\ttone\nneutral\t2.5\t3.5\na.txt\t1\t4.5\na.txt\t2\t3\na.txt\t3\tnegative\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let labels = try ToneLabels(path: path, known: ["a.txt\t1", "a.txt\t2", "a.txt\t3"])
        #expect(labels.rows.map(\.label) == [.positive, .neutral, .negative])
        #expect(labels.rows.map(\.rating) == [4.5, 3, nil])
        #expect(labels.neutralBand == 2.5...3.5)
    }

    @Test func aToneFileRowForAMissingArticleNamesTheLine() throws {
        let dir = try Fixture.temporaryDirectory(prefix: "stance-tone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tone.tsv").path
        try "a.txt\t1\t1\na.txt\t9\tpositive\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: EvalError.self) { try ToneLabels(path: path, known: ["a.txt\t1"]) }
        do {
            _ = try ToneLabels(path: path, known: ["a.txt\t1"])
        } catch {
            #expect(error.description.contains("tone.tsv:2"))
        }
    }
}
