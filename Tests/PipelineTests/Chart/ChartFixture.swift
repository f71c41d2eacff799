import Foundation

@testable import Pipeline
@testable import Scoring

/// Scored articles made by hand, so a chart test states exactly what it feeds the chart.
enum ChartFixture {
    /// One article naming `countries` (code, score, label), published on `date` (`yyyy-mm-dd`, nil: undated).
    static func article(
        _ n: Int, outlet: String? = "搜狐财经", date: String? = "2025-07-22", title: String = "稀土",
        _ countries: [(String, Double, StanceLabel)]
    ) -> ScoredArticle {
        let article = Article(
            id: "test.txt:\(n)", file: "test.txt", index: n, line: n, title: title, outlet: outlet,
            published: date.flatMap { Timestamp.parse($0) }, topic: nil, body: "")
        let stances = countries.map {
            CountryStance(code: $0.0, score: $0.1, label: $0.2, mentions: 1, evidence: [])
        }
        return ScoredArticle(
            article: article, language: "zh", outlet: outlet,
            stance: ArticleStance(countries: stances, tone: 0, toneLabel: .neutral))
    }

    static func data(_ articles: [ScoredArticle], period: Period = .week) -> ChartData {
        var data = ChartData(period: period)
        for a in articles { data.add(a) }
        return data
    }

    static func context(_ countries: [String], read: Int = 10) -> ChartContext {
        var account = RunAccount()
        account.read = read
        account.scored = read
        return ChartContext(model: "test-model@1.0", account: account, countries: countries)
    }

    /// The seeds scored by the real model, as `stance chart` with no path sees them.
    static func seeds(period: Period = .week) throws -> (ChartData, RunAccount) {
        var data = ChartData(period: period)
        let account = try ScoringRun(lexicon: PipelineFixture.lexicon, threads: 2).run(
            InputSource(paths: [PipelineFixture.seedsDirectory.path]), result: { data.add($0) }, rejected: { _ in })
        return (data, account)
    }
}
