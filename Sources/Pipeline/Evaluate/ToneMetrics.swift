import Foundation

/// How well the article tone follows people's ratings: Pearson and Spearman correlation over the
/// numeric ratings, macro-F1 and accuracy over negative / neutral / positive.
public struct ToneMetrics: Sendable {
    /// (gold rating when numeric, gold label, predicted tone) per rated item.
    public var items: [(rating: Double?, gold: ToneLabel, predicted: Double)] = []
    /// Predicted tones inside this band are neutral (params.tsv `tone_unfavorable` … `tone_favorable`).
    public var neutralBand: ClosedRange<Double>
    /// The gold band that makes a numeric rating neutral (tone.tsv).
    public var goldNeutralBand: ClosedRange<Double>

    public init(neutralBand: ClosedRange<Double>, goldNeutralBand: ClosedRange<Double>) {
        self.neutralBand = neutralBand
        self.goldNeutralBand = goldNeutralBand
    }

    public var count: Int { items.count }
    /// Items with a numeric rating (correlations use only these).
    public var rated: Int { items.filter { $0.rating != nil }.count }

    public var pearson: Double {
        let pairs = items.compactMap { i in i.rating.map { ($0, i.predicted) } }
        return ToneMetrics.pearson(pairs.map(\.0), pairs.map(\.1))
    }

    public var spearman: Double {
        let pairs = items.compactMap { i in i.rating.map { ($0, i.predicted) } }
        return ToneMetrics.pearson(ToneMetrics.ranks(pairs.map(\.0)), ToneMetrics.ranks(pairs.map(\.1)))
    }

    /// Label metrics: negative / neutral / positive counted as unfavorable / neutral / favorable.
    public var labels: Metrics {
        var m = Metrics()
        for i in items {
            m.add(gold: i.gold.asStance, predicted: ToneLabel(i.predicted, neutral: neutralOpen).asStance)
        }
        return m
    }

    /// The prediction's band, with its ends outside (a tone equal to `tone_favorable` is positive).
    private var neutralOpen: ClosedRange<Double> {
        neutralBand.lowerBound.nextUp...neutralBand.upperBound.nextDown
    }

    /// Pearson's r; 0 when either side is constant or there are fewer than two items.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count == y.count, x.count >= 2 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Ranks from 1, ties sharing their mean rank (so Spearman's rho is Pearson's r on ranks).
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let mean = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = mean }
            i = j + 1
        }
        return ranks
    }
}
