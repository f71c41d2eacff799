import Scoring

/// Groups (article, country) scores by any combination of country, outlet and period.
///
/// Holds one `GroupStats` per group and nothing per article, so `summary` runs in memory that does not
/// grow with the number of articles.
public struct Aggregator: Sendable {
    public enum Dimension: String, Sendable, CaseIterable { case country, outlet, period }

    public struct Key: Sendable, Hashable, Comparable {
        public var country: String?
        public var outlet: String?
        public var period: String?

        public static func < (a: Key, b: Key) -> Bool {
            (a.country ?? "", a.outlet ?? "", a.period ?? "") < (b.country ?? "", b.outlet ?? "", b.period ?? "")
        }
    }

    public let dimensions: Set<Dimension>
    public let period: Period
    public internal(set) var groups: [Key: GroupStats] = [:]
    public private(set) var articles = 0
    /// Articles that name no country: scored, but in no country group.
    public private(set) var withoutCountry = 0

    /// With syndicated copies folded: how many copies were folded into how many stories.
    public private(set) var folding: (copies: Int, stories: Int)?
    /// Countries in the order `--countries` gave them (`selecting`); `nil`: most covered first.
    public internal(set) var countryOrder: [String]?

    public init(by dimensions: Set<Dimension> = [.country], period: Period = .week) {
        self.dimensions = dimensions.isEmpty ? [.country] : dimensions
        self.period = period
    }

    /// The groups of a resolved `SummaryPartial`.
    init(
        dimensions: Set<Dimension>, period: Period, groups: [Key: GroupStats], articles: Int, withoutCountry: Int,
        folding: (copies: Int, stories: Int)?
    ) {
        self.init(by: dimensions, period: period)
        self.groups = groups
        self.articles = articles
        self.withoutCountry = withoutCountry
        self.folding = folding
    }

    public mutating func add(_ scored: ScoredArticle) {
        articles += 1
        let outlet = scored.outlet ?? "(unknown)"
        let periodLabel = period.label(scored.article.published)
        guard dimensions.contains(.country) else {
            // Without a country there is no target: each article counts once, by its tone.
            let key = Key(
                country: nil, outlet: dimensions.contains(.outlet) ? outlet : nil,
                period: dimensions.contains(.period) ? periodLabel : nil)
            groups[key, default: GroupStats()].add(
                score: scored.stance.tone, label: scored.stance.toneLabel,
                tone: scored.stance.tone)
            return
        }
        if scored.stance.countries.isEmpty { withoutCountry += 1 }
        for country in scored.stance.countries {
            let key = Key(
                country: dimensions.contains(.country) ? country.code : nil,
                outlet: dimensions.contains(.outlet) ? outlet : nil,
                period: dimensions.contains(.period) ? periodLabel : nil)
            groups[key, default: GroupStats()].add(score: country.score, label: country.label, tone: scored.stance.tone)
        }
    }

    /// Groups sorted by key; with `.country` in the grouping, countries with more articles first.
    public var sorted: [(key: Key, stats: GroupStats)] {
        var totals: [String: Int] = [:]
        for (key, stats) in groups { totals[key.country ?? "", default: 0] += stats.count }
        if let order = countryOrder {
            // Ranked by the order given: rank n counts as a total larger than any later rank's.
            for (rank, code) in order.enumerated() { totals[code] = Int.max - rank }
        }
        return groups.map { ($0.key, $0.value) }.sorted { a, b in
            let ta = totals[a.key.country ?? ""] ?? 0, tb = totals[b.key.country ?? ""] ?? 0
            if ta != tb { return ta > tb }
            return a.key < b.key
        }
    }
}
