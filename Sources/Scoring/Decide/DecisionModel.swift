import Foundation

/// The fitted decision layer: a multinomial logistic regression that turns the features of one
/// (article, country) (`DecisionFeatures`) into a stance label.
///
/// Features are standardised with the means and scales of the data it was fitted on; each label has
/// a bias and one weight per feature, and the label with the highest linear score wins. Read from and
/// written to `Models/decision.tsv` (see `DecisionModel+File.swift` and Documentation/Scoring.md).
public struct DecisionModel: Sendable, Equatable {
    /// The labels, in the order of `weights` rows.
    public static let labels: [StanceLabel] = [.favorable, .neutral, .unfavorable]

    public var names: [String]
    public var means: [Double]
    public var scales: [Double]
    /// One row per label: bias first, then one weight per feature.
    public var weights: [[Double]]
    /// The L2 strength it was fitted with, and a line on what it was fitted on (both informative).
    public var lambda: Double
    public var trainedOn: String

    public init(
        names: [String], means: [Double], scales: [Double], weights: [[Double]], lambda: Double, trainedOn: String
    ) {
        self.names = names
        self.means = means
        self.scales = scales
        self.weights = weights
        self.lambda = lambda
        self.trainedOn = trainedOn
    }

    /// The standardised vector: (x − mean) / scale.
    public func standardise(_ x: [Double]) -> [Double] {
        var z = [Double](repeating: 0, count: x.count)
        for j in 0..<x.count { z[j] = (x[j] - means[j]) / scales[j] }
        return z
    }

    /// Linear score of each label for a standardised vector.
    func logits(_ z: [Double]) -> [Double] {
        weights.map { row in
            var s = row[0]
            for j in 0..<z.count { s += row[j + 1] * z[j] }
            return s
        }
    }

    /// The linear score of each label (in `labels` order) for raw features `x`: what `stance tune`
    /// reads to choose the class offsets.
    public func scores(_ x: [Double]) -> [Double] { logits(standardise(x)) }

    /// The same model with `offsets` (one per label) added to the biases.
    public func shifted(by offsets: [Double]) -> DecisionModel {
        var model = self
        for k in model.weights.indices where k < offsets.count { model.weights[k][0] += offsets[k] }
        return model
    }

    /// The most likely label for raw features `x`.
    ///
    /// `argmax(logits(standardise(x)))` without its two arrays (it runs for every country of every
    /// article): the same operations in the same order, so the same label.
    public func label(_ x: [Double]) -> StanceLabel {
        var best = 0
        var bestScore = 0.0
        for k in weights.indices {
            let row = weights[k]
            var s = row[0]
            for j in 0..<x.count { s += row[j + 1] * ((x[j] - means[j]) / scales[j]) }
            if k == 0 || s > bestScore {
                best = k
                bestScore = s
            }
        }
        return DecisionModel.labels[best]
    }

    /// Label probabilities for raw features `x` (softmax of the logits), in `labels` order.
    public func probabilities(_ x: [Double]) -> [Double] {
        DecisionModel.softmax(logits(standardise(x)))
    }

    /// One feature's part in a decision: its raw value and what it adds to the chosen label's logit
    /// relative to the mean of the three labels (so the parts, with the bias, sum to the margin).
    public struct Term: Sendable, Equatable, Codable {
        public var feature: String
        public var value: Double
        public var contribution: Double
    }

    /// The chosen label, its probability and the terms behind it, largest first (zero terms dropped).
    public func explain(_ x: [Double]) -> (label: StanceLabel, probability: Double, terms: [Term]) {
        let z = standardise(x)
        let l = logits(z)
        let k = DecisionModel.argmax(l)
        var terms: [Term] = []
        let n = Double(weights.count)
        let centredBias = weights[k][0] - weights.reduce(0) { $0 + $1[0] } / n
        terms.append(Term(feature: "bias", value: 1, contribution: DecisionModel.round(centredBias)))
        for j in 0..<z.count {
            let mean = weights.reduce(0) { $0 + $1[j + 1] } / n
            let c = (weights[k][j + 1] - mean) * z[j]
            if abs(c) >= 0.0005 {
                terms.append(
                    Term(feature: names[j], value: DecisionModel.round(x[j]), contribution: DecisionModel.round(c)))
            }
        }
        terms.sort { abs($0.contribution) > abs($1.contribution) }
        return (DecisionModel.labels[k], DecisionModel.round(DecisionModel.softmax(l)[k]), terms)
    }

    /// The index of the largest value, the first of equals.
    public static func argmax(_ v: [Double]) -> Int {
        var best = 0
        for i in 1..<v.count where v[i] > v[best] { best = i }
        return best
    }

    static func softmax(_ v: [Double]) -> [Double] {
        let m = v.max() ?? 0
        let e = v.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
