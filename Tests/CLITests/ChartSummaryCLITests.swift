import Foundation
import Testing

/// `chart`, `report` and `summary` end to end on one corpus: the numbers drawn are the rows printed,
/// syndicated copies folded alike; `summary --countries/--top` picks the rows `chart` draws.
@Suite("chart and report agree with summary")
struct ChartSummaryCLITests {
    /// The seeds as JSON Lines plus syndicated copies: every third article again under another
    /// outlet, months later, re-punctuated (the first copy undated): 10 copies of 30 stories.
    static func corpus() throws -> (URL, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stance-agree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let converted = try CLITests.stance(["convert", CLITests.seeds])
        var lines = converted.lines
        for (n, line) in converted.lines.enumerated() where n % 3 == 0 {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["id"] = "copy:\(n)"
            object["outlet"] = n % 2 == 0 ? "新浪财经" : "华尔街见闻"
            object["body"] = (object["body"] as? String ?? "").replacingOccurrences(of: ",", with: " , ")
            if n == 0 { object["published"] = nil } else { object["published"] = "2025-12-0\(n % 7 + 1) 08:00" }
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        }
        let file = dir.appendingPathComponent("copies.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return (dir, file.path)
    }

    /// `country → [articles, favorable, neutral, unfavorable]` of `summary --format csv` rows.
    static func summaryCounts(_ run: CLITests.Run, key: (([String]) -> String) = { $0[0] }) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        let header = run.lines.first?.split(separator: ",").map(String.init) ?? []
        let at = ["articles", "favorable", "neutral", "unfavorable"].compactMap { header.firstIndex(of: $0) }
        for line in run.lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[key(f)] = at.map { Int(f[$0]) ?? -1 }
        }
        return out
    }

    /// The text of each `class="series" data-country="XX"` group of an SVG, by country.
    static func series(_ svg: String) -> [String: String] {
        var out: [String: String] = [:]
        for chunk in svg.components(separatedBy: "class=\"series\" data-country=\"").dropFirst() {
            let code = String(chunk.prefix { $0 != "\"" })
            out[code] = chunk.components(separatedBy: "</g>").first ?? ""
        }
        return out
    }

    /// The `data-n` values after each `marker` in `text`.
    static func counts(_ text: String, after marker: String) -> [Int] {
        text.components(separatedBy: marker).dropFirst().compactMap { rest in
            guard let n = rest.components(separatedBy: "data-n=\"").dropFirst().first else { return nil }
            return Int(n.prefix { $0 != "\"" })
        }
    }

    /// `N syndicated copies folded into M stories` from summary's header.
    static func folding(_ run: CLITests.Run) -> String? {
        run.lines.first?.components(separatedBy: "; ").last { $0.contains("syndicated") }
    }

    @Test("labels bars, timeline points, footer and the report table are summary's rows", arguments: ["fold", "keep"])
    func agree(_ duplicates: String) throws {
        let (dir, file) = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = [file, "--duplicates", duplicates, "--quiet"]
        let summary = try CLITests.stance(["summary"] + common + ["--format", "csv"])
        let rows = Self.summaryCounts(summary)
        #expect(summary.status == 0 && rows.count >= 6)

        let labels = try CLITests.stance(["chart", "--kind", "labels", "--top", "100"] + common)
        #expect(labels.status == 0)
        var drawn: [String: [Int]] = [:]
        for (code, text) in Self.series(labels.stdout) {
            let n = ["favorable", "neutral", "unfavorable"].map {
                Self.counts(text, after: "class=\"segment \($0)\"").first ?? 0
            }
            drawn[code] = [n.reduce(0, +)] + n
        }
        #expect(drawn == rows)

        let byPeriod = try CLITests.stance(["summary", "--by", "country,period"] + common + ["--format", "csv"])
        let periodRows = Self.summaryCounts(byPeriod) { "\($0[0]) \($0[1])" }
        let timeline = try CLITests.stance(["chart", "--kind", "timeline", "--countries", "CN,US,JP"] + common)
        for (code, text) in Self.series(timeline.stdout) {
            let expected = periodRows.filter { $0.key.hasPrefix(code + " ") && !$0.key.hasSuffix("undated") }
                .sorted { $0.key < $1.key }.map { $0.value[0] }
            #expect(Self.counts(text, after: "class=\"point\"") == expected, "\(code)")
            #expect(!expected.isEmpty)
        }

        let report = try CLITests.stance(["report"] + common)
        #expect(report.status == 0)
        let table =
            report.stdout.components(separatedBy: "<table class=\"summary\">").last?
            .components(separatedBy: "</table>").first ?? ""
        var reported: [String: [Int]] = [:]
        for row in table.components(separatedBy: "<tr><td>").dropFirst() {
            let cells = row.components(separatedBy: "</td>").map {
                $0.components(separatedBy: ">").last ?? ""
            }
            reported[cells[0]] = [1, 4, 5, 6].map { Int(cells[$0]) ?? -1 }
        }
        #expect(reported == rows)

        let summaryTable = try CLITests.stance(["summary"] + common)
        if duplicates == "fold" {
            let folded = try #require(Self.folding(summaryTable))
            #expect(folded.hasPrefix("10 syndicated copies folded into 30 stories"))
            #expect(labels.stdout.contains("class=\"chart-footer\">") && labels.stdout.contains(folded))
            #expect(timeline.stdout.contains(folded))
            #expect(report.stdout.contains(folded + ": each story counts once per country"))
        } else {
            #expect(Self.folding(summaryTable) == nil)
            #expect(labels.stdout.contains("every syndicated copy counted (--duplicates keep)"))
            #expect(report.stdout.contains("every copy counts (--duplicates keep)"))
        }
    }

    @Test("summary --countries keeps those rows in that order; --top N the rows chart would draw")
    func summarySelects() throws {
        let all = try CLITests.stance(["summary", CLITests.seeds, "--quiet", "--format", "csv"])
        let codes = all.lines.dropFirst().map { String($0.prefix { $0 != "," }) }
        let top = try CLITests.stance(["summary", CLITests.seeds, "--quiet", "--format", "csv", "--top", "3"])
        #expect(top.lines == Array(all.lines.prefix(4)))
        let labels = try CLITests.stance(["chart", CLITests.seeds, "--kind", "labels", "--top", "3", "--quiet"])
        #expect(Self.series(labels.stdout).keys.sorted() == codes.prefix(3).sorted())

        let chosen = try CLITests.stance([
            "summary", CLITests.seeds, "--quiet", "--by", "country,period", "--period", "month", "--countries", "jp,US",
        ])
        let countries = chosen.lines.dropFirst(3).map { String($0.prefix(2)) }
        #expect(chosen.status == 0 && !countries.isEmpty)
        #expect(countries == countries.filter { $0 == "JP" } + countries.filter { $0 == "US" })
        #expect(countries.contains("JP") && countries.contains("US"))

        let cases: [([String], String)] = [
            (["--by", "outlet", "--top", "2"], "add country to --by"),
            (["--format", "partial", "--countries", "CN"], "do not apply to --format partial"),
            (["--countries", "CN,XX"], "unknown country code `XX`"),
            (["--top", "0"], "--top"),
        ]
        for (extra, message) in cases {
            let run = try CLITests.stance(["summary", CLITests.seeds] + extra)
            #expect(run.status == 2, "\(extra)")
            #expect(run.stderr.contains(message), "\(extra): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("stance --help lists every subcommand that takes --output")
    func helpOutput() throws {
        let help = try CLITests.stance(["--help"])
        let line = try #require(help.lines.first { $0.contains("--output PATH") })
        for command in ["score", "summary", "convert", "merge", "chart", "report"] {
            #expect(line.contains(command), "\(command)")
            let sub = try CLITests.stance([command, "--help"])
            #expect(sub.stdout.contains("--output"), "\(command) --help")
        }
    }
}
