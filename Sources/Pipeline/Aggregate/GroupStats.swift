import Foundation
import Scoring

/// Running statistics of one group: count, mean score with its 95% interval, label counts, net stance.
///
/// The sums are `ExactSum`s, so adding the same values in any order, or merging groups summed apart,
/// gives the same bits: `summary` and `merge` of any split of the input agree byte for byte.
public struct GroupStats: Sendable, Equatable {
    public internal(set) var count = 0
    public internal(set) var exactSum = ExactSum()
    public internal(set) var exactSquares = ExactSum()
    public internal(set) var favorable = 0
    public internal(set) var neutral = 0
    public internal(set) var unfavorable = 0
    public internal(set) var exactTone = ExactSum()

    public init() {}

    public var sum: Double { exactSum.value }
    public var sumOfSquares: Double { exactSquares.value }
    public var toneSum: Double { exactTone.value }

    public mutating func add(score: Double, label: StanceLabel, tone: Double) {
        add(Contribution(score: score, label: label, tone: tone))
    }

    /// Adds one (article, group) value already in fixed point.
    public mutating func add(_ c: Contribution) {
        count += 1
        exactSum.add(units: c.score)
        exactSquares.add(units: c.square)
        exactTone.add(units: c.tone)
        switch c.label {
        case .favorable: favorable += 1
        case .neutral: neutral += 1
        case .unfavorable: unfavorable += 1
        }
    }

    /// Adds the statistics of `other`, summed elsewhere.
    public mutating func merge(_ other: GroupStats) {
        count += other.count
        exactSum.add(other.exactSum)
        exactSquares.add(other.exactSquares)
        exactTone.add(other.exactTone)
        favorable += other.favorable
        neutral += other.neutral
        unfavorable += other.unfavorable
    }

    /// One article's value in a group, in the fixed point of `ExactSum`.
    public struct Contribution: Sendable, Equatable {
        public var score: Int128
        public var square: Int128
        public var tone: Int128
        public var label: StanceLabel

        public init(score: Double, label: StanceLabel, tone: Double) {
            self.score = ExactSum.units(score)
            self.square = ExactSum.units(score * score)
            self.tone = ExactSum.units(tone)
            self.label = label
        }

        public init(score: Int128, square: Int128, tone: Int128, label: StanceLabel) {
            (self.score, self.square, self.tone, self.label) = (score, square, tone, label)
        }
    }

    public var mean: Double { count > 0 ? sum / Double(count) : 0 }
    public var meanTone: Double { count > 0 ? toneSum / Double(count) : 0 }

    /// Sample standard deviation.
    public var standardDeviation: Double {
        guard count > 1 else { return 0 }
        let variance = (sumOfSquares - sum * sum / Double(count)) / Double(count - 1)
        return variance > 0 ? variance.squareRoot() : 0
    }

    /// The 95% confidence interval of the mean (Student's t), clipped to [-1, 1]; `nil` for one article.
    public var interval: (low: Double, high: Double)? {
        guard count > 1 else { return nil }
        let half = GroupStats.t975(degrees: count - 1) * standardDeviation / Double(count).squareRoot()
        return (max(-1, mean - half), min(1, mean + half))
    }

    /// Net stance: (favorable − unfavorable) / count.
    public var net: Double { count > 0 ? Double(favorable - unfavorable) / Double(count) : 0 }

    /// The 97.5% quantile of Student's t with `degrees` degrees of freedom.
    static func t975(degrees: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
            2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
            2.045, 2.042,
        ]
        if degrees <= 0 { return .infinity }
        if degrees <= table.count { return table[degrees - 1] }
        // Cornish–Fisher expansion around the normal quantile: within 0.0002 of the exact value from
        // 31 degrees of freedom on, rounded to the table's three decimals.
        let z = 1.959964, v = Double(degrees)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        let t =
            z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
        return (t * 1000).rounded() / 1000
    }
}
