import Scoring

/// Agreement between gold and predicted labels: accuracy, F1 per label, macro-F1, SemEval F_avg,
/// Cohen's kappa and the confusion matrix.
public struct Metrics: Sendable, Equatable {
    /// `confusion[gold][predicted]`, labels in `StanceLabel.allCases` order.
    public private(set) var confusion: [[Int]] = Array(repeating: [0, 0, 0], count: 3)

    public init() {}

    public init(_ pairs: [(gold: StanceLabel, predicted: StanceLabel)]) {
        for p in pairs { add(gold: p.gold, predicted: p.predicted) }
    }

    static func slot(_ l: StanceLabel) -> Int { StanceLabel.allCases.firstIndex(of: l) ?? 0 }

    public mutating func add(gold: StanceLabel, predicted: StanceLabel) {
        confusion[Metrics.slot(gold)][Metrics.slot(predicted)] += 1
    }

    public var count: Int { confusion.joined().reduce(0, +) }
    public var correct: Int { (0..<3).map { confusion[$0][$0] }.reduce(0, +) }
    public var accuracy: Double { count > 0 ? Double(correct) / Double(count) : 0 }

    public func precision(_ l: StanceLabel) -> Double {
        let k = Metrics.slot(l)
        let predicted = (0..<3).map { confusion[$0][k] }.reduce(0, +)
        return predicted > 0 ? Double(confusion[k][k]) / Double(predicted) : 0
    }

    public func recall(_ l: StanceLabel) -> Double {
        let k = Metrics.slot(l)
        let gold = confusion[k].reduce(0, +)
        return gold > 0 ? Double(confusion[k][k]) / Double(gold) : 0
    }

    public func f1(_ l: StanceLabel) -> Double {
        let p = precision(l), r = recall(l)
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    /// Mean F1 over the three labels (a label absent from gold and predictions counts as 0).
    public var macroF1: Double { StanceLabel.allCases.map(f1).reduce(0, +) / 3 }

    /// Mean F1 over the labels that occur in gold or predictions: for small breakdowns (one country)
    /// where a label never occurs, counting it as 0 would understate agreement.
    public var macroF1Present: Double {
        let present = StanceLabel.allCases.filter { l in
            let k = Metrics.slot(l)
            return confusion[k].reduce(0, +) + (0..<3).map { confusion[$0][k] }.reduce(0, +) > 0
        }
        return present.isEmpty ? 0 : present.map(f1).reduce(0, +) / Double(present.count)
    }

    /// SemEval-2016 F_avg: the mean of the favorable and unfavorable F1.
    public var fAvg: Double { (f1(.favorable) + f1(.unfavorable)) / 2 }

    /// Cohen's kappa of predictions against gold.
    public var kappa: Double {
        let n = Double(count)
        guard n > 0 else { return 0 }
        var expected = 0.0
        for k in 0..<3 {
            let gold = Double(confusion[k].reduce(0, +))
            let predicted = Double((0..<3).map { confusion[$0][k] }.reduce(0, +))
            expected += gold * predicted / (n * n)
        }
        let observed = accuracy
        return expected < 1 ? (observed - expected) / (1 - expected) : 0
    }
}

/// Precision, recall and F1 of detected (article, country) pairs.
public struct DetectionMetrics: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    public var precision: Double {
        let d = truePositives + falsePositives
        return d > 0 ? Double(truePositives) / Double(d) : 0
    }

    public var recall: Double {
        let d = truePositives + falseNegatives
        return d > 0 ? Double(truePositives) / Double(d) : 0
    }

    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
}
