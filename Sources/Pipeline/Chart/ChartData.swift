import Scoring

/// Everything the charts draw, gathered while the articles stream past: per country, per country and
/// period, per country and outlet. Holds one `GroupStats` per cell and nothing per article, so it
/// takes the same memory for ten articles as for a hundred thousand.
public struct ChartData: Sendable {
    public let period: Period
    /// Per country: every article naming it.
    public private(set) var countries: [String: GroupStats] = [:]
    /// Per country, per period number (`Period.ordinal`); undated articles are not here.
    public private(set) var timeline: [String: [Int: GroupStats]] = [:]
    /// Dated articles per period number, whatever countries they name.
    public private(set) var articlesPerPeriod: [Int: Int] = [:]
    /// Per outlet (merged through `outlets.tsv`), per country.
    public private(set) var outlets: [String: [String: GroupStats]] = [:]
    /// Articles per outlet, whatever countries they name.
    public private(set) var outletArticles: [String: Int] = [:]
    public private(set) var articles = 0
    /// Articles without a date: counted everywhere except on the timeline.
    public private(set) var undated = 0
    /// Articles naming no country: in the account, in no chart.
    public private(set) var withoutCountry = 0

    /// The name under which articles without an outlet are grouped.
    public static let unknownOutlet = "(no outlet)"

    public init(period: Period = .week) {
        self.period = period
    }

    public mutating func add(_ scored: ScoredArticle) {
        articles += 1
        let outlet = scored.outlet ?? ChartData.unknownOutlet
        outletArticles[outlet, default: 0] += 1
        let ordinal = scored.article.published.map { period.ordinal($0) }
        if let ordinal { articlesPerPeriod[ordinal, default: 0] += 1 } else { undated += 1 }
        if scored.stance.countries.isEmpty { withoutCountry += 1 }
        let tone = scored.stance.tone
        for country in scored.stance.countries {
            countries[country.code, default: GroupStats()].add(score: country.score, label: country.label, tone: tone)
            if let ordinal {
                timeline[country.code, default: [:]][ordinal, default: GroupStats()]
                    .add(score: country.score, label: country.label, tone: tone)
            }
            outlets[outlet, default: [:]][country.code, default: GroupStats()]
                .add(score: country.score, label: country.label, tone: tone)
        }
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
