import Foundation

/// Per-article running sums, filled segment by segment and turned into scores at the end.
///
/// One per worker, reset between articles, so scoring allocates nothing per article in the
/// common case (no `--explain`).
public struct StanceAccumulator: Sendable {
    /// Sum of contributions per country index.
    public internal(set) var raw: [Double]
    /// Weighted number of segments naming each country (a title counts `title_weight`).
    public internal(set) var naming: [Double]
    /// Mentions per country.
    public internal(set) var mentions: [Int]
    /// Countries touched in this article, in first-mention order.
    public internal(set) var touched: [Int]
    /// The country of the last segment's first mention: the subject a Chinese sentence without one refers to.
    public internal(set) var topic: Int?
    public internal(set) var toneSum = 0.0
    public internal(set) var toneSegments = 0.0
    public var explain: Bool
    public internal(set) var evidence: [[Evidence]]

    public init(countryCount: Int, explain: Bool = false) {
        raw = Array(repeating: 0, count: countryCount)
        naming = Array(repeating: 0, count: countryCount)
        mentions = Array(repeating: 0, count: countryCount)
        touched = []
        self.explain = explain
        evidence = explain ? Array(repeating: [], count: countryCount) : []
    }

    /// Clears the sums for the next article.
    public mutating func reset() {
        for c in touched {
            raw[c] = 0
            naming[c] = 0
            mentions[c] = 0
            if explain { evidence[c].removeAll() }
        }
        touched.removeAll(keepingCapacity: true)
        toneSum = 0
        toneSegments = 0
        topic = nil
    }

    mutating func mention(_ country: Int) {
        if mentions[country] == 0 && naming[country] == 0 { touched.append(country) }
        mentions[country] += 1
    }
}

/// The stance of one article toward one country.
public struct CountryStance: Sendable, Equatable {
    public var code: String
    public var score: Double
    public var label: StanceLabel
    public var mentions: Int
    public var evidence: [Evidence]
}

/// An article's scores: one entry per country it names, and its overall tone.
public struct ArticleStance: Sendable, Equatable {
    public var countries: [CountryStance]
    public var tone: Double
    public var toneLabel: StanceLabel
}

extension StanceAccumulator {
    /// Turns the sums into scores in [-1, 1] and labels, countries in code order.
    public func finish(lexicon: Lexicon) -> ArticleStance {
        let p = lexicon.model.parameters
        var countries: [CountryStance] = []
        for c in touched.sorted() where mentions[c] > 0 {
            let score = StanceAccumulator.squash(raw[c] / max(naming[c] + p.priorSegments, 1), scale: p.scale)
            countries.append(
                CountryStance(
                    code: lexicon.codes[c], score: score,
                    label: StanceLabel(score: score, favorable: p.favorable, unfavorable: p.unfavorable),
                    mentions: mentions[c], evidence: explain ? evidence[c] : []))
        }
        let tone = StanceAccumulator.squash(3 * toneSum / max(toneSegments, 1), scale: p.scale)
        return ArticleStance(
            countries: countries, tone: tone,
            toneLabel: StanceLabel(score: tone, favorable: p.toneFavorable, unfavorable: p.toneUnfavorable))
    }

    /// `tanh(x / scale)` rounded to 4 decimals, so output is stable across platforms and thread counts.
    static func squash(_ x: Double, scale: Double) -> Double {
        let value = Foundation.tanh(x / scale)
        // Never NaN in output: the checker's ranges keep it away, this keeps it away whatever the model.
        guard value.isFinite else { return 0 }
        return (value * 10_000).rounded() / 10_000
    }
}
