import Foundation

/// Fits a `DecisionModel`: multinomial logistic regression with L2 regularisation, by full-batch
/// gradient descent with Nesterov momentum from zero weights.
///
/// Deterministic: no randomness, samples summed in the given order, a fixed number of steps, so the
/// same data gives the same weights on every machine and thread count. Labels are weighted inversely
/// to their frequency (optional) because the figure that matters is macro-F1.
public struct DecisionFitter: Sendable {
    /// One labelled example: raw features and gold label.
    public struct Sample: Sendable {
        public var features: [Double]
        public var label: StanceLabel
        /// How much the sample counts (a set in the style the layer is for may count more).
        public var weight: Double
        public init(features: [Double], label: StanceLabel, weight: Double = 1) {
            self.features = features
            self.label = label
            self.weight = weight
        }
    }

    public var lambda: Double
    public var iterations: Int
    public var balanced: Bool

    public init(lambda: Double = 0.1, iterations: Int = 400, balanced: Bool = true) {
        self.lambda = lambda
        self.iterations = iterations
        self.balanced = balanced
    }

    /// Fits on `samples`; `names` label the features in the weights file.
    public func fit(_ samples: [Sample], names: [String], trainedOn: String = "") -> DecisionModel {
        let d = names.count
        let n = samples.count
        // Standardise: mean and standard deviation of each feature (1 when a feature is constant).
        var means = [Double](repeating: 0, count: d)
        var scales = [Double](repeating: 1, count: d)
        if n > 0 {
            for s in samples { for j in 0..<d { means[j] += s.features[j] } }
            for j in 0..<d { means[j] /= Double(n) }
            var variance = [Double](repeating: 0, count: d)
            for s in samples {
                for j in 0..<d { variance[j] += (s.features[j] - means[j]) * (s.features[j] - means[j]) }
            }
            for j in 0..<d {
                let sd = (variance[j] / Double(n)).squareRoot()
                scales[j] = sd > 1e-9 ? sd : 1
            }
        }
        let k = DecisionModel.labels.count
        let width = d + 1
        // Rows of [1, z...], flat, so the loop below runs over contiguous memory.
        var x = [Double](repeating: 1, count: n * width)
        for (i, s) in samples.enumerated() {
            for j in 0..<d { x[i * width + j + 1] = (s.features[j] - means[j]) / scales[j] }
        }
        let y = samples.map { s in DecisionModel.labels.firstIndex(of: s.label) ?? 1 }
        var counts = [Double](repeating: 0, count: k)
        for (i, c) in y.enumerated() { counts[c] += samples[i].weight }
        let mass = counts.reduce(0, +)
        let classWeight = (0..<k).map { c in
            balanced && counts[c] > 0 ? mass / (Double(k) * counts[c]) : 1
        }
        let raw = y.indices.map { classWeight[y[$0]] * samples[$0].weight }
        let total = max(raw.reduce(0, +), 1e-12)
        let sampleWeight = raw.map { $0 / total }

        var w = [Double](repeating: 0, count: k * width)
        var velocity = w
        var ahead = w
        var gradient = w
        // The L2 term alone makes a step of `rate × lambda` on each weight: above 1 the iteration diverges
        // (a strength of 3 fitted nothing at a fixed rate of 0.5), so strong strengths take shorter steps.
        let rate = 0.5 / max(1, lambda), momentum = 0.9
        var logits = [Double](repeating: 0, count: k)
        for _ in 0..<iterations {
            // Gradient at the look-ahead point (Nesterov).
            for i in 0..<w.count {
                ahead[i] = w[i] + momentum * velocity[i]
                gradient[i] = 0
            }
            x.withUnsafeBufferPointer { x in
                ahead.withUnsafeBufferPointer { a in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for i in 0..<n {
                            let row = i * width
                            var top = -Double.infinity
                            for c in 0..<k {
                                var s = 0.0
                                for j in 0..<width { s += a[c * width + j] * x[row + j] }
                                logits[c] = s
                                top = max(top, s)
                            }
                            var sum = 0.0
                            for c in 0..<k {
                                logits[c] = Foundation.exp(logits[c] - top)
                                sum += logits[c]
                            }
                            for c in 0..<k {
                                let e = sampleWeight[i] * (logits[c] / sum - (c == y[i] ? 1 : 0))
                                for j in 0..<width { g[c * width + j] += e * x[row + j] }
                            }
                        }
                    }
                }
            }
            for c in 0..<k {
                for j in 1..<width { gradient[c * width + j] += lambda * ahead[c * width + j] }
            }
            for i in 0..<w.count {
                velocity[i] = momentum * velocity[i] - rate * gradient[i]
                w[i] += velocity[i]
            }
        }
        func r(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }
        return DecisionModel(
            names: names, means: means.map(r), scales: scales.map(r),
            weights: (0..<k).map { c in (0..<width).map { r(w[c * width + $0]) } }, lambda: lambda,
            trainedOn: trainedOn)
    }
}
