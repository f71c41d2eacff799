import Foundation
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12's output rules hold for the subcommands added after it (chart, report, convert, merge,
/// summary --format partial): they write through the same `OutputSink`, so a full disk is an error
/// with the account, an output naming an input is refused, and a symlink's target is written.
@Suite("Hostile environments: output of chart, report, convert, merge", .serialized)
struct HostileOutputSubcommandTests {
    static let model = ["--model", Robust.modelDirectory]
    static var seed: String { (Robust.seedsDirectory as NSString).appendingPathComponent(Robust.seedNames[0]) }

    /// Each subcommand over one seed file, as run on the command line (model options added where taken).
    static func command(_ name: String, input: String) -> [String] {
        switch name {
        case "chart": return ["chart", input, "--kind", "labels"] + model
        case "report": return ["report", input] + model
        case "convert": return ["convert", input]
        case "merge": return ["merge", input]
        default: return ["summary", input, "--format", "partial"] + model
        }
    }

    /// A partial summary of the seed file, for `merge` to read.
    static func partial(in dir: String) throws -> String {
        let path = (dir as NSString).appendingPathComponent("part.jsonl")
        let outcome = try Robust.stance(["summary", seed, "--format", "partial", "--output", path] + model)
        guard outcome.status == 0 else { throw Robust.Failure(description: "partial: \(outcome.stderr)") }
        return path
    }

    static func input(for name: String, in dir: String) throws -> String {
        name == "merge"
            ? try partial(in: dir) : try Robust.write(Robust.seedBytes(Robust.seedNames[0]), "in.txt", in: dir)
    }

    static func contents(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    @Test(
        "item 6: a full standard output is exit 1 with the error and the account",
        arguments: ["chart", "report", "convert", "merge", "summary"])
    func fullStandardOutput(_ name: String) throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = try Robust.spawn(
            [try Robust.binary()] + Self.command(name, input: try Self.input(for: name, in: dir)),
            stdoutPath: "/dev/full")
        #expect(outcome.status == 1, "\(name): \(outcome.stderr)")
        #expect(outcome.stderr.contains("standard output: writing the output failed (no space left on device)"))
        #expect(outcome.stderr.contains("(stopped: the output could not be written)"), "\(name): \(outcome.stderr)")
    }

    @Test("item 6: --help on a full standard output is exit 1", arguments: ["chart", "report", "convert", "merge"])
    func helpOnFullStandardOutput(_ name: String) throws {
        let outcome = try Robust.spawn([try Robust.binary(), name, "--help"], stdoutPath: "/dev/full")
        #expect(outcome.status == 1, "\(name): \(outcome.stderr)")
        #expect(outcome.stderr.contains("no space left on device"))
    }

    @Test(
        "item 2: --output naming an input is refused (exit 2), the input left as it was",
        arguments: ["chart", "report", "convert", "merge", "summary"])
    func outputNamingAnInput(_ name: String) throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try Self.input(for: name, in: dir)
        let before = Self.contents(input)
        let outcome = try Robust.stance(Self.command(name, input: input) + ["--output", input])
        #expect(outcome.status == 2, "\(name): \(outcome.stderr)")
        #expect(outcome.stderr.contains("--output names an input of this run"))
        #expect(Self.contents(input) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test("item 2: report --output naming a file of the --labels set is refused")
    func reportOutputNamingALabelFile() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let set = (dir as NSString).appendingPathComponent("seeds")
        try FileManager.default.copyItem(atPath: Robust.seedsDirectory, toPath: set)
        let labels = (set as NSString).appendingPathComponent("labels.tsv")
        let before = Self.contents(labels)
        let outcome = try Robust.stance(["report", Self.seed, "--labels", set, "--output", labels] + Self.model)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--output names an input of this run"))
        #expect(Self.contents(labels) == before)
    }

    @Test(
        "item 1: --output through a symlink writes the link's target; the link stays a link",
        arguments: ["chart", "report", "convert", "merge", "summary"])
    func symlinkTargetWritten(_ name: String) throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try Self.input(for: name, in: dir)
        let target = try Robust.write("old\n", "real.out", in: dir)
        let link = (dir as NSString).appendingPathComponent("link.out")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let outcome = try Robust.stance(Self.command(name, input: input) + ["--output", link])
        #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(Self.contents(target) != "old\n" && !Self.contents(target).isEmpty)
    }

    @Test("item 5: convert stops reading after a broken pipe (an endless input ends)")
    func convertStopsOnBrokenPipe() throws {
        let outcome = try Robust.runUntilOutputCloses(["convert", "-"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("writing the output failed (broken pipe)"))
        #expect(outcome.stderr.contains("(stopped: the output could not be written)"))
        let records = outcome.stderrLines.last.flatMap { line in Int(String(line.prefix { $0 != " " })) } ?? -1
        #expect(records >= 0 && records < 3_000_000, "\(outcome.stderr)")
    }

    @Test("item 13: merge says why a partial cannot be read in plain words (errno), not a Foundation error number")
    func mergeReadMessages() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = try Robust.stance(["merge", dir])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("\(dir): cannot read (is a directory)"), "\(folder.stderr)")
        let missing = try Robust.stance(["merge", dir + "/none.jsonl"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("none.jsonl: no such file or folder"), "\(missing.stderr)")
        for outcome in [folder, missing] { #expect(!outcome.stderr.contains("NSCocoaErrorDomain")) }
        // A partial piped in is read like one from a file.
        let part = try Self.partial(in: dir)
        let piped = try Robust.stance(["merge", "-", "--format", "csv", "--quiet"], stdinPath: part)
        let named = try Robust.stance(["merge", part, "--format", "csv", "--quiet"])
        #expect(piped.status == 0 && named.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == named.stdout && !piped.stdout.isEmpty)
    }
}
