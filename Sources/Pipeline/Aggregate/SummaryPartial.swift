import Scoring

/// The sufficient statistics of a `summary` over part of a corpus: partials of any split merge into
/// exactly what one run over the whole corpus gives.
///
/// A single `summary` builds one partial and resolves it, so a run and a merge go through the same
/// code. Sums are `ExactSum`s (order does not matter). With duplicates folded, each story keeps,
/// per country (and outlet, when grouping by outlet), only its earliest copy; a copy in another
/// partial may be earlier, so the partial holds one record per story until it is resolved — memory
/// and size grow with the number of distinct stories (about 0.4 KB each plus 0.2 KB per country).
public struct SummaryPartial: Sendable {
    /// One copy's value in its group, and what decides which copy is the earliest.
    public struct Copy: Sendable, Equatable {
        /// `published` as sortable text; `~` when undated (after every date).
        public var when: String
        public var article: String
        public var period: String?
        public var value: GroupStats.Contribution

        /// Earliest publication first, then article id, then the values: a total order, so the
        /// choice never depends on which copy came first.
        public func precedes(_ other: Copy) -> Bool {
            if when != other.when { return when.utf8.lexicographicallyPrecedes(other.when.utf8) }
            if article != other.article { return article.utf8.lexicographicallyPrecedes(other.article.utf8) }
            let a = value, b = other.value
            return (a.score, a.tone, a.label.rawValue) < (b.score, b.tone, b.label.rawValue)
        }
    }

    /// Everything known about one exact story (one normalised body).
    public struct Story: Sendable, Equatable {
        public var articles = 0
        public var signature: [UInt32] = []
        /// Per (country, outlet) of the grouping (period left out), its earliest copy.
        public var copies: [Aggregator.Key: Copy] = [:]

        mutating func merge(_ other: Story) {
            articles += other.articles
            if signature.isEmpty { signature = other.signature }
            for (key, copy) in other.copies { keep(copy, at: key) }
        }

        mutating func keep(_ copy: Copy, at key: Aggregator.Key) {
            if let held = copies[key], !copy.precedes(held) { return }
            copies[key] = copy
        }
    }

    public var model: String
    public var dimensions: Set<Aggregator.Dimension>
    public var period: Period
    /// Whether syndicated copies are folded (`--duplicates fold`, the default).
    public var foldsDuplicates: Bool
    public var account = RunAccount()
    /// Files skipped, as a count (their messages were reported where they happened).
    public var skipped = 0
    public var articles = 0
    public var withoutCountry = 0
    /// Copies folded and stories made by partials already resolved (the Spark job's reduce).
    public var foldedResolved = 0
    public var storiesResolved = 0
    public var groups: [Aggregator.Key: GroupStats] = [:]
    public var stories: [UInt64: Story] = [:]

    public init(model: String, by dimensions: Set<Aggregator.Dimension>, period: Period, foldsDuplicates: Bool) {
        self.model = model
        self.dimensions = dimensions.isEmpty ? [.country] : dimensions
        self.period = period
        self.foldsDuplicates = foldsDuplicates
    }

    /// Adds one scored article; `print` is its story print (needed when folding duplicates).
    public mutating func add(_ scored: ScoredArticle, print: StoryPrint?) {
        articles += 1
        let outlet = dimensions.contains(.outlet) ? (scored.outlet ?? "(unknown)") : nil
        let periodLabel = dimensions.contains(.period) ? period.label(scored.article.published) : nil
        var values: [(String?, GroupStats.Contribution)] = []
        if dimensions.contains(.country) {
            if scored.stance.countries.isEmpty { withoutCountry += 1 }
            for c in scored.stance.countries {
                values.append((c.code, .init(score: c.score, label: c.label, tone: scored.stance.tone)))
            }
        } else {
            // Without a country there is no target: each article counts once, by its tone.
            let s = scored.stance
            values.append((nil, .init(score: s.tone, label: s.toneLabel, tone: s.tone)))
        }
        guard foldsDuplicates, let print else {
            for (country, value) in values {
                groups[Aggregator.Key(country: country, outlet: outlet, period: periodLabel), default: GroupStats()]
                    .add(value)
            }
            return
        }
        let when = scored.article.published?.text ?? "~"
        // Changed where it is stored: a copy taken out would copy its dictionary of copies on the first write.
        func update(_ story: inout Story) {
            story.articles += 1
            if story.signature.isEmpty { story.signature = print.signature }
            for (country, value) in values {
                let copy = Copy(when: when, article: scored.article.id, period: periodLabel, value: value)
                story.keep(copy, at: Aggregator.Key(country: country, outlet: outlet, period: nil))
            }
        }
        update(&stories[print.id, default: Story()])
    }

    /// Adds the statistics of `other`; partials of other models, groupings or duplicate handling
    /// cannot be combined, and say which file differs.
    public mutating func merge(_ other: SummaryPartial, from source: String) throws(PartialError) {
        guard other.model == model else {
            throw .mismatch(source, "model \(other.model), not \(model)", "merge partials made by one model version")
        }
        guard other.dimensions == dimensions, other.period == period else {
            throw .mismatch(
                source, "grouping \(other.grouping), not \(grouping)",
                "make every partial with the same --by and --period")
        }
        guard other.foldsDuplicates == foldsDuplicates else {
            throw .mismatch(
                source, "--duplicates \(other.foldsDuplicates ? "fold" : "keep")",
                "make every partial with the same --duplicates")
        }
        account.read += other.account.read
        account.scored += other.account.scored
        account.rejected += other.account.rejected
        skipped += other.skipped
        articles += other.articles
        withoutCountry += other.withoutCountry
        foldedResolved += other.foldedResolved
        storiesResolved += other.storiesResolved
        for (key, stats) in other.groups { groups[key, default: GroupStats()].merge(stats) }
        for (id, story) in other.stories {
            if stories[id] == nil { stories[id] = story } else { stories[id]?.merge(story) }
        }
    }

    /// `country,outlet` and the period unit: what a partial's rows are grouped by.
    public var grouping: String {
        let by = Aggregator.Dimension.allCases.filter { dimensions.contains($0) }.map(\.rawValue)
        return "--by " + by.joined(separator: ",") + (dimensions.contains(.period) ? " --period \(period)" : "")
    }

    /// The groups once every story is counted by its earliest copy: near-identical stories are
    /// joined first (`StoryClusters`), so the result does not depend on how the input was split.
    public func resolved() -> Aggregator { resolved(coarsenedTo: dimensions, roots: nil) }
}

/// A partial that cannot be read or merged.
public enum PartialError: Error, CustomStringConvertible, Equatable {
    case malformed(String, line: Int, String)
    case mismatch(String, String, String)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let what):
            "\(file):\(line): \(what) — give files written by `stance summary --format partial`"
        case .mismatch(let file, let what, let hint): "\(file): partial of \(what) — \(hint)"
        }
    }
}
