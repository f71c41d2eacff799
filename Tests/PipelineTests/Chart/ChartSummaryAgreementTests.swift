import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

/// Every number a chart draws is the `summary` row of the same grouping: the seeds alone, and the
/// seeds with syndicated copies (other outlets, other weeks, undated copies), folded and kept.
@Suite("charts agree with summary")
struct ChartSummaryAgreementTests {
    /// `SummaryPartialTests.corpus` (the seeds and constructed copies) plus an undated copy of a
    /// seed under another outlet and an undated story of its own.
    static let corpus: [(ScoredArticle, StoryPrint)] = {
        let run = ScoringRun(lexicon: PipelineFixture.lexicon, threads: 1)
        let printer = StoryPrinter(model: PipelineFixture.lexicon.model)
        var extra: [Article] = []
        if var copy = SummaryPartialTests.corpus.first?.0.article {
            copy.id = "undated.txt:1"
            copy.outlet = "华尔街见闻"
            copy.published = nil
            extra.append(copy)
            var own = copy
            own.id = "undated.txt:2"
            own.body = "印度宣布稀土勘探新计划,希望摆脱对中国的依赖,美国表示支持。"
            extra.append(own)
        }
        return SummaryPartialTests.corpus + extra.map { (run.score($0), printer.print($0.body)) }
    }()

    static let seeds = Array(SummaryPartialTests.corpus.prefix(30))

    static func summary(_ items: [(ScoredArticle, StoryPrint)], by: Set<Aggregator.Dimension>, fold: Bool)
        -> Aggregator
    {
        var p = SummaryPartial(model: "m", by: by, period: .week, foldsDuplicates: fold)
        for (scored, print) in items { p.add(scored, print: print) }
        return p.resolved()
    }

    static func chart(_ items: [(ScoredArticle, StoryPrint)], fold: Bool) -> ChartData {
        var p = ChartPartials(model: "m", period: .week, foldsDuplicates: fold)
        for (scored, print) in items { p.add(scored, print: print) }
        return p.resolved()
    }

    static let cases: [(String, Bool)] = [("seeds", true), ("seeds", false), ("copies", true), ("copies", false)]

    @Test("bars, timeline, heatmap, strips and the report table are summary's rows", arguments: cases)
    func agree(_ corpus: String, _ fold: Bool) {
        let items = corpus == "seeds" ? Self.seeds : Self.corpus
        let data = Self.chart(items, fold: fold)
        let byCountry = Self.summary(items, by: [.country], fold: fold)
        #expect(data.summary.groups == byCountry.groups)
        #expect(
            data.folding?.copies == byCountry.folding?.copies && data.folding?.stories == byCountry.folding?.stories)
        #expect(
            data.countries == Dictionary(uniqueKeysWithValues: byCountry.groups.map { ($0.key.country!, $0.value) }))
        #expect(data.countriesByArticles == byCountry.countriesByArticles)

        // Timeline: one point per (country, dated period), the summary row of that period.
        var timeline: [Aggregator.Key: GroupStats] = [:]
        for (country, cells) in data.timeline {
            for (ordinal, stats) in cells {
                timeline[Aggregator.Key(country: country, period: data.period.label(ordinal: ordinal))] = stats
            }
        }
        let byCountryPeriod = Self.summary(items, by: [.country, .period], fold: fold).groups
        #expect(timeline == byCountryPeriod.filter { $0.key.period != "undated" })

        var cells: [Aggregator.Key: GroupStats] = [:]
        for (outlet, row) in data.outlets {
            for (country, stats) in row { cells[Aggregator.Key(country: country, outlet: outlet)] = stats }
        }
        #expect(cells == Self.summary(items, by: [.country, .outlet], fold: fold).groups)

        let byOutlet = Self.summary(items, by: [.outlet], fold: fold).groups
        #expect(
            data.outletArticles == Dictionary(uniqueKeysWithValues: byOutlet.map { ($0.key.outlet!, $0.value.count) }))
        let byPeriod = Self.summary(items, by: [.period], fold: fold).groups
        var perPeriod: [String: Int] = [:]
        for (ordinal, n) in data.articlesPerPeriod { perPeriod[data.period.label(ordinal: ordinal)] = n }
        #expect(
            perPeriod
                == byPeriod.filter { $0.key.period != "undated" }.mapValues(\.count).reduce(into: [:]) {
                    $0[$1.key.period!] = $1.value
                })
        #expect(data.undated == byPeriod.first { $0.key.period == "undated" }?.value.count ?? 0)
    }

    @Test("with copies, folding changes what the charts count: each story once per country")
    func foldingMatters() {
        let folded = Self.chart(Self.corpus, fold: true)
        let kept = Self.chart(Self.corpus, fold: false)
        let seeds = Self.chart(Self.seeds, fold: false)
        #expect(kept.articles == folded.articles)
        #expect(folded.folding?.copies == Self.corpus.count - 31)
        #expect(kept.folding == nil)
        // The copies repeat seed stories: folded, each country counts what the seeds plus the one
        // undated story of its own give; kept, every copy adds.
        let own = Self.chart([Self.corpus[Self.corpus.count - 1]], fold: false)
        for (code, stats) in folded.countries {
            #expect(stats.count == (seeds.countries[code]?.count ?? 0) + (own.countries[code]?.count ?? 0))
        }
        #expect(
            kept.countries.values.map(\.count).reduce(0, +) > folded.countries.values.map(\.count).reduce(0, +))
        // The undated copy folds into its dated story: only the undated story of its own is undated.
        #expect(folded.undated == 1 && kept.undated == 2)
    }

    @Test("the footer states the folded copies and, when too long for the chart, is squeezed to its width")
    func footerFits() throws {
        let data = Self.chart(Self.corpus, fold: true)
        var account = RunAccount()
        (account.read, account.scored) = (Self.corpus.count, Self.corpus.count)
        let short = ChartContext(
            model: "m", account: account, countries: ["CN"], duplicates: .init(data, foldsDuplicates: true))
        let svg = try XMLTree.parse(ChartKind.outlets.render(data, context: short))
        let footer = try #require(svg.elements("text", class: "chart-footer").first)
        #expect(footer.allText.hasSuffix("· 11 syndicated copies folded into 31 stories"))
        #expect(footer.attributes["textLength"] == nil)
        account.rejected = 123_456
        account.read += 123_456
        account.skippedFiles = Array(repeating: LoadError.unreadable(path: "x", reason: "y"), count: 12)
        let long = ChartContext(
            model: "stance-rare-earth@0.4.2", account: account, countries: ["CN"],
            duplicates: .folded(copies: 1_234_567, stories: 7_654_321))
        let wide = try XMLTree.parse(ChartKind.outlets.render(data, context: long))
        let squeezed = try #require(wide.elements("text", class: "chart-footer").first)
        let width = try #require(wide.attributes["width"].flatMap(Double.init))
        #expect(squeezed.attributes["textLength"].flatMap(Double.init) == width - 40)
    }
}
