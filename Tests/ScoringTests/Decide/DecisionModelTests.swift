import Foundation
import Testing

@testable import Scoring

/// The decision layer's model: fitting recovers a known rule, the weights file round-trips, and a
/// file this build cannot use is refused with the line to fix.
@Suite("DecisionModel")
struct DecisionModelTests {
    /// A separable toy problem: favorable when the first feature is high, unfavorable when it is low,
    /// neutral in between; the second feature is noise (a fixed pattern, no randomness).
    static func toy() -> [DecisionFitter.Sample] {
        (0..<90).map { i in
            let x = Double(i % 30) / 10 - 1.5  // -1.5 ... 1.4
            let label: StanceLabel = x > 0.5 ? .favorable : x < -0.5 ? .unfavorable : .neutral
            return DecisionFitter.Sample(features: [x, Double((i * 7) % 5)], label: label)
        }
    }

    @Test func fittingRecoversASeparableProblem() {
        let samples = DecisionModelTests.toy()
        let model = DecisionFitter(lambda: 0.0001, iterations: 2000).fit(samples, names: ["signal", "noise"])
        let correct = samples.filter { model.label($0.features) == $0.label }.count
        #expect(correct == samples.count, "\(correct) of \(samples.count) right")
        #expect(model.label([1.3, 2]) == .favorable)
        #expect(model.label([-1.3, 2]) == .unfavorable)
        #expect(model.label([0, 2]) == .neutral)
        // The signal carries the decision: favorable's weight on it is well above unfavorable's.
        #expect(model.weights[0][1] - model.weights[2][1] > 1)
    }

    @Test func fittingIsDeterministic() {
        let a = DecisionFitter(lambda: 0.1, iterations: 100).fit(DecisionModelTests.toy(), names: ["signal", "noise"])
        let b = DecisionFitter(lambda: 0.1, iterations: 100).fit(DecisionModelTests.toy(), names: ["signal", "noise"])
        #expect(a == b)
    }

    @Test func strongerRegularisationShrinksWeights() {
        let weak = DecisionFitter(lambda: 0.001).fit(DecisionModelTests.toy(), names: ["signal", "noise"])
        let strong = DecisionFitter(lambda: 1).fit(DecisionModelTests.toy(), names: ["signal", "noise"])
        #expect(abs(strong.weights[0][1]) < abs(weak.weights[0][1]))
    }

    @Test func aStrongStrengthStillConverges() {
        // At a fixed step, an L2 strength of 3 diverged (every weight NaN or huge): the step now shrinks with it.
        let model = DecisionFitter(lambda: 3, iterations: 300).fit(
            DecisionModelTests.toy(), names: ["signal", "noise"])
        #expect(model.weights.joined().allSatisfy { $0.isFinite && abs($0) < 10 }, "\(model.weights)")
        let moderate = DecisionFitter(lambda: 1).fit(DecisionModelTests.toy(), names: ["signal", "noise"])
        #expect(abs(model.weights[0][1]) < abs(moderate.weights[0][1]))
        #expect(model.label([1.3, 2]) == .favorable && model.label([-1.3, 2]) == .unfavorable)
    }

    @Test func offsetsShiftOnlyTheBiases() {
        let model = DecisionModelTests.model()
        let shifted = model.shifted(by: [-0.5, 0, 0.25])
        #expect(shifted.weights[0][0] == model.weights[0][0] - 0.5)
        #expect(shifted.weights[1][0] == model.weights[1][0])
        #expect(shifted.weights[2][0] == model.weights[2][0] + 0.25)
        #expect(shifted.weights.map { $0.dropFirst() } == model.weights.map { $0.dropFirst() })
        let x = (0..<DecisionFeatures.names.count).map { Double($0 % 4) - 1 }
        let s = model.scores(x), t = shifted.scores(x)
        #expect(abs(t[0] - (s[0] - 0.5)) < 1e-12 && abs(t[2] - (s[2] + 0.25)) < 1e-12)
    }

    /// A model over the build's own features, with made-up weights.
    static func model() -> DecisionModel {
        let d = DecisionFeatures.names.count
        var means: [Double] = [], scales: [Double] = []
        for j in 0..<d {
            means.append(Double(j) / 8)
            scales.append(1 + Double(j))
        }
        var weights: [[Double]] = []
        for k in 0..<3 {
            var row: [Double] = []
            for j in 0...d { row.append(Double((j * 3 + k) % 7) / 4 - 0.75) }
            weights.append(row)
        }
        return DecisionModel(
            names: DecisionFeatures.names, means: means, scales: scales, weights: weights, lambda: 0.1,
            trainedOn: "a test")
    }

    static func read(_ text: String) throws -> (DecisionModel?, [ModelIssue]) {
        let file = try TSVFile(path: "decision.tsv", data: Data(text.utf8))
        var issues: [ModelIssue] = []
        return (DecisionModel.read(file, issues: &issues), issues)
    }

    @Test func weightsFileRoundTrips() throws {
        let model = DecisionModelTests.model()
        let (read, issues) = try DecisionModelTests.read(model.fileText())
        #expect(issues.isEmpty, "\(issues)")
        #expect(read == model)
    }

    @Test func unknownVersionIsRefused() {
        let text = DecisionModelTests.model().fileText().replacingOccurrences(of: "format\t1", with: "format\t2")
        #expect(throws: ModelError.unknownFormat(path: "decision.tsv", line: 6, found: 2)) {
            _ = try DecisionModelTests.read(text)
        }
    }

    @Test func aFileForOtherFeaturesNamesTheLine() throws {
        let text = DecisionModelTests.model().fileText().replacingOccurrences(
            of: "feature\tmentions_log\t", with: "feature\tmention_count\t")
        let (read, issues) = try DecisionModelTests.read(text)
        #expect(read == nil)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("feature\tmention_count") }.map { $0 + 1 }
        #expect(issues.count == 1 && issues.first?.line == line, "\(issues)")
        #expect(issues.first?.message.contains("expects `mentions_log`") == true)
    }

    @Test func aMissingFeatureIsAnError() throws {
        let lines = DecisionModelTests.model().fileText().split(separator: "\n").dropLast()
        let (read, issues) = try DecisionModelTests.read(lines.joined(separator: "\n") + "\n")
        #expect(read == nil)
        #expect(issues.first?.message.contains("refit") == true, "\(issues)")
    }

    @Test func explanationSumsToTheChosenLabelsMargin() {
        let model = DecisionModelTests.model()
        let x = (0..<DecisionFeatures.names.count).map { Double($0 % 4) - 1 }
        let e = model.explain(x)
        #expect(e.label == model.label(x))
        #expect(e.probability > 1.0 / 3)
        #expect(e.terms.contains { $0.feature == "bias" })
    }

    @Test func modelCheckCoversTheWeightsFile() throws {
        let good = DecisionModelTests.model().fileText()
        let (dir, issues) = try ModelCheckTests.check(["decision.tsv": good])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(issues.isEmpty, "\(issues)")
        #expect(try Model.load(directory: dir).decision == DecisionModelTests.model())
        try ModelCheckTests.expectOne(
            ["decision.tsv": good.replacingOccurrences(of: "lambda\t0.1", with: "lambda\tstrong")],
            file: "decision.tsv",
            line: 8, containing: "`lambda` takes one number")
    }

    @Test func withoutAWeightsFileTheThresholdsDecide() throws {
        let (dir, _) = try ModelCheckTests.check([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Model.load(directory: dir).decision == nil)
    }
}
