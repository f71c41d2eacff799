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
    /// The segment being scored (set by the caller before each segment) and the article's segment count.
    public var segment = 0
    public var segmentKind = SegmentKind.sentence
    public var segmentCount = 0
    /// The first segment naming each country, and whether the title names it.
    public internal(set) var firstSegment: [Int]
    public internal(set) var inTitle: [Bool]
    /// Each country's contributions summed for the decision layer.
    public internal(set) var summaries: [EvidenceSummary]

    public init(countryCount: Int, explain: Bool = false) {
        raw = Array(repeating: 0, count: countryCount)
        naming = Array(repeating: 0, count: countryCount)
        mentions = Array(repeating: 0, count: countryCount)
        touched = []
        firstSegment = Array(repeating: 0, count: countryCount)
        inTitle = Array(repeating: false, count: countryCount)
        summaries = Array(repeating: EvidenceSummary(), count: countryCount)
        self.explain = explain
        evidence = explain ? Array(repeating: [], count: countryCount) : []
    }

    /// Clears the sums for the next article.
    public mutating func reset() {
        for c in touched {
            raw[c] = 0
            naming[c] = 0
            mentions[c] = 0
            inTitle[c] = false
            summaries[c] = EvidenceSummary()
            if explain { evidence[c].removeAll() }
        }
        touched.removeAll(keepingCapacity: true)
        toneSum = 0
        toneSegments = 0
        topic = nil
        segment = 0
        segmentCount = 0
    }

    mutating func mention(_ country: Int) {
        if mentions[country] == 0 && naming[country] == 0 {
            touched.append(country)
            firstSegment[country] = segment
        }
        if segmentKind == .title { inTitle[country] = true }
        mentions[country] += 1
    }

    /// Adds a contribution to `country`'s sum (and to its summary for the decision layer).
    mutating func contribute(_ country: Int, _ value: Double, weight: Double, role: Evidence.Role) {
        raw[country] += value
        summaries[country].add(value, weight: weight, role: role, segment: segment, title: segmentKind == .title)
    }
}

/// The stance of one article toward one country.
public struct CountryStance: Sendable, Equatable {
    public var code: String
    public var score: Double
    public var label: StanceLabel
    public var mentions: Int
    public var evidence: [Evidence]
    /// With a decision model and `--explain`: the features behind the label and their parts in it.
    public var decision: [DecisionModel.Term] = []
    /// With a decision model: the chosen label's probability.
    public var probability: Double?
}

/// An article's scores: one entry per country it names, and its overall tone.
public struct ArticleStance: Sendable, Equatable {
    public var countries: [CountryStance]
    public var tone: Double
    public var toneLabel: StanceLabel
}

extension StanceAccumulator {
    /// Turns the sums into scores in [-1, 1] and labels, countries in code order.
    ///
    /// `articleTone` is the article's tone from the general tone layer, when the caller has it: the
    /// decision layer reads the same tone the output shows (and `stance tune` fits on), so the two
    /// cannot disagree. Without it, the tone of the stance cues' market colour stands in.
    public func finish(lexicon: Lexicon, articleTone: Double? = nil) -> ArticleStance {
        let p = lexicon.model.parameters
        let tone = articleTone ?? StanceAccumulator.squash(3 * toneSum / max(toneSegments, 1), scale: p.scale)
        var countries: [CountryStance] = []
        for c in touched.sorted() where mentions[c] > 0 {
            let score = StanceAccumulator.squash(raw[c] / max(naming[c] + p.priorSegments, 1), scale: p.scale)
            countries.append(
                CountryStance(
                    code: lexicon.codes[c], score: score,
                    label: StanceLabel(score: score, favorable: p.favorable, unfavorable: p.unfavorable),
                    mentions: mentions[c], evidence: explain ? evidence[c] : []))
        }
        if let decision = lexicon.model.decision {
            decide(&countries, tone: tone, model: decision, codes: lexicon.codes)
        }
        return ArticleStance(
            countries: countries, tone: tone,
            toneLabel: StanceLabel(score: tone, favorable: p.toneFavorable, unfavorable: p.toneUnfavorable))
    }

    /// Relabels every country with the decision layer, from the features of the whole article.
    func decide(_ countries: inout [CountryStance], tone: Double, model: DecisionModel, codes: [String]) {
        let vectors = decisionFeatures(countries, tone: tone, codes: codes)
        for i in countries.indices {
            if explain {
                let e = model.explain(vectors[i])
                countries[i].label = e.label
                countries[i].probability = e.probability
                countries[i].decision = e.terms
            } else {
                countries[i].label = model.label(vectors[i])
            }
        }
    }

    /// The decision layer's features of each of `countries` (scored by this accumulator), in order.
    public func decisionFeatures(_ countries: [CountryStance], tone: Double, codes: [String]) -> [[Double]] {
        // The few countries the article names, searched in place: no dictionary of codes per article.
        let inputs = countries.map { country in
            let c = touched.first { codes[$0] == country.code } ?? 0
            return DecisionFeatures.Input(
                code: country.code, score: country.score, mentions: country.mentions, summary: summaries[c],
                layout: DecisionFeatures.Layout(firstSegment: firstSegment[c], inTitle: inTitle[c]))
        }
        return DecisionFeatures.vectors(inputs, tone: tone, segments: segmentCount)
    }

    /// `tanh(x / scale)` rounded to 4 decimals, so output is stable across platforms and thread counts.
    static func squash(_ x: Double, scale: Double) -> Double {
        let value = Foundation.tanh(x / scale)
        // Never NaN in output: the checker's ranges keep it away, this keeps it away whatever the model.
        guard value.isFinite else { return 0 }
        return (value * 10_000).rounded() / 10_000
    }
}
