import Foundation
import TestSupport
import Testing

/// Mistakes a user can make on the command line are refused with a clear message, never ignored.
@Suite("stance command line: refusals")
struct CLIGuardrailTests {
    @Test func wrongSTANCE_MODELIsAnErrorNotAFallback() throws {
        let run = try CLITests.stance(["summary"], environment: ["STANCE_MODEL": "/nonexistent/model"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("$STANCE_MODEL=/nonexistent/model"))
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: ["-3", "abc", "100000"])
    func threadsOutOfRangeIsAUsageError(threads: String) throws {
        let run = try CLITests.stance(["score", CLITests.seeds, "--threads", threads])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--threads takes a whole number from 0 to 256"))
    }

    @Test func evalOnlyAnUnknownFileIsAUsageError() throws {
        let run = try CLITests.stance(["eval", CLITests.seeds, "--only", "nope.txt"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--only nope.txt"))
    }

    @Test func anOptionGivenTwiceIsAUsageError() throws {
        // It used to keep the last value silently: --only A --only B evaluated B alone.
        let run = try CLITests.stance([
            "eval", CLITests.seeds, "--only", "000_8ca8292280351d11.txt",
            "--only", "001_dc20efa79818f8e9.txt",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--only given twice"))
        #expect(run.stdout.isEmpty)
    }

    @Test func evalWithOneFoldIsAUsageError() throws {
        let run = try CLITests.stance(["eval", CLITests.seeds, "--folds", "1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--folds 1"))
    }

    @Test func evalOnAMissingFolderSaysSo() throws {
        let run = try CLITests.stance(["eval", "/nonexistent/set"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/set: no such folder"))
    }

    @Test func filesSharingANameAreFlagged() throws {
        let root = try Fixture.temporaryDirectory(prefix: "stance-dup")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = CLITests.root.appendingPathComponent("Evaluations/seeds/000_8ca8292280351d11.txt")
        for folder in ["a", "b"] {
            let dir = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent("x.txt"))
        }
        let run = try CLITests.stance(["summary", root.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("share the name x.txt"))
        // In a labelled set the collision would double the gold pairs: it is refused.
        try "file\tindex\tcountry\tstance\ttitle\n".write(
            to: root.appendingPathComponent("labels.tsv"), atomically: true, encoding: .utf8)
        let eval = try CLITests.stance(["eval", root.path])
        #expect(eval.status == 1)
        #expect(eval.stderr.contains("two article files are named x.txt"))
    }

    @Test func summarySaysHowManyArticlesNameNoCountry() throws {
        let run = try CLITests.stance(["summary", CLITests.seeds])
        #expect(run.stdout.contains("30 articles scored; 1 of them names no country"))
    }
}
