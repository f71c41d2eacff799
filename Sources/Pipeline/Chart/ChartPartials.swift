import Scoring

/// What the charts draw, gathered as `summary` gathers it: one `SummaryPartial` per grouping a chart
/// shows, fed the same articles and story prints, so a chart's numbers are the rows `stance summary
/// --by` that grouping prints — syndicated copies folded the same way (`--duplicates`).
///
/// Groupings: country (bars, report table), country × period (timeline), country × outlet
/// (heatmap), period (articles per period strip), outlet (articles per outlet).
public struct ChartPartials: Sendable {
    public let period: Period
    public let foldsDuplicates: Bool
    var byCountry: SummaryPartial
    var byCountryPeriod: SummaryPartial
    var byCountryOutlet: SummaryPartial
    var byPeriod: SummaryPartial
    var byOutlet: SummaryPartial
    /// Period label → period number, for every dated period seen (a handful, whatever the input).
    var ordinals: [String: Int] = [:]

    public init(model: String, period: Period = .week, foldsDuplicates: Bool = true) {
        self.period = period
        self.foldsDuplicates = foldsDuplicates
        func partial(_ by: Set<Aggregator.Dimension>) -> SummaryPartial {
            SummaryPartial(model: model, by: by, period: period, foldsDuplicates: foldsDuplicates)
        }
        byCountry = partial([.country])
        byCountryPeriod = partial([.country, .period])
        byCountryOutlet = partial([.country, .outlet])
        byPeriod = partial([.period])
        byOutlet = partial([.outlet])
    }

    /// Adds one scored article; `print` is its story print (`nil`: the copy counts on its own).
    public mutating func add(_ scored: ScoredArticle, print: StoryPrint?) {
        if let stamp = scored.article.published {
            let label = period.label(stamp)
            if ordinals[label] == nil { ordinals[label] = period.ordinal(stamp) }
        }
        byCountry.add(scored, print: print)
        byCountryPeriod.add(scored, print: print)
        byCountryOutlet.add(scored, print: print)
        byPeriod.add(scored, print: print)
        byOutlet.add(scored, print: print)
    }

    /// The chart data once every story is counted by its earliest copy (stories clustered once for
    /// all the groupings: each partial holds the same stories).
    public func resolved() -> ChartData {
        let roots = byCountry.stories.isEmpty ? nil : StoryClusters.roots(byCountry.stories.mapValues(\.signature))
        return ChartData(
            period: period, ordinals: ordinals, byCountry: byCountry.resolved(roots: roots),
            byCountryPeriod: byCountryPeriod.resolved(roots: roots),
            byCountryOutlet: byCountryOutlet.resolved(roots: roots), byPeriod: byPeriod.resolved(roots: roots),
            byOutlet: byOutlet.resolved(roots: roots))
    }
}
