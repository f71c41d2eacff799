import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

@Suite("HTML report")
struct HTMLReportTests {
    /// The seeds and a file whose title and outlet try to inject markup, scored by the real model.
    static func report(labels: Bool = false) throws -> String {
        let directory = try PipelineFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = directory.appendingPathComponent("hostile.txt")
        try """
        稀土
        Search documents
        <script>alert("x")</script> & "中国" 稀土
        <b>Evil</b> & Co · 2025-07-22 06:20
        中国掌握稀土主动权,美国不得不依赖进口中国的稀土。
        unfinished
        """.write(to: hostile, atomically: true, encoding: .utf8)
        let inputs = InputSource(paths: [PipelineFixture.seedsDirectory.path, hostile.path])
        let lexicon = PipelineFixture.lexicon
        var collector = ReportCollector(model: lexicon.model.identifier, period: .month)
        let account = try ScoringRun(lexicon: lexicon, threads: 2).runWithStories(
            inputs, printing: true, result: { collector.add($0, print: $1) }, rejected: { collector.reject($0) })
        collector.resolve()
        var accuracy: HTMLReport.Accuracy?
        if labels {
            let set = try LabelSet(
                directory: PipelineFixture.seedsDirectory.path, knownCodes: lexicon.model.countryCodes)
            accuracy = HTMLReport.Accuracy(name: set.name, evaluation: Evaluation(sets: [set], lexicon: lexicon))
        }
        return HTMLReport(
            collector: collector, account: account, files: inputs.files, model: lexicon.model.identifier,
            countries: collector.charts.select(nil, top: 6), evidence: collector.evidence.items(lexicon: lexicon),
            accuracy: accuracy
        ).render()
    }

    @Test("well-formed, self-contained: no script, nothing fetched, every section and chart present")
    func structure() throws {
        let html = try HTMLReportTests.report()
        let tree = try XMLTree.parse(html)
        #expect(tree.elements("script").isEmpty)
        #expect(tree.all.allSatisfy { $0.attributes["src"] == nil })
        #expect(tree.all.compactMap { $0.attributes["href"] }.allSatisfy { $0.hasPrefix("#") })
        let sections = tree.elements("section").compactMap { $0.attributes["id"] }
        #expect(sections == ["read", "summary", "charts", "evidence"])
        #expect(
            tree.elements("svg").compactMap { $0.attributes["id"] } == [
                "chart-timeline", "chart-outlets", "chart-labels",
            ])
        #expect(tree.elements("style").count == 1)
    }

    @Test("what was read: every file, the account, the rejected record with its reason")
    func readSection() throws {
        let tree = try XMLTree.parse(try HTMLReportTests.report())
        let read = try #require(tree.elements("section").first { $0.attributes["id"] == "read" })
        #expect(read.elements("table", class: "files").first?.elements("tr").count == 5)  // header + 4 files
        #expect(read.allText.contains("32 articles read from 4 files: 31 scored, 1 rejected"))
        let rejected = try #require(read.elements("table", class: "rejected").first)
        #expect(rejected.allText.contains("hostile.txt:6"))
        #expect(rejected.allText.contains("no body"))
    }

    @Test("hostile titles and outlets are text, not markup")
    func escaped() throws {
        let html = try HTMLReportTests.report()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>Evil</b>"))
        let tree = try XMLTree.parse(html)
        let titles = tree.elements("span", class: "title").map(\.allText)
        #expect(titles.contains("<script>alert(\"x\")</script> & \"中国\" 稀土"))
        #expect(tree.allText.contains("<b>Evil</b> & Co"))
    }

    @Test("evidence: at most three per side and country, each with sentence, cue, article id and title")
    func evidence() throws {
        let tree = try XMLTree.parse(try HTMLReportTests.report())
        let section = try #require(tree.elements("section").first { $0.attributes["id"] == "evidence" })
        let cn = try #require(section.elements("h3").first { $0.attributes["id"] == "evidence-CN" })
        #expect(cn.allText.hasPrefix("CN"))
        for list in section.elements("ol") {
            #expect((1...3).contains(list.elements("li").count))
            for item in list.elements("li") {
                #expect(item.elements("mark").count <= 1)
                #expect(item.allText.contains("cue "))
                #expect(item.allText.range(of: #"\.txt:\d+"#, options: .regularExpression) != nil)
            }
        }
    }

    @Test("with labels: the accuracy table and the confusion matrix as a heatmap")
    func accuracy() throws {
        let tree = try XMLTree.parse(try HTMLReportTests.report(labels: true))
        let section = try #require(tree.elements("section").first { $0.attributes["id"] == "accuracy" })
        #expect(section.allText.contains("111 gold (article, country) pairs"))
        let cells = section.elements("rect", class: "cell")
        #expect(cells.count == 9)
        #expect(cells.compactMap { $0.attributes["data-n"].flatMap(Int.init) }.reduce(0, +) == 111)
    }

    @Test("the evidence kept is bounded and holds the strongest articles, earlier first on ties")
    func evidenceBounded() {
        var collector = EvidenceCollector(limit: 3)
        for n in 0..<10_000 {
            let score = Double(n % 100) / 100
            collector.add(ChartFixture.article(n, [("CN", score, .favorable), ("US", -score, .unfavorable)]))
        }
        #expect(collector.favorable["CN"]?.count == 3)
        #expect(collector.favorable["CN"]?.map(\.score) == [0.99, 0.99, 0.99])
        #expect(collector.favorable["CN"]?.map(\.article.index) == [99, 199, 299])
        #expect(collector.unfavorable["US"]?.map(\.score) == [-0.99, -0.99, -0.99])
        #expect(collector.unfavorable["CN"] == nil)
    }
}
