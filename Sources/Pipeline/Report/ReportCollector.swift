import Foundation
import Scoring

/// What a report gathers in one streaming pass: the chart data (whose by-country grouping is the
/// summary table), the strongest evidence, and what was read from each file — all bounded, whatever
/// the input's size (with copies folded, one small record per distinct story, as `summary`).
public struct ReportCollector: Sendable {
    public private(set) var partials: ChartPartials
    /// The charts and the summary table: set by `resolve()` once every article is in.
    public private(set) var charts: ChartData
    public private(set) var evidence: EvidenceCollector
    /// Articles scored per file name (`Article.file`); rejected records per file name.
    public private(set) var scoredPerFile: [String: Int] = [:]
    public private(set) var rejectedPerFile: [String: Int] = [:]
    /// The first rejections, in input order; every one is also on standard error.
    public private(set) var rejections: [Rejection] = []
    public static let rejectionsShown = 200

    public init(model: String, period: Period = .week, foldsDuplicates: Bool = true, evidencePerSide: Int = 3) {
        partials = ChartPartials(model: model, period: period, foldsDuplicates: foldsDuplicates)
        charts = ChartData(period: period)
        evidence = EvidenceCollector(limit: evidencePerSide)
    }

    /// The per-country summary, as `stance summary` prints it.
    public var summary: Aggregator { charts.summary }

    /// Adds one scored article; `print` is its story print (`nil`: the copy counts on its own).
    public mutating func add(_ scored: ScoredArticle, print: StoryPrint? = nil) {
        partials.add(scored, print: print)
        evidence.add(scored)
        scoredPerFile[scored.article.file, default: 0] += 1
    }

    /// Resolves the stories into the chart data and summary; call once the run is over.
    public mutating func resolve() {
        charts = partials.resolved()
    }

    public mutating func reject(_ rejection: Rejection) {
        rejectedPerFile[(rejection.file as NSString).lastPathComponent, default: 0] += 1
        if rejections.count < ReportCollector.rejectionsShown { rejections.append(rejection) }
    }
}
