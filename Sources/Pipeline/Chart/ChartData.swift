import Scoring

/// Everything the charts draw: per country, per country and period, per country and outlet — the
/// resolved `summary` groupings of `ChartPartials`, so each number is a `stance summary` row. Holds
/// one `GroupStats` per cell, the same for ten articles as for a hundred thousand.
public struct ChartData: Sendable {
    public let period: Period
    /// Per country: every story naming it (every article with `--duplicates keep`). The report's
    /// summary table is `summary` itself.
    public private(set) var summary: Aggregator
    public private(set) var countries: [String: GroupStats] = [:]
    /// Per country, per period number (`Period.ordinal`); undated articles are not here.
    public private(set) var timeline: [String: [Int: GroupStats]] = [:]
    /// Dated stories per period number, whatever countries they name (`summary --by period`).
    public private(set) var articlesPerPeriod: [Int: Int] = [:]
    /// Per outlet (merged through `outlets.tsv`), per country.
    public private(set) var outlets: [String: [String: GroupStats]] = [:]
    /// Stories per outlet, whatever countries they name (`summary --by outlet`).
    public private(set) var outletArticles: [String: Int] = [:]
    /// Articles read and scored, every copy.
    public private(set) var articles = 0
    /// Stories without a date: counted everywhere except on the timeline.
    public private(set) var undated = 0
    /// Articles naming no country: in the account, in no chart.
    public private(set) var withoutCountry = 0
    /// With syndicated copies folded: how many copies were folded into how many stories.
    public private(set) var folding: (copies: Int, stories: Int)?

    /// The name under which articles without an outlet are grouped, as in `summary`.
    public static let unknownOutlet = "(unknown)"

    /// No article.
    public init(period: Period = .week) {
        self.period = period
        summary = Aggregator(by: [.country], period: period)
    }

    init(
        period: Period, ordinals: [String: Int], byCountry: Aggregator, byCountryPeriod: Aggregator,
        byCountryOutlet: Aggregator, byPeriod: Aggregator, byOutlet: Aggregator
    ) {
        self.period = period
        summary = byCountry
        articles = byCountry.articles
        withoutCountry = byCountry.withoutCountry
        folding = byCountry.folding
        for (key, stats) in byCountry.groups { if let c = key.country { countries[c] = stats } }
        for (key, stats) in byCountryPeriod.groups {
            guard let c = key.country, let label = key.period, let ordinal = ordinals[label] else { continue }
            timeline[c, default: [:]][ordinal] = stats
        }
        for (key, stats) in byPeriod.groups {
            guard let label = key.period else { continue }
            if let ordinal = ordinals[label] {
                articlesPerPeriod[ordinal] = stats.count
            } else {
                undated += stats.count
            }
        }
        for (key, stats) in byCountryOutlet.groups {
            guard let c = key.country, let outlet = key.outlet else { continue }
            outlets[outlet, default: [:]][c] = stats
        }
        for (key, stats) in byOutlet.groups { if let outlet = key.outlet { outletArticles[outlet] = stats.count } }
    }

    /// Countries by the number of articles naming them, most first; ties by code.
    public var countriesByArticles: [String] {
        countries.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
            .map(\.key)
    }

    /// The countries to draw: `requested` in the order given (those with no article included, so a
    /// chart shows that they are absent), else the `top` most covered.
    public func select(_ requested: [String]?, top: Int) -> [String] {
        if let requested, !requested.isEmpty { return requested }
        return Array(countriesByArticles.prefix(max(1, top)))
    }

    /// Outlets by their number of articles, most first; ties by name.
    public var outletsByArticles: [String] {
        outletArticles.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map(\.key)
    }

    /// The first and last period holding a dated article.
    public var periodSpan: ClosedRange<Int>? {
        guard let low = articlesPerPeriod.keys.min(), let high = articlesPerPeriod.keys.max() else { return nil }
        return low...high
    }
}
