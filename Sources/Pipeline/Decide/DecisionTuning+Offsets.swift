import Scoring

/// Class offsets: the fitted layer balances the labels by weighting them inversely to their frequency,
/// which trades neutral's precision for the polar labels' recall at a rate that need not be the one
/// macro-F1 rewards. Offsets added to the favorable and unfavorable biases, chosen on a training part's
/// own inner cross-validation, set that trade where the training part says it pays.
extension DecisionTuning {
    /// An inner-fold label: its gold and the model's linear scores (`nil` when the rules did not detect
    /// the country: it stays neutral whatever the offsets).
    struct Scored {
        var gold: StanceLabel
        var scores: [Double]?
    }

    /// The offsets tried for favorable and for unfavorable (neutral's stays 0).
    public static let offsetGrid: [Double] = stride(from: -1.0, through: 1.0, by: 0.25).map { $0 }

    /// Macro-F1 of `scored` labelled with `offsets` added to the scores.
    static func macroF1(_ scored: [Scored], offsets: [Double]) -> Double {
        var m = Metrics()
        for s in scored {
            var predicted = StanceLabel.neutral
            if let v = s.scores {
                predicted = DecisionModel.labels[DecisionModel.argmax(zip(v, offsets).map(+))]
            }
            m.add(gold: s.gold, predicted: predicted)
        }
        return m.macroF1
    }

    /// The offsets of `offsetGrid` with the best macro-F1 on `scored`; among equals, the smallest
    /// shift (so no evidence for a shift means none).
    static func offsets(_ scored: [Scored]) -> [Double] {
        var best = [0.0, 0, 0]
        var bestScore = -1.0
        for favorable in offsetGrid {
            for unfavorable in offsetGrid {
                let candidate = [favorable, 0, unfavorable]
                let score = macroF1(scored, offsets: candidate)
                let smaller = abs(favorable) + abs(unfavorable) < abs(best[0]) + abs(best[2])
                if score > bestScore + 1e-12 || (abs(score - bestScore) <= 1e-12 && smaller) {
                    best = candidate
                    bestScore = score
                }
            }
        }
        return best
    }

    /// Offsets as `favorable -0.25, unfavorable 0` for reports and the weights file.
    public static func describe(_ offsets: [Double]) -> String {
        "favorable \(offsets[0].formatted2), unfavorable \(offsets[2].formatted2)"
    }
}

extension Double {
    fileprivate var formatted2: String {
        let r = (self * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
