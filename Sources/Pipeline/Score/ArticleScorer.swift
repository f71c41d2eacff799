import Scoring

/// Scores articles one after another: segment, score each segment, finish the sums.
///
/// Not shared between threads: each worker owns one (scratch buffers inside), built from the same
/// read-only `Lexicon`.
public struct ArticleScorer: Sendable {
    public let lexicon: Lexicon
    public let explain: Bool
    private var segmentScorer: SegmentScorer
    private var accumulator: StanceAccumulator
    private let segmenter = Segmenter()

    public init(lexicon: Lexicon, explain: Bool = false) {
        self.lexicon = lexicon
        self.explain = explain
        segmentScorer = SegmentScorer(lexicon: lexicon)
        accumulator = StanceAccumulator(countryCount: lexicon.codes.count, explain: explain)
    }

    public mutating func score(_ article: Article) -> ScoredArticle {
        accumulator.reset()
        let segments = segmenter.segments(title: article.title, body: article.body)
        for (index, segment) in segments.enumerated() {
            segment.bytes.withUnsafeBufferPointer { bytes in
                segmentScorer.score(bytes, kind: segment.kind, segment: index, into: &accumulator)
            }
        }
        let stance = accumulator.finish(lexicon: lexicon)
        return ScoredArticle(
            article: article, language: ArticleScorer.language(of: article.body),
            outlet: article.outlet.map { lexicon.model.canonicalOutlet($0) }, stance: stance)
    }

    /// `zh` when CJK characters dominate the body, `en` when Latin words do, else `mixed`.
    public static func language(of text: String) -> String {
        var cjk = 0, words = 0, inWord = false
        for b in text.utf8 {
            if b >= 0xE4 && b <= 0xE9 {
                cjk += 1
                inWord = false
            } else if Lexicon_isLetter(b) {
                if !inWord { words += 1 }
                inWord = true
            } else if b < 0x80 || b >= 0xC0 {
                inWord = false
            }
        }
        // A Chinese character carries about as much as an English word does... at a ratio of ~1.5.
        let zh = Double(cjk) / 1.5
        let total = zh + Double(words)
        guard total > 0 else { return "mixed" }
        let share = zh / total
        return share >= 0.8 ? "zh" : share <= 0.2 ? "en" : "mixed"
    }
}
