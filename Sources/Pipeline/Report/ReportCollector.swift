import Foundation
import Scoring

/// What a report gathers in one streaming pass: the chart data, the summary per country, the
/// strongest evidence, and what was read from each file — all bounded, whatever the input's size.
public struct ReportCollector: Sendable {
    public private(set) var charts: ChartData
    public private(set) var summary = Aggregator(by: [.country])
    public private(set) var evidence: EvidenceCollector
    /// Articles scored per file name (`Article.file`); rejected records per file name.
    public private(set) var scoredPerFile: [String: Int] = [:]
    public private(set) var rejectedPerFile: [String: Int] = [:]
    /// The first rejections, in input order; every one is also on standard error.
    public private(set) var rejections: [Rejection] = []
    public static let rejectionsShown = 200

    public init(period: Period = .week, evidencePerSide: Int = 3) {
        charts = ChartData(period: period)
        evidence = EvidenceCollector(limit: evidencePerSide)
    }

    public mutating func add(_ scored: ScoredArticle) {
        charts.add(scored)
        summary.add(scored)
        evidence.add(scored)
        scoredPerFile[scored.article.file, default: 0] += 1
    }

    public mutating func reject(_ rejection: Rejection) {
        rejectedPerFile[(rejection.file as NSString).lastPathComponent, default: 0] += 1
        if rejections.count < ReportCollector.rejectionsShown { rejections.append(rejection) }
    }
}
