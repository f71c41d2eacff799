import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `stance chart` and `stance report` end to end: files written, exit codes, messages.
@Suite("stance chart and report")
struct ChartCLITests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stance-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func wellFormed(_ url: URL) throws -> Bool {
        XMLParser(data: try Data(contentsOf: url)).parse()
    }

    @Test(
        "each kind writes a well-formed SVG, exit 0, the account on standard error",
        arguments: ["timeline", "outlets", "labels"])
    func chartKinds(_ kind: String) throws {
        let dir = try ChartCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("\(kind).svg")
        let run = try CLITests.stance(["chart", CLITests.seeds, "--kind", kind, "--output", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "30 articles read, 30 scored, 0 rejected\n")
        #expect(try ChartCLITests.wellFormed(out))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("30 articles, 30 scored"))
        // No temporary file left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["\(kind).svg"])
    }

    @Test("options: countries in the order given, month periods, mean measure, same bytes for any thread count")
    func options() throws {
        let base = [
            "chart", CLITests.seeds, "--kind", "timeline", "--countries", "us,CN", "--period", "month", "--measure",
            "mean",
        ]
        let one = try CLITests.stance(base + ["--threads", "1", "--quiet"])
        let four = try CLITests.stance(base + ["--threads", "4", "--quiet"])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout == four.stdout)
        #expect(one.stderr.isEmpty)
        let series = one.stdout.components(separatedBy: "class=\"series\" data-country=\"").dropFirst().map {
            $0.prefix(2)
        }
        #expect(series == ["US", "CN"])
        #expect(one.stdout.contains("Mean stance score per country, by month"))
        #expect(one.stdout.contains(">2025-07<"))
    }

    @Test("usage errors exit 2 and say what to do")
    func usageErrors() throws {
        let cases: [([String], String)] = [
            (["chart"], "chart needs --kind — use timeline, outlets or labels"),
            (["chart", "--kind", "pie"], "unknown --kind `pie`"),
            (["chart", "--kind", "labels", "--measure", "mean"], "--measure applies to --kind timeline only"),
            (["chart", "--kind", "timeline", "--measure", "median"], "unknown --measure `median`"),
            (["chart", "--kind", "labels", "--countries", "CN,XX"], "unknown country code `XX`"),
            (["chart", "--kind", "timeline", "--countries", "CN,US,JP,EU,RU,IN,AU,KR,VN"], "at most 8 countries"),
            (["chart", "--kind", "labels", "--top", "0"], "--top takes a whole number from 1 to 100"),
            (["report", "--period", "year"], "unknown --period `year`"),
            (["report", "--bogus"], "unknown option --bogus"),
        ]
        for (arguments, message) in cases {
            let run = try CLITests.stance(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("an output that cannot be written is fatal (exit 1) and names the path")
    func unwritable() throws {
        let run = try CLITests.stance(["chart", "--kind", "labels", "--output", "/nonexistent-dir/x.svg"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent-dir/x.svg: cannot write the output"))
    }

    @Test("report: rejected records exit 3, listed on standard error and in the page; the page is well-formed")
    func report() throws {
        let dir = try ChartCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("bad.txt")
        try "稀土\nSearch documents\n<script>x</script> 中国稀土 &\n新浪财经 · 2025-07-01 08:00\n中国主导稀土。\ncut off\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("report.html")
        let run = try CLITests.stance([
            "report", CLITests.seeds, input.path, "--output", out.path, "--labels", CLITests.seeds,
        ])
        #expect(run.status == 3)
        #expect(run.stderr.contains("bad.txt:6:"))
        #expect(run.stderr.hasSuffix("32 articles read, 31 scored, 1 rejected\n"))
        #expect(try ChartCLITests.wellFormed(out))
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("bad.txt:6"))
        #expect(html.contains("id=\"accuracy\""))
        #expect(html.contains("Evaluations/seeds/000_8ca8292280351d11.txt"))
    }

    @Test("report: the same bytes for any thread count")
    func reportDeterministic() throws {
        let one = try CLITests.stance(["report", "--threads", "1", "--quiet"])
        let four = try CLITests.stance(["report", "--threads", "4", "--quiet"])
        #expect(one.status == 0 && four.status == 0)
        #expect(!one.stdout.isEmpty && one.stdout == four.stdout)
    }

    @Test("report: a --labels folder that does not exist is fatal")
    func reportMissingLabels() throws {
        let run = try CLITests.stance(["report", "--labels", "/no/such/set"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--labels /no/such/set: no such folder"))
        #expect(run.stdout.isEmpty)
    }
}
