import Scoring

/// What the charts draw, gathered as `summary` gathers it: one `SummaryPartial` per grouping a chart
/// shows, fed the same articles and story prints, so a chart's numbers are the rows `stance summary
/// --by` that grouping prints — syndicated copies folded the same way (`--duplicates`).
///
/// Groupings: country (bars, report table), country × period (timeline), country × outlet
/// (heatmap), period (articles per period strip), outlet (articles per outlet). Two partials hold
/// them all — per country × outlet × period, and per outlet × period (the article's tone) — each
/// resolved into the coarser groupings (`resolved(coarsenedTo:roots:)`), so a story costs two
/// records, not five.
public struct ChartPartials: Sendable {
    public let period: Period
    public let foldsDuplicates: Bool
    var byCountry: SummaryPartial
    var byArticle: SummaryPartial
    /// Period label → period number, for every dated period seen (a handful, whatever the input).
    var ordinals: [String: Int] = [:]

    public init(model: String, period: Period = .week, foldsDuplicates: Bool = true) {
        self.period = period
        self.foldsDuplicates = foldsDuplicates
        func partial(_ by: Set<Aggregator.Dimension>) -> SummaryPartial {
            SummaryPartial(model: model, by: by, period: period, foldsDuplicates: foldsDuplicates)
        }
        byCountry = partial([.country, .outlet, .period])
        byArticle = partial([.outlet, .period])
    }

    /// Adds one scored article; `print` is its story print (`nil`: the copy counts on its own).
    public mutating func add(_ scored: ScoredArticle, print: StoryPrint?) {
        if let stamp = scored.article.published {
            let label = period.label(stamp)
            if ordinals[label] == nil { ordinals[label] = period.ordinal(stamp) }
        }
        byCountry.add(scored, print: print)
        byArticle.add(scored, print: print)
    }

    /// The chart data once every story is counted by its earliest copy (stories clustered once for
    /// all the groupings: both partials hold the same stories).
    public func resolved() -> ChartData {
        let roots = byCountry.stories.isEmpty ? nil : StoryClusters.roots(byCountry.stories.mapValues(\.signature))
        return ChartData(
            period: period, ordinals: ordinals, byCountry: byCountry.resolved(coarsenedTo: [.country], roots: roots),
            byCountryPeriod: byCountry.resolved(coarsenedTo: [.country, .period], roots: roots),
            byCountryOutlet: byCountry.resolved(coarsenedTo: [.country, .outlet], roots: roots),
            byPeriod: byArticle.resolved(coarsenedTo: [.period], roots: roots),
            byOutlet: byArticle.resolved(coarsenedTo: [.outlet], roots: roots))
    }
}
