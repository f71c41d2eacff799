import Foundation
import TestSupport
import Testing

/// End to end: the built `stance` binary, its output streams and exit codes.
@Suite("stance command line")
struct CLITests {
    /// The package root (`Fixture.rootURL`).
    static var root: URL { Fixture.rootURL }

    /// The `stance` product built with the tests (`Fixture.stanceBinary`).
    static var binary: URL? { Fixture.stanceBinary }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Runs `stance arguments` in the package root, with `$STANCE_MODEL` unset unless `environment` sets it.
    static func stance(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        let binary = try #require(
            binary, "the stance binary is not built next to the tests nor in .build/debug — run `swift build` first")
        let scratch = try Fixture.temporaryDirectory(prefix: "stance-cli")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "STANCE_MODEL" }
            .merging(extra) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static let seeds = "Evaluations/seeds"

    static func jsonRows(_ run: Run) throws -> [[String: Any]] {
        try run.lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)")
        }
    }

    /// `key<TAB>value` rows of a model file.
    static func modelValues(_ file: String) throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("Models/\(file)"), encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t")
            if cells.count >= 2 { values[String(cells[0])] = String(cells[1]) }
        }
        return values
    }

    // MARK: - Help and usage

    @Test("--help exits 0 and names every subcommand")
    func help() throws {
        let run = try Self.stance(["--help"])
        #expect(run.status == 0)
        for word in ["score", "summary", "eval", "model check", "EXIT STATUS"] {
            #expect(run.stdout.contains(word), "help lacks \(word)")
        }
    }

    @Test(
        "usage errors exit 2 and say what is wrong on standard error",
        arguments: [
            (["score", "--format", "xml", seeds], "xml"),
            (["score", "--bogus"], "--bogus"),
            (["score", "--threads", "many"], "many"),
            (["summary", "--by", "continent"], "continent"),
            (["frobnicate"], "frobnicate"),
        ])
    func usageError(arguments: [String], named: String) throws {
        let run = try Self.stance(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(named))
    }

    @Test("no subcommand: usage on standard error, exit 2")
    func noSubcommand() throws {
        let run = try Self.stance([])
        #expect(run.status == 2)
        #expect(run.stderr.contains("USAGE"))
    }

    // MARK: - score

    @Test("score --format jsonl: every line is JSON with every field of FORMATS.md §6, 30 articles")
    func scoreJSONLines() throws {
        let run = try Self.stance(["score", Self.seeds, "--format", "jsonl"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("30 articles read, 30 scored, 0 rejected"))
        let rows = try Self.jsonRows(run)
        let manifest = try Self.modelValues("manifest.tsv"), params = try Self.modelValues("params.tsv")
        let favorable = try #require(params["favorable"].flatMap(Double.init))
        let unfavorable = try #require(params["unfavorable"].flatMap(Double.init))
        let fields = [
            "article", "title", "outlet", "published", "topic", "language", "country", "score", "stance", "mentions",
            "model",
        ]
        for row in rows {
            #expect(fields.allSatisfy { row.keys.contains($0) }, "missing fields in \(row)")
            #expect(row["model"] as? String == "\(manifest["name"] ?? "?")@\(manifest["version"] ?? "?")")
            #expect(["zh", "en", "mixed"].contains(row["language"] as? String ?? ""))
            let published = row["published"] as? String ?? ""
            #expect(published.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"#, options: .regularExpression) != nil)
            guard !(row["country"] is NSNull) else {
                // An article that names no country still gets one row, with no score.
                #expect(row["score"] is NSNull && row["stance"] is NSNull && row["mentions"] as? Int == 0)
                continue
            }
            let score = try #require(row["score"] as? Double)
            #expect((-1...1).contains(score))
            let expected = score >= favorable ? "favorable" : score <= unfavorable ? "unfavorable" : "neutral"
            #expect(row["stance"] as? String == expected, "\(row["article"] ?? "?") \(row["country"] ?? "?") \(score)")
            #expect((row["mentions"] as? Int ?? 0) > 0)
            #expect((row["country"] as? String)?.count == 2)
        }
        let articles = rows.compactMap { $0["article"] as? String }
        #expect(Set(articles).count == 30)
        // One row per (article, country), in input order.
        let pairs = rows.map { "\($0["article"] ?? "") \($0["country"] ?? "")" }
        #expect(Set(pairs).count == pairs.count)
        let order = articles.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(order.count == 30)
        #expect(order.first == "000_8ca8292280351d11.txt:1" && order.last == "002_3260e73088ab1401.txt:10")
        let first = try #require(rows.first)
        #expect(first["title"] as? String == "堵上稀土最后漏洞!中国这招釜底抽薪,美国想掀桌都没勇气")
        #expect(first["outlet"] as? String == "搜狐财经")
        #expect(first["published"] as? String == "2025-07-22 06:20")
        #expect(first["topic"] as? String == "稀土产业")
    }

    @Test("score --format csv: a header with the fields of §6 in order, one line per JSON row")
    func scoreCSV() throws {
        let csv = try Self.stance(["score", Self.seeds, "--format", "csv"])
        #expect(csv.status == 0)
        let header = try #require(csv.lines.first).split(separator: ",").map(String.init)
        let fields = [
            "article", "title", "outlet", "published", "topic", "language", "country", "score", "stance", "mentions",
            "model",
        ]
        #expect(
            fields.compactMap { header.firstIndex(of: $0) }
                == fields.indices.map { header.firstIndex(of: fields[$0]) ?? -1 })
        #expect(fields.compactMap { header.firstIndex(of: $0) }.count == fields.count)
        #expect(
            fields.compactMap { header.firstIndex(of: $0) } == fields.compactMap { header.firstIndex(of: $0) }.sorted())
        let jsonl = try Self.stance(["score", Self.seeds, "--format", "jsonl"])
        #expect(csv.lines.count - 1 == jsonl.lines.count)
        let explained = try Self.stance(["score", Self.seeds, "--format", "csv", "--explain"])
        #expect(explained.lines.first?.hasSuffix(",evidence") == true)
    }

    @Test("score --explain shows the evidence behind each score")
    func explain() throws {
        let table = try Self.stance(["score", "\(Self.seeds)/000_8ca8292280351d11.txt", "--explain"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("cues.tsv:"))
        #expect(table.stdout.contains("in title 0"))
        let plain = try Self.stance(["score", "\(Self.seeds)/000_8ca8292280351d11.txt"])
        #expect(!plain.stdout.contains("cues.tsv:"))

        let rows = try Self.jsonRows(try Self.stance(["score", Self.seeds, "--format", "jsonl", "--explain"]))
        var items = 0
        for row in rows where !(row["country"] is NSNull) {
            let evidence = try #require(row["evidence"] as? [[String: Any]])
            for e in evidence {
                items += 1
                let matched = try #require(e["matched"] as? String), text = try #require(e["segment_text"] as? String)
                #expect(text.contains(matched), "`\(matched)` not in its segment `\(text)`")
                #expect(e["entry"] is String && e["weight"] is Double && e["value"] is Double)
                // A cue, or a world share found through a scope word of modifiers.tsv.
                let source = e["source"] as? String ?? ""
                #expect(source.hasPrefix("cues.tsv:") || source.hasPrefix("modifiers.tsv:"), "source `\(source)`")
                #expect(["title", "heading", "bullet", "sentence"].contains(e["segment_kind"] as? String ?? ""))
            }
        }
        #expect(items > 30)
    }

    @Test("output is byte-identical with --threads 1 and --threads 2")
    func threads() throws {
        let one = try Self.stance(["score", Self.seeds, "--format", "jsonl", "--explain", "--threads", "1"])
        let two = try Self.stance(["score", Self.seeds, "--format", "jsonl", "--explain", "--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
        let summaryOne = try Self.stance(["summary", Self.seeds, "--by", "country,outlet,period", "--threads", "1"])
        let summaryTwo = try Self.stance(["summary", Self.seeds, "--by", "country,outlet,period", "--threads", "2"])
        #expect(summaryOne.stdout == summaryTwo.stdout)
    }

    // MARK: - summary and eval

    @Test("summary with no path: a per-country table of the bundled corpus with CN and US")
    func summary() throws {
        let run = try Self.stance(["summary"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("30 articles scored"))
        let lines = run.lines
        let header = try #require(lines.firstIndex { $0.hasPrefix("country") })
        #expect(lines[header].contains("articles") && lines[header].contains("net"))
        let rows = lines[(header + 2)...].map { $0.split(separator: " ").map(String.init) }
        let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], Int($0[1]) ?? -1) })
        #expect(counts["CN"] != nil && counts["US"] != nil)
        // Each country's count is its number of (article, country) rows in `score`.
        let scored = try Self.jsonRows(try Self.stance(["score", Self.seeds, "--format", "jsonl"]))
        for code in ["CN", "US"] {
            #expect(counts[code] == scored.filter { $0["country"] as? String == code }.count, "\(code)")
        }
        // Countries with more articles come first.
        let ordered = rows.map { Int($0[1]) ?? 0 }
        #expect(ordered == ordered.sorted(by: >))
    }

    @Test("eval on the seed set prints detection and macro-F1")
    func eval() throws {
        let run = try Self.stance(["eval", Self.seeds])
        #expect(run.status == 0)
        #expect(run.stdout.contains("30 articles, 111 gold (article, country) pairs"))
        #expect(run.stdout.contains("macro-F1"))
        let line = try #require(run.lines.first { $0.hasPrefix("Country detection:") })
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count >= 3)
        let (p, r, f1) = (numbers[0], numbers[1], numbers[2])
        #expect([p, r, f1].allSatisfy { (0...1).contains($0) })
        #expect(abs(f1 - 2 * p * r / max(p + r, 1e-9)) < 0.002)
    }

    // MARK: - Failures

    @Test("a missing path alone: nothing read, exit 1, the path named on standard error")
    func missingPathOnly() throws {
        let run = try Self.stance(["score", "/nonexistent/stance-missing.txt"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/stance-missing.txt"))
        #expect(run.stdout.isEmpty)
    }

    @Test("a missing path beside a good one: the good one is scored, exit 3, the path named")
    func missingPathAmongOthers() throws {
        let run = try Self.stance([
            "score", "/nonexistent/stance-missing.txt", "\(Self.seeds)/001_dc20efa79818f8e9.txt", "--format", "jsonl",
        ])
        #expect(run.status == 3)
        #expect(run.stderr.contains("/nonexistent/stance-missing.txt"))
        #expect(Set(try Self.jsonRows(run).compactMap { $0["article"] as? String }).count == 10)
    }

    @Test("--model /nonexistent exits 1 and says which model was missing")
    func missingModel() throws {
        let run = try Self.stance(["score", Self.seeds, "--model", "/nonexistent"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent"))
        #expect(run.stderr.contains("manifest.tsv"))
        #expect(run.stdout.isEmpty)
    }
}
