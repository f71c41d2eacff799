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

    /// Chart data of `articles`, each counted on its own (no story prints: nothing to fold).
    static func data(_ articles: [ScoredArticle], period: Period = .week) -> ChartData {
        var partials = ChartPartials(model: "test-model@1.0", period: period, foldsDuplicates: false)
        for a in articles { partials.add(a, print: nil) }
        return partials.resolved()
    }

    static func context(_ countries: [String], read: Int = 10) -> ChartContext {
        var account = RunAccount()
        account.read = read
        account.scored = read
        return ChartContext(model: "test-model@1.0", account: account, countries: countries)
    }

    /// The seeds scored by the real model, as `stance chart` with no path sees them.
    static func seeds(period: Period = .week) throws -> (ChartData, RunAccount) {
        var partials = ChartPartials(model: PipelineFixture.lexicon.model.identifier, period: period)
        let account = try ScoringRun(lexicon: PipelineFixture.lexicon, threads: 2).runWithStories(
            InputSource(paths: [PipelineFixture.seedsDirectory.path]), printing: true,
            result: { partials.add($0, print: $1) }, rejected: { _ in })
        return (partials.resolved(), account)
    }
}
