import Foundation
import Testing

/// `convert`, `summary --format partial`, `merge` and the progress line, end to end.
@Suite("stance convert and merge")
struct ScaleOutCLITests {
    typealias CLI = CLITests

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stance-scaleout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let seedFiles = [
        "Evaluations/seeds/000_8ca8292280351d11.txt", "Evaluations/seeds/001_dc20efa79818f8e9.txt",
        "Evaluations/seeds/002_3260e73088ab1401.txt",
    ]

    @Test("converted JSON Lines score exactly as the exports, under the original file:n ids")
    func convertRoundTrip() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for set in ["Evaluations/seeds", "Evaluations/heldout4", "Evaluations/cases"] {
            let jsonl = dir.appendingPathComponent((set as NSString).lastPathComponent + ".jsonl").path
            let convert = try CLI.stance(["convert", set, "--output", jsonl])
            #expect(convert.status == 0, "\(convert.stderr)")
            let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
            let firstLine = try #require(lines.first)
            let first = try #require(try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
            #expect(Set(first.keys) == ["id", "title", "outlet", "published", "topic", "body"])
            for format in ["jsonl", "csv"] {
                let original = try CLI.stance(["score", set, "--format", format])
                let converted = try CLI.stance(["score", jsonl, "--format", format])
                #expect(original.status == 0 && converted.status == 0)
                #expect(!original.stdout.isEmpty)
                #expect(original.stdout == converted.stdout, "\(set) as \(format)")
            }
        }
    }

    @Test("convert lists a rejected record and counts it, as score does")
    func convertRejects() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("bad.jsonl")
        try "{\"title\":\"t\",\"body\":\"中国稀土\"}\nnot json\n".write(to: input, atomically: true, encoding: .utf8)
        let run = try CLI.stance(["convert", input.path])
        #expect(run.status == 3)
        #expect(run.lines.count == 1)
        #expect(run.stderr.contains("bad.jsonl:2: not valid JSON"))
        #expect(run.stderr.contains("2 articles read, 1 scored, 1 rejected"))
    }

    @Test("merging the partials of each file gives the summary of all files, byte for byte")
    func mergeFiles() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for by in ["country", "country,outlet,period", "outlet"] {
            for duplicates in ["fold", "keep"] {
                var partials: [String] = []
                for (k, file) in Self.seedFiles.enumerated() {
                    let path = dir.appendingPathComponent("p\(k).jsonl").path
                    let run = try CLI.stance([
                        "summary", file, "--by", by, "--duplicates", duplicates, "--format", "partial", "--output",
                        path,
                    ])
                    #expect(run.status == 0, "\(run.stderr)")
                    partials.append(path)
                }
                for format in ["table", "jsonl", "csv"] {
                    let whole = try CLI.stance(
                        ["summary", CLI.seeds, "--by", by, "--duplicates", duplicates, "--format", format])
                    let merged = try CLI.stance(["merge"] + partials.reversed() + ["--by", by, "--format", format])
                    #expect(merged.status == 0, "\(merged.stderr)")
                    #expect(merged.stdout == whole.stdout, "--by \(by) --duplicates \(duplicates) --format \(format)")
                    #expect(merged.stderr.contains("30 articles read, 30 scored, 0 rejected"))
                }
            }
        }
    }

    @Test("merge refuses partials of another grouping or model, naming the file")
    func mergeRefuses() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.jsonl").path, b = dir.appendingPathComponent("b.jsonl").path
        _ = try CLI.stance(["summary", Self.seedFiles[0], "--format", "partial", "--output", a])
        _ = try CLI.stance([
            "summary", Self.seedFiles[1], "--by", "country,outlet", "--format", "partial", "--output", b,
        ])
        let grouping = try CLI.stance(["merge", a, b])
        #expect(grouping.status == 1)
        #expect(grouping.stdout.isEmpty)
        #expect(grouping.stderr.contains("b.jsonl: partial of grouping --by country,outlet, not --by country"))
        let text = try String(contentsOfFile: b, encoding: .utf8)
        try text.replacingOccurrences(of: "--by country,outlet", with: "")
            .replacingOccurrences(of: "\"by\":\"country,outlet\"", with: "\"by\":\"country\"")
            .replacingOccurrences(of: "@0.", with: "@99.")
            .write(toFile: b, atomically: true, encoding: .utf8)
        let model = try CLI.stance(["merge", a, b])
        #expect(model.status == 1)
        #expect(model.stderr.contains("b.jsonl: partial of model stance-rare-earth@99."))
        let asked = try CLI.stance(["merge", a, "--by", "outlet"])
        #expect(asked.status == 2)
        let notPartial = try CLI.stance(["merge", Self.seedFiles[0]])
        #expect(notPartial.status == 1)
        #expect(notPartial.stderr.contains("000_8ca8292280351d11.txt:1: not a JSON object"))
    }

    @Test("no progress line when standard error is not a terminal")
    func noProgressInPipes() throws {
        for command in [["summary"], ["score", CLI.seeds], ["convert", CLI.seeds]] {
            let run = try CLI.stance(command)
            #expect(!run.stderr.contains("\r") && !run.stderr.contains("MB/s") && !run.stdout.contains("MB/s"))
        }
    }

    @Test("score rows carry the story id; summary shows the copies it folded")
    func storiesOnTheCommandLine() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = "中国对七种中重稀土实施出口管制,美国国防供应链随即承压,日本和欧盟也在寻找替代来源,澳大利亚的扩产计划被寄予厚望。"
        let input = dir.appendingPathComponent("copies.jsonl")
        try [
            "{\"id\":\"a\",\"title\":\"中国稀土管制\",\"outlet\":\"新浪财经\",\"published\":\"2025-07-22 06:20\",\"body\":\"\(body)\"}",
            "{\"id\":\"b\",\"title\":\"稀土管制再升级\",\"outlet\":\"搜狐财经\",\"published\":\"2025-07-22 06:21\",\"body\":\"\(body.replacingOccurrences(of: "国", with: "國"))\"}",
            "{\"id\":\"c\",\"title\":\"另一篇\",\"outlet\":\"搜狐财经\",\"published\":\"2025-07-23 09:00\",\"body\":\"印度宣布稀土勘探新计划,希望摆脱对中国的依赖。\"}",
        ].joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let rows = try CLI.jsonRows(try CLI.stance(["score", input.path, "--format", "jsonl"]))
        let stories = Dictionary(grouping: rows, by: { $0["article"] as? String ?? "" }).mapValues {
            Set($0.compactMap { $0["story"] as? String })
        }
        #expect(stories["a"]?.count == 1 && stories["a"] == stories["b"])
        #expect(stories["c"] != stories["a"])
        let summary = try CLI.stance(["summary", input.path])
        #expect(summary.stdout.contains("1 syndicated copy folded into 2 stories"))
        let kept = try CLI.stance(["summary", input.path, "--duplicates", "keep"])
        #expect(!kept.stdout.contains("syndicated"))
        let cn = { (run: CLITests.Run) in run.lines.first { $0.hasPrefix("CN ") } ?? "" }
        #expect(cn(summary).split(separator: " ", omittingEmptySubsequences: true)[1] == "2")
        #expect(cn(kept).split(separator: " ", omittingEmptySubsequences: true)[1] == "3")
        let byOutlet = try CLI.stance(["summary", input.path, "--by", "country,outlet"])
        #expect(byOutlet.lines.filter { $0.hasPrefix("CN ") }.count == 2)
    }
}
