import Foundation
import TestSupport
import Testing

@testable import Scoring

/// `stance model check` (`Model.check`): every kind of model-file error is reported as
/// `file:line: error|warning: message`, the other files are still checked, and a model with an error
/// does not load. Works on a small model written for each test, never on Models/.
@Suite("ModelCheck")
struct ModelCheckTests {
    static let files: [String: String] = [
        "manifest.tsv": "format\t1\nname\ttest-model\nversion\t1.0.0\n",
        "countries.tsv":
            "# comment\nformat\t1\n\nCN\tname\t中国\nUS\tname\t美国\nUS\tname\tUnited States\nJP\tname\t日本\nCN\tbare\t华\n",
        "falsefriends.tsv": "format\t1\n美元\tUS dollar\n",
        "pairing.tsv": "format\t1\nprefix\t对\tobject\nsuffix\t方\tplain\n",
        "cues.tsv": "format\t1\n主导\t3\tcue\n依赖\t-2\tcue\n制裁\t-2\trel\n卡{X}脖子\t-3\trel\n",
        "modifiers.tsv": "format\t1\n不\tnegator\t-0.5\n非常\tintensifier\t1.5\n但是\tcontrast\t0.5\n",
        "variants.tsv": "format\t1\n國\t国\n",
        "outlets.tsv": "format\t1\n搜狐财经\tSou Hu Cai Jing\n",
        "params.tsv": "format\t1\nfavorable\t0.1\nunfavorable\t-0.1\nnegation_window_cjk\t4\n" + requiredParameters,
    ]

    /// The parameters every params.tsv must set besides the thresholds.
    static let requiredParameters = "tone_favorable\t0.15\ntone_unfavorable\t-0.15\ntitle_weight\t2\nscale\t1.5\n"

