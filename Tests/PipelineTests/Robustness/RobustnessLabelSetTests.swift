import Foundation
import Scoring
import Testing

@testable import Pipeline

/// `labels.tsv` problems stop an evaluation with an error naming the row; a set whose articles cannot
/// be read says which file.
@Suite("Robustness: labelled sets")
struct RobustnessLabelSetTests {
    static let header = "file\tindex\tcountry\tstance\ttitle"
    static let article = Robust.seedNames[0]
    static let title1 = "堵上稀土最后漏洞!中国这招釜底抽薪,美国想掀桌都没勇气"
    static let codes: Set<String> = ["CN", "US", "EU", "JP", "GB", "AU"]

    /// A set holding seed 000 and `labels` (nil: no labels.tsv at all).
    static func makeSet(labels: String?, extra: [(String, [UInt8])] = []) throws -> String {
        let dir = try Robust.temporaryDirectory()
        try Robust.write(try Robust.seedBytes(article), article, in: dir)
        if let labels { try Robust.write(labels, "labels.tsv", in: dir) }
        for (name, bytes) in extra { try Robust.write(bytes, name, in: dir) }
        return dir
    }

    static func load(_ labels: String?, extra: [(String, [UInt8])] = []) throws -> Result<LabelSet, EvalError> {
        let dir = try makeSet(labels: labels, extra: extra)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return Result { () throws(EvalError) in try LabelSet(directory: dir, knownCodes: codes) }
    }

    static func error(_ labels: String?, extra: [(String, [UInt8])] = []) throws -> EvalError? {
        if case .failure(let error) = try load(labels, extra: extra) { return error }
        return nil
    }

    @Test("a good labels.tsv loads (CRLF and a BOM included)")
    func goodLabels() throws {
        let text =
            "\u{FEFF}\(Self.header)\r\n\(Self.article)\t1\tUS\tunfavorable\t\(Self.title1)\r\n\(Self.article)\t1\tCN\tfavorable\t\(Self.title1)\r\n"
        let set = try Self.load(text).get()
        #expect(set.rows.count == 2)
        #expect(set.rows.map(\.line) == [2, 3])
    }

    @Test("a row with a missing column names labels.tsv:line")
    func missingColumn() throws {
        let error = try #require(try Self.error("\(Self.header)\n\(Self.article)\t1\tUS\t\(Self.title1)\n"))
        guard case .badRow(let at, let problem) = error else { Issue.record("\(error)"); return }
        #expect(at.hasSuffix("labels.tsv:2"))
        #expect(problem.contains("expected 5 tab-separated columns") && problem.contains("found 4"))
    }

    @Test("an unknown country code names the row and the fix")
    func unknownCountry() throws {
        let error = try #require(try Self.error("\(Self.header)\n\(Self.article)\t1\tUK\tneutral\t\(Self.title1)\n"))
        #expect(error.description.contains("labels.tsv:2: unknown country code `UK`"))
        #expect(error.description.contains("GB, not UK"))
    }

    @Test("a real country the model does not name is kept as gold, with one warning naming its first row")
    func countryMissingFromModel() throws {
        let text =
            "\(Self.header)\n\(Self.article)\t1\tUS\tneutral\t\(Self.title1)\n\(Self.article)\t1\tFR\tneutral\t\(Self.title1)\n"
        let set = try Self.load(text).get()
        #expect(set.rows.map(\.country) == ["US", "FR"])
        #expect(set.warnings.count == 1)
        let warning = try #require(set.warnings.first)
        #expect(warning.contains("labels.tsv:3: country `FR`"), "\(warning)")
        #expect(warning.contains("counted as a missed detection"), "\(warning)")
    }

    @Test("a bad stance word names the row and the three words")
    func badStance() throws {
        let error = try #require(try Self.error("\(Self.header)\n\(Self.article)\t1\tUS\tpositive\t\(Self.title1)\n"))
        #expect(error.description.contains("labels.tsv:2: stance `positive` must be favorable, neutral or unfavorable"))
    }

    @Test("a misaligned title names the row, the title found and the title expected")
    func misalignedTitle() throws {
        let error = try #require(try Self.error("\(Self.header)\n\(Self.article)\t2\tUS\tneutral\t\(Self.title1)\n"))
        guard case .misaligned(let at, let expected, let found) = error else { Issue.record("\(error)"); return }
        #expect(at.hasSuffix("labels.tsv:2"))
        #expect(found == Self.title1 && expected != Self.title1)
        #expect(error.description.contains("fix the index or the title"))
    }

    @Test("other bad rows: index not a number, no such article, labelled twice, no rows, not UTF-8")
    func otherBadRows() throws {
        let row = "\(Self.article)\t1\tUS\tneutral\t\(Self.title1)"
        #expect(
            try Self.error("\(Self.header)\n\(Self.article)\tone\tUS\tneutral\tx\n")?.description.contains(
                "index `one` is not a positive whole number") == true)
        #expect(
            try Self.error("\(Self.header)\n\(Self.article)\t99\tUS\tneutral\tx\n")?.description.contains(
                "no article \(Self.article):99") == true)
        #expect(
            try Self.error("\(Self.header)\nmissing.txt\t1\tUS\tneutral\tx\n")?.description.contains(
                "no article missing.txt:1") == true)
        #expect(
            try Self.error("\(Self.header)\n\(row)\n\(row)\n")?.description.contains("labelled twice (also line 2)")
                == true)
        #expect(try Self.error("")?.description.contains("labels.tsv has no rows") == true)
        let latin1 = try #require(
            try Self.error(nil, extra: [("labels.tsv", Array(Self.header.utf8) + [0x0A, 0xE9, 0x0A])]))
        #expect(latin1.description.contains("labels.tsv:1: not UTF-8"))
    }

    @Test("a missing labels.tsv stops the evaluation with a clear message")
    func missingLabels() throws {
        let error = try #require(try Self.error(nil))
        guard case .missingLabels = error else { Issue.record("\(error)"); return }
        #expect(error.description.contains("no labels.tsv"))
    }

    @Test("an article file of the set that cannot be read is named")
    func unreadableArticleFile() throws {
        let error = try #require(try Self.error("\(Self.header)\n", extra: [("broken.txt", [0, 1, 2, 3])]))
        #expect(error == .input(.binary(path: "broken.txt")) || error.description.contains("broken.txt:1: binary data"))
    }

    @Test("stance eval on a bad set: exit 1 and the row on standard error")
    func evalCommand() throws {
        let dir = try Self.makeSet(labels: "\(Self.header)\n\(Self.article)\t1\tUS\tpositive\t\(Self.title1)\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = try Robust.stance(["eval", dir, "--model", Robust.modelDirectory])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderrLines.first
                == "stance: \(dir)/labels.tsv:2: stance `positive` must be favorable, neutral or unfavorable")
        let empty = dir + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let missing = try Robust.stance(["eval", empty, "--model", Robust.modelDirectory])
        #expect(missing.status == 1 && missing.stderr.contains("no labels.tsv"))
        let nowhere = try Robust.stance(["eval", dir + "/nowhere", "--model", Robust.modelDirectory])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("no such folder"))
    }
}
