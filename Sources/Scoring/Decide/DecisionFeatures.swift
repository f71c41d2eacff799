import Foundation

/// The numbers the decision layer reads for one (article, country): the rule layer's evidence for
/// that country, summed by how it was attributed and where it stood, and the evidence for the other
/// countries of the same article (a rival's strength is often this country's weakness).
///
/// This is the narrow adapter between the rules and the fitted model: it reads only what the
/// accumulator keeps per country (score, mentions, where it is first named, an `EvidenceSummary` of
/// its contributions), so the rules can change without touching the model code. The names are
/// written into `decision.tsv`; a weights file whose names differ from `names` is refused.
///
/// Sums of evidence enter as `log1p` (the `_log` features): the tenth cue about a country says less
/// than the first, and a long article's sums would otherwise outweigh everything else after
/// standardisation (nested CV on the tuning sets: realistic 0.719 → 0.735, pooled 0.787 → 0.794).
public enum DecisionFeatures {
    /// Feature names, in vector order.
    public static let names: [String] = [
        "score", "mentions_log", "mention_share", "in_title", "first_position", "only_passing",
        "pos_subject_log", "pos_object_log", "pos_nearest_log", "pos_distant_log",
        "neg_subject_log", "neg_object_log", "neg_nearest_log", "neg_distant_log",
        "pos_title_log", "neg_title_log", "pos_count_log", "neg_count_log", "flipped_log", "evidence_segments",
        "tone",
        "other_max", "other_min", "other_mean", "other_pos_log", "other_neg_log", "countries_log",
        "cn_score_if_other", "is_cn", "is_us", "most_mentioned",
        "evidence_strength", "score_vs_others", "top_score", "bottom_score", "cn_pos_log_if_other",
        "cn_neg_log_if_other",
        "us_score_if_other", "score_if_cn", "cn_score_if_us", "rival_if_silent",
    ]

    /// Where each country stands in the article, as the accumulator records it.
    public struct Layout: Sendable, Equatable {
        /// Index of the first segment naming the country (0 = title).
        public var firstSegment: Int
        /// Whether the title names it.
        public var inTitle: Bool
        public init(firstSegment: Int, inTitle: Bool) {
            self.firstSegment = firstSegment
            self.inTitle = inTitle
        }
    }

    /// One country of the article as the features see it.
    public struct Input: Sendable {
        public var code: String
        public var score: Double
        public var mentions: Int
        public var summary: EvidenceSummary
        public var layout: Layout
        public init(code: String, score: Double, mentions: Int, summary: EvidenceSummary, layout: Layout) {
            self.code = code
            self.score = score
            self.mentions = mentions
            self.summary = summary
            self.layout = layout
        }
    }

    /// One vector per country of the article, in the order of `countries`; `segments` is the
    /// article's number of segments.
    public static func vectors(_ countries: [Input], tone: Double, segments: Int) -> [[Double]] {
        let totalMentions = Double(max(countries.reduce(0) { $0 + $1.mentions }, 1))
        let maxMentions = countries.map(\.mentions).max() ?? 0
        let cn = countries.firstIndex { $0.code == "CN" }
        let us = countries.firstIndex { $0.code == "US" }
        let segmentCount = Double(max(segments, 1))
        var result: [[Double]] = []
        result.reserveCapacity(countries.count)
        for (i, c) in countries.enumerated() {
            let e = c.summary
            var v = [Double](repeating: 0, count: names.count)
            v[0] = c.score
            v[1] = log1p(Double(c.mentions))
            v[2] = Double(c.mentions) / totalMentions
            v[3] = c.layout.inTitle ? 1 : 0
            v[4] = Double(c.layout.firstSegment) / segmentCount
            v[5] = c.mentions == 1 && e.positiveCount + e.negativeCount == 0 ? 1 : 0
            for r in 0..<4 {
                v[6 + r] = log1p(e.positive[r])
                v[10 + r] = log1p(e.negative[r])
            }
            v[14] = log1p(e.titlePositive)
            v[15] = log1p(e.titleNegative)
            v[16] = log1p(Double(e.positiveCount))
            v[17] = log1p(Double(e.negativeCount))
            v[18] = log1p(Double(e.flipped))
            v[19] = Double(e.segments) / segmentCount
            v[20] = tone
            var otherMax = 0.0, otherMin = 0.0, otherSum = 0.0, otherPos = 0.0, otherNeg = 0.0
            var others = 0
            for (j, o) in countries.enumerated() where j != i {
                otherMax = others == 0 ? o.score : max(otherMax, o.score)
                otherMin = others == 0 ? o.score : min(otherMin, o.score)
                otherSum += o.score
                otherPos += o.summary.positiveSum
                otherNeg += o.summary.negativeSum
                others += 1
            }
            v[21] = otherMax
            v[22] = otherMin
            v[23] = others == 0 ? 0 : otherSum / Double(others)
            v[24] = log1p(otherPos)
            v[25] = log1p(otherNeg)
            v[26] = log1p(Double(countries.count))
            if let cn, cn != i {
                v[27] = countries[cn].score
                v[35] = log1p(countries[cn].summary.positiveSum)
                v[36] = log1p(countries[cn].summary.negativeSum)
            }
            v[28] = cn == i ? 1 : 0
            v[29] = us == i ? 1 : 0
            v[30] = c.mentions == maxMentions ? 1 : 0
            v[31] = log1p(e.positiveSum + e.negativeSum)
            v[32] = c.score - v[23]
            v[33] = others > 0 && c.score > otherMax ? 1 : 0
            v[34] = others > 0 && c.score < otherMin ? 1 : 0
            if let us, us != i { v[37] = countries[us].score }
            // Interactions a linear layer cannot form itself: China's own score, China's score as seen
            // by the US, and the strongest rival of a country the article names without any cue.
            v[38] = cn == i ? c.score : 0
            v[39] = us == i ? v[27] : 0
            v[40] = e.positiveCount + e.negativeCount == 0 ? otherMax : 0
            result.append(v)
        }
        return result
    }
}
