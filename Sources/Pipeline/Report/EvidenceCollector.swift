import Scoring

/// Keeps, while articles stream past, the few most favorable and most unfavorable articles per
/// country — a bounded structure, so a report over 100,000 articles holds a handful of them, not all.
///
/// Scoring runs without `--explain` (the fast path); only the articles kept are scored again with
/// evidence at the end, to quote the sentence and cue that weighed most.
public struct EvidenceCollector: Sendable {
    /// Articles kept per country and side.
    public let limit: Int

    struct Candidate: Sendable {
        var score: Double
        /// Input order, so ties go to the earlier article whatever the thread count.
        var order: Int
        var article: Article
    }

    private(set) var favorable: [String: [Candidate]] = [:]
    private(set) var unfavorable: [String: [Candidate]] = [:]
    private var seen = 0

    public init(limit: Int = 3) {
        self.limit = max(1, limit)
    }

    public mutating func add(_ scored: ScoredArticle) {
        seen += 1
        for country in scored.stance.countries {
            let candidate = Candidate(score: country.score, order: seen, article: scored.article)
            switch country.label {
            case .favorable:
                EvidenceCollector.keep(
                    candidate, in: &favorable[country.code, default: []], limit: limit, higherFirst: true)
            case .unfavorable:
                EvidenceCollector.keep(
                    candidate, in: &unfavorable[country.code, default: []], limit: limit, higherFirst: false)
            case .neutral: break
            }
        }
    }

    /// Inserts `candidate` in its place in `list` (strongest first) and drops what falls past `limit`.
    static func keep(_ candidate: Candidate, in list: inout [Candidate], limit: Int, higherFirst: Bool) {
        func stronger(_ a: Candidate, _ b: Candidate) -> Bool {
            a.score != b.score ? (higherFirst ? a.score > b.score : a.score < b.score) : a.order < b.order
        }
        if list.count == limit, let last = list.last, !stronger(candidate, last) { return }
        let at = list.firstIndex { stronger(candidate, $0) } ?? list.count
        list.insert(candidate, at: at)
        if list.count > limit { list.removeLast() }
    }

    /// One quoted piece of evidence: the article, its score toward the country, and the cue that
    /// moved it most in the direction of its label, with the sentence it stands in.
    public struct Item: Sendable, Equatable {
        public var country: String
        public var label: StanceLabel
        public var article: Article
        public var outlet: String?
        public var score: Double
        public var evidence: Evidence
    }

    /// The kept articles scored again with evidence: per country, the favorable and the unfavorable
    /// items, strongest first.
    public func items(lexicon: Lexicon) -> [String: (favorable: [Item], unfavorable: [Item])] {
        var scorer = ArticleScorer(lexicon: lexicon, explain: true)
        var out: [String: (favorable: [Item], unfavorable: [Item])] = [:]
        for code in Set(favorable.keys).union(unfavorable.keys).sorted() {
            func quote(_ list: [Candidate], _ label: StanceLabel) -> [Item] {
                list.compactMap { candidate in
                    let scored = scorer.score(candidate.article)
                    guard let stance = scored.stance.countries.first(where: { $0.code == code }) else { return nil }
                    let sign: Double = label == .favorable ? 1 : -1
                    guard
                        let best = stance.evidence.filter({ $0.value * sign > 0 })
                            .max(by: { $0.value * sign < $1.value * sign })
                    else { return nil }
                    return Item(
                        country: code, label: label, article: candidate.article, outlet: scored.outlet,
                        score: stance.score, evidence: best)
                }
            }
            out[code] = (quote(favorable[code] ?? [], .favorable), quote(unfavorable[code] ?? [], .unfavorable))
        }
        return out
    }
}
