import Foundation
import Testing

/// `stance eval` on a labels file naming a real country the model has no names for: the pair counts as
/// a missed detection and a warning names the row; a code that is not ISO 3166-1 stops with an error.
@Suite("stance eval: labelled countries the model lacks")
struct CLIEvalCoverageTests {
    static let seed = "000_8ca8292280351d11.txt"
    static let title = "堵上稀土最后漏洞!中国这招釜底抽薪,美国想掀桌都没勇气"

    /// A scratch folder with a labelled set (seed 000 and `labels`) and a copy of the model whose
    /// countries.tsv has no row for `dropped`.
    static func scratch(labels: String, dropped: String) throws -> (root: URL, set: URL, model: URL) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("stance-eval-coverage-\(UUID().uuidString)")
        let set = root.appendingPathComponent("set"), model = root.appendingPathComponent("model")
        try fm.createDirectory(at: set, withIntermediateDirectories: true)
        try fm.copyItem(at: CLITests.root.appendingPathComponent("Models"), to: model)
        try fm.copyItem(
            at: CLITests.root.appendingPathComponent("Evaluations/seeds/\(seed)"),
            to: set.appendingPathComponent(seed))
        try Data(labels.utf8).write(to: set.appendingPathComponent("labels.tsv"))
        let countries = model.appendingPathComponent("countries.tsv")
        let kept = try String(contentsOf: countries, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .filter { !$0.hasPrefix(dropped + "\t") }
        try Data(kept.joined(separator: "\n").utf8).write(to: countries)
        return (root, set, model)
    }

    static func labels(_ second: String) -> String {
        "file\tindex\tcountry\tstance\ttitle\n\(seed)\t1\tCN\tfavorable\t\(title)\n\(seed)\t1\t\(second)\tneutral\t\(title)\n"
    }

    /// The "(N found, N false, N missed)" figures of the detection line.
    static func detectionCounts(_ run: CLITests.Run) throws -> [Int] {
        let line = try #require(run.lines.first { $0.hasPrefix("Country detection:") })
        let inside = try #require(line.split(separator: "(").last)
        return inside.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
    }

    @Test("a real country missing from the model is a missed detection with a warning, exit 0")
    func missingCountryWarns() throws {
        let (root, set, model) = try Self.scratch(labels: Self.labels("BY"), dropped: "BY")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLITests.stance(["eval", set.path, "--model", model.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: "), "\(run.stderr)")
        #expect(run.stderr.contains("labels.tsv:3: country `BY`"), "\(run.stderr)")
        #expect(run.stderr.contains("counted as a missed detection"), "\(run.stderr)")
        let counts = try Self.detectionCounts(run)
        #expect(counts.count == 3 && counts[2] >= 1, "\(run.stdout)")

        // With the full model the same label is no warning (the model names Belarus); the article does
        // not mention Belarus, so the pair is missed all the same.
        let full = try CLITests.stance(["eval", set.path])
        #expect(full.status == 0)
        #expect(!full.stderr.contains("warning"), "\(full.stderr)")
        #expect(try Self.detectionCounts(full) == counts, "\(full.stdout)")
    }

    @Test("a code that is not ISO 3166-1 stops with an error naming labels.tsv and the line")
    func nonISOCodeFails() throws {
        let (root, set, model) = try Self.scratch(labels: Self.labels("XX"), dropped: "BY")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLITests.stance(["eval", set.path, "--model", model.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("labels.tsv:3: unknown country code `XX`"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