    /// Writes the small model with `changes` applied (a file's new text, or nil to leave it out).
    static func model(_ changes: [String: String?] = [:]) throws -> String {
        let dir = try Fixture.temporaryDirectory(prefix: "stance-model-check").path
        var contents = files
        for (name, text) in changes { contents[name] = text }
        for (name, text) in contents {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent(name)))
        }
        return dir
    }

    static func check(_ changes: [String: String?]) throws -> (dir: String, issues: [ModelIssue]) {
        let dir = try model(changes)
        return (dir, Model.check(directory: dir))
    }

    static func expectOne(
        _ changes: [String: String?], file: String, line: Int, severity: ModelIssue.Severity = .error,
        containing text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (dir, issues) = try check(changes)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = (dir as NSString).appendingPathComponent(file)
        #expect(issues.count == 1, "\(issues)", sourceLocation: sourceLocation)
        guard let issue = issues.first else { return }
        #expect(
            issue.path == path && issue.line == line && issue.severity == severity, "\(issue)",
            sourceLocation: sourceLocation)
        #expect(issue.message.contains(text), "\(issue.message)", sourceLocation: sourceLocation)
        #expect(issue.description.hasPrefix("\(path):\(line): \(severity.rawValue): "), sourceLocation: sourceLocation)
        if severity == .error {
            #expect(throws: ModelError.self, sourceLocation: sourceLocation) { try Model.load(directory: dir) }
        } else {
            #expect(throws: Never.self, sourceLocation: sourceLocation) { try Model.load(directory: dir) }
        }
    }

    @Test("the small model is clean and loads")
    func cleanModel() throws {
        let (dir, issues) = try Self.check([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(issues.isEmpty, "\(issues)")
        let model = try Model.load(directory: dir)
        #expect(model.identifier == "test-model@1.0.0")
        #expect(model.cues.count == 4)
    }

    @Test("duplicate entry: a warning, the model still loads")
    func duplicateEntry() throws {
        try Self.expectOne(
            ["cues.tsv": "format\t1\n主导\t3\tcue\n依赖\t-2\tcue\n主导\t3\tcue\n"],
            file: "cues.tsv", line: 4, severity: .warning, containing: "duplicate entry `主导` (also line 2)")
        try Self.expectOne(
            ["countries.tsv": "format\t1\nCN\tname\t中国\nCN\tname\t中国\n"],
            file: "countries.tsv", line: 3, severity: .warning, containing: "duplicate entry `中国`")
    }

    @Test("conflicting weights for one term")
    func conflictingWeights() throws {
        try Self.expectOne(
            ["cues.tsv": "format\t1\n主导\t3\tcue\n依赖\t-2\tcue\n依赖\t2\tcue\n"],
            file: "cues.tsv", line: 4, containing: "conflicting weights for `依赖`: -2.0 on line 3, 2.0 here")
        try Self.expectOne(
            ["modifiers.tsv": "format\t1\n不\tnegator\t-0.5\n不\tnegator\t-0.8\n"],
            file: "modifiers.tsv", line: 3, containing: "conflicting factors for `不`")
        try Self.expectOne(
            ["countries.tsv": "format\t1\nCN\tname\t中国\nJP\tname\t中国\n"],
            file: "countries.tsv", line: 3, containing: "`中国` is given to CN on line 2 and to JP here")
    }

    @Test("pairing.tsv: bad joins and roles are reported")
    func pairingJoinsAndRoles() throws {
        try Self.expectOne(
            ["pairing.tsv": "format\t1\nprefix\t对\tobject\njoin\t和\tsometimes\n"],
            file: "pairing.tsv", line: 3, containing: "unknown role `sometimes` for a join")
        try Self.expectOne(
            ["pairing.tsv": "format\t1\nprefix\t对\tobject\njoin\tas well as the other\tlist\n"],
            file: "pairing.tsv", line: 3, severity: .warning, containing: "longer than the 14 bytes")
        try Self.expectOne(
            ["pairing.tsv": "format\t1\nprefix\t对\tobject\nsuffix\t方\taside\n"],
            file: "pairing.tsv", line: 3, severity: .warning, containing: "means nothing on a suffix")
        try Self.expectOne(
            ["pairing.tsv": "format\t1\nprefix\t对\tbeside\n"],
            file: "pairing.tsv", line: 2, containing: "unknown role `beside` — use plain, object or aside")
    }

    @Test("new modifier types, parameters and cue kinds are checked")
    func newTypesAreChecked() throws {
        try Self.expectOne(
            ["modifiers.tsv": "format\t1\n降低\treducer\t1.5\n"],
            file: "modifiers.tsv", line: 2, containing: "out of range for a reducer")
        try Self.expectOne(
            ["modifiers.tsv": "format\t1\n全球\tscope\t2\n"],
            file: "modifiers.tsv", line: 2, containing: "out of range for a scope")
        try Self.expectOne(
            ["params.tsv": "format\t1\nfavorable\t0.1\nunfavorable\t-0.1\nshare_weight\t9\n" + Self.requiredParameters],
            file: "params.tsv", line: 4, containing: "`share_weight` 9 out of range — it must be (0, 4]")
        try Self.expectOne(
            ["cues.tsv": "format\t1\n涨停\t2\tTone\n"],
            file: "cues.tsv", line: 2, containing: "unknown kind `Tone` — use cue, rel or tone")
    }

    @Test("unknown country code")
    func unknownCountryCode() throws {
        try Self.expectOne(
            ["countries.tsv": "format\t1\nCN\tname\t中国\nUK\tname\tBritain\n"],
            file: "countries.tsv", line: 3, containing: "unknown country code `UK`")
    }

    @Test("bad column count")
    func badColumnCount() throws {
        try Self.expectOne(
            ["cues.tsv": "format\t1\n主导\t3\tcue\n依赖 -2 cue\n"],
            file: "cues.tsv", line: 3, containing: "found 1")
        try Self.expectOne(
            ["params.tsv": "format\t1\nfavorable\t0.1\t0.2\nunfavorable\t-0.1\n" + Self.requiredParameters],
            file: "params.tsv", line: 2, containing: "expected key<TAB>value (2 tab-separated columns), found 3")
    }

    @Test("weight out of range, or not a number")
    func weightOutOfRange() throws {
        try Self.expectOne(
            ["cues.tsv": "format\t1\n主导\t5\tcue\n"], file: "cues.tsv", line: 2, containing: "weight 5 out of range")
        try Self.expectOne(
            ["cues.tsv": "format\t1\n主导\t0\tcue\n"], file: "cues.tsv", line: 2, containing: "out of range")
        try Self.expectOne(
            ["cues.tsv": "format\t1\n主导\tnan\tcue\n"], file: "cues.tsv", line: 2, containing: "is not a number")
        try Self.expectOne(
            ["modifiers.tsv": "format\t1\n非常\tintensifier\t9\n"],
            file: "modifiers.tsv", line: 2, containing: "factor 9 out of range for a intensifier")
    }

    @Test("a window parameter too large for an Int is an error, not a crash")
    func hugeWindowParameter() throws {
        // Regression: `Int(1e300)` trapped while loading params.tsv.
        for value in ["1e300", "2.5", "0"] {
            let (dir, issues) = try Self.check([
                "params.tsv": "format\t1\nnegation_window_cjk\t\(value)\nfavorable\t0.1\nunfavorable\t-0.1\n"
                    + Self.requiredParameters
            ])
            defer { try? FileManager.default.removeItem(atPath: dir) }
            #expect(issues.count == 1 && issues[0].line == 2, "\(value): \(issues)")
            // The windows' range is 1...100 since issue 12 (ParameterSpace).
            #expect(
                issues.first?.message.contains(
                    "`negation_window_cjk` \(value) out of range — it must be a whole number in [1, 100]") == true)
        }
    }

    @Test("unknown format version")
    func unknownFormatVersion() throws {
        try Self.expectOne(
            ["cues.tsv": "# cues\nformat\t2\n主导\t3\tcue\n"], file: "cues.tsv", line: 2,
            containing: "unknown model format version 2; this build reads version 1")
    }

    @Test("missing format line")
    func missingFormatLine() throws {
        try Self.expectOne(
            ["variants.tsv": "國\t国\n"], file: "variants.tsv", line: 1,
            containing: "the first row must be `format<TAB>1`")
        try Self.expectOne(
            ["outlets.tsv": "# only a comment\n"], file: "outlets.tsv", line: 1,
            containing: "the first row must be `format<TAB>1`")
    }

    @Test("a missing or non-UTF-8 file is one issue, and the other files are still checked")
    func unusableFiles() throws {
        let dir = try Self.model(["outlets.tsv": nil, "cues.tsv": "format\t1\n主导\t9\tcue\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // format 1, then a Latin-1 line
        try Data([0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x09, 0x31, 0x0A, 0xE9, 0x09, 0x65, 0x0A])
            .write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("variants.tsv")))
        let issues = Model.check(directory: dir)
        let byFile = Dictionary(grouping: issues) { ($0.path as NSString).lastPathComponent }
        #expect(byFile["outlets.tsv"]?.first?.message.contains("cannot read the model file") == true)
        #expect(byFile["variants.tsv"]?.first?.message.contains("not UTF-8") == true)
        #expect(byFile["cues.tsv"]?.first?.message.contains("out of range") == true)
        #expect(issues.count == 3, "\(issues)")
        #expect(issues.allSatisfy { $0.line >= 1 && $0.severity == .error })
        #expect(throws: ModelError.self) { try Model.load(directory: dir) }
    }
}

@Suite("Model check: values that must not pass silently")
struct ModelCheckValueTests {
    @Test func aMissingThresholdIsAnError() throws {
        let (dir, issues) = try ModelCheckTests.check([
            "params.tsv": "format\t1\nunfavorable\t-0.1\n" + ModelCheckTests.requiredParameters
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(issues.contains { $0.severity == .error && $0.message.contains("no `favorable` row") })
    }

    @Test(arguments: ["0x3", "inf", "nan", "3,5"])
    func aWeightMustBeAPlainDecimal(weight: String) throws {
        let (dir, issues) = try ModelCheckTests.check(["cues.tsv": "format\t1\n依赖\t\(weight)\trel\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(issues.count == 1 && issues.first?.message.contains("is not a number") == true, "\(weight): \(issues)")
    }
}
