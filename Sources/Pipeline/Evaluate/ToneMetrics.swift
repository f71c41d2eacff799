import Foundation

/// How well the article tone follows people's ratings: Pearson and Spearman correlation over the
/// numeric ratings, macro-F1 and accuracy over negative / neutral / positive.
public struct ToneMetrics: Sendable {
    /// One rated item: its gold rating (when numeric) and label, the predicted tone, and what
    /// `--errors` shows of it.
    public struct Item: Sendable {
        public var rating: Double?
        public var gold: ToneLabel
        public var predicted: Double
        /// The article's language (`zh`, `en`, `mixed`): it picks the neutral band.
        public var language: String
        /// `set/file:index`, the title and the tone words with their values.
        public var article: String
        public var title: String
        public var words: String

        public init(
            rating: Double?, gold: ToneLabel, predicted: Double, language: String = "", article: String = "",
            title: String = "", words: String = ""
        ) {
            self.rating = rating
            self.gold = gold
            self.predicted = predicted
            self.language = language
            self.article = article
            self.title = title
            self.words = words
        }
    }

    public var items: [Item] = []
    /// Predicted tones inside this band are neutral (params.tsv `tone_unfavorable` … `tone_favorable`)
    /// unless the item's language has its own band.
    public var neutralBand: ClosedRange<Double>
    /// Half-widths of the languages that have their own band (tone_rules.tsv `neutral_band_<language>`).
    public var languageBands: [String: Double]
    /// The gold band that makes a numeric rating neutral (tone.tsv).
    public var goldNeutralBand: ClosedRange<Double>

    public init(
        neutralBand: ClosedRange<Double>, goldNeutralBand: ClosedRange<Double>, languageBands: [String: Double] = [:]
    ) {
        self.neutralBand = neutralBand
        self.goldNeutralBand = goldNeutralBand
        self.languageBands = languageBands
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
    public var labels: Metrics { labels(of: items, bands: languageBands) }

    /// The label metrics of `subset` with `bands` as the per-language half-widths.
    func labels(of subset: [Item], bands: [String: Double]) -> Metrics {
        var m = Metrics()
        for i in subset { m.add(gold: i.gold.asStance, predicted: predictedLabel(i, bands: bands).asStance) }
        return m
    }

    /// The predicted label of `item`: neutral strictly inside its band (a tone equal to
    /// `tone_favorable` is positive).
    public func predictedLabel(_ item: Item, bands: [String: Double]? = nil) -> ToneLabel {
        let band = (bands ?? languageBands)[item.language].map { -$0...$0 } ?? neutralBand
        return ToneLabel(item.predicted, neutral: band.lowerBound.nextUp...band.upperBound.nextDown)
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
