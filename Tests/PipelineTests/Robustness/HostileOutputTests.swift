import Foundation
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12, output and streams: every way `stance` writes output goes through `OutputSink`, and each
/// hostile target or stream found by the review is checked here on the built binary.
@Suite("Hostile environments: output and streams", .serialized)
struct HostileOutputTests {
    static let model = ["--model", Robust.modelDirectory]
    static var seed: String { (Robust.seedsDirectory as NSString).appendingPathComponent(Robust.seedNames[0]) }

    static func contents(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    @Test("item 1: --output through a symlink writes the link's target; the link stays a link")
    func symlinkTargetWritten() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Robust.write("old\n", "real.jsonl", in: dir)
        let link = (dir as NSString).appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let outcome = try Robust.stance(["score", Self.seed, "--format", "jsonl", "--output", link] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(Self.contents(target).hasPrefix("{\"article\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.jsonl", "real.jsonl"])
    }

    @Test("item 1: --output /dev/stdout prints to standard output; a FIFO is written in place, not replaced")
    func specialFilesWrittenInPlace() throws {
        let toStdout = try Robust.stance(
            ["score", Self.seed, "--format", "csv", "--output", "/dev/stdout"] + Self.model)
        #expect(toStdout.status == 0, "\(toStdout.stderr)")
        #expect(toStdout.stdoutText.hasPrefix("article,title,"))

        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = (dir as NSString).appendingPathComponent("out.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the FIFO, so the writer's open does not block.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let outcome = try Robust.stance(["score", Self.seed, "--format", "csv", "--output", fifo] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced by a file")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = read(reader, &buffer, buffer.count)
        #expect(n > 0 && String(decoding: buffer[0..<max(n, 0)], as: UTF8.self).hasPrefix("article,title,"))
    }

    @Test("item 2: --output naming an input is refused (exit 2) and the input is left as it was")
    func outputNamingAnInput() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try Robust.write(Robust.export(Robust.records(3)), "in.txt", in: dir)
        let before = Self.contents(input)
        for output in [input, dir + "/./in.txt"] {
            let outcome = try Robust.stance(["score", input, "--output", output] + Self.model)
            #expect(outcome.status == 2, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("--output names an input of this run"))
        }
        // Also when the input comes from a folder.
        let folder = try Robust.stance(["summary", dir, "--output", input] + Self.model)
        #expect(folder.status == 2)
        #expect(Self.contents(input) == before)
    }

    @Test("item 2: the replaced file keeps its mode (600 stays 600)")
    func modeKept() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Robust.write("old\n", "out.csv", in: dir)
        #expect(chmod(target, 0o600) == 0)
        let outcome = try Robust.stance(["score", Self.seed, "--format", "csv", "--output", target] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var st = stat()
        #expect(stat(target, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(Self.contents(target).hasPrefix("article,"))
    }

    @Test("item 3: with standard error closed, no diagnostic lands in the output file")
    func closedStandardError() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var records = Robust.records(2)
        records[1].date = "2025-13-45 99:99"  // one rejected record: a diagnostic is written
        let input = try Robust.write(Robust.export(records), "in.txt", in: dir)
        let output = (dir as NSString).appendingPathComponent("out.jsonl")
        let outcome = try Robust.spawn(
            [try Robust.binary(), "score", input, "--format", "jsonl", "--output", output] + Self.model,
            closeStderr: true)
        #expect(outcome.status == 3)
        let text = Self.contents(output)
        #expect(!text.contains("bad date") && !text.contains("articles read"), "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("{") })
    }

    @Test("item 4: a CSV field holding CR LF is quoted")
    func csvCRLFQuoted() throws {
        #expect(CSVScoreWriter.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVScoreWriter.field("a\rb") == "\"a\rb\"")
        #expect(CSVScoreWriter.field("plain") == "plain")
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try Robust.write(
            "{\"title\": \"稀土\\r\\n出口\", \"body\": \"美国依赖中国稀土。\"}\n", "crlf.jsonl", in: dir)
        let outcome = try Robust.stance(["score", input, "--format", "csv"] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdoutText.contains("\"稀土\r\n出口\""))
    }

    @Test("item 5: after a broken pipe the run stops reading at once (an endless input ends)")
    func brokenPipeStopsReading() throws {
        let outcome = try Robust.runUntilOutputCloses(["score", "-", "--format", "jsonl"] + Self.model)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("writing the output failed (broken pipe)"))
        #expect(outcome.stderr.contains("(stopped: the output could not be written)"))
        // It stopped long before the 200 MB (~3.4 million records) the writer offers.
        let records = outcome.stderrLines.last.flatMap { line in Int(String(line.prefix { $0 != " " })) } ?? -1
        #expect(records >= 0 && records < 1_000_000, "\(outcome.stderr)")
    }

    @Test(
        "item 6: a failed write to standard output is an error for every subcommand, with the account",
        arguments: [
            ["score"], ["summary"], ["eval", "Evaluations/seeds"], ["model", "check", "Models"], ["--help"],
            ["score", "--help"],
        ])
    func writeErrorsOnStandardOutput(_ command: [String]) throws {
        let arguments = command.map { $0.contains("/") || $0 == "Models" ? Robust.path($0) : $0 }
        let outcome = try Robust.spawn(
            [try Robust.binary()] + arguments + (command.first == "model" ? [] : Self.model)
                + (["score", "summary"].contains(command[0]) && command.count == 1 ? [Self.seed] : []),
            stdoutPath: "/dev/full")
        #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
        #expect(outcome.stderr.contains("standard output: writing the output failed (no space left on device)"))
        if ["score", "summary"].contains(command[0]) && command.count == 1 {
            #expect(outcome.stderr.contains("articles read"))
        }
    }

    @Test(
        "item 7: SIGHUP, SIGUSR1, SIGALRM and SIGQUIT mid-run leave no temporary file",
        arguments: [
            SIGHUP, SIGUSR1, SIGALRM, SIGQUIT,
        ])
    func signalsRemoveTemporaryFiles(_ signal: Int32) throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Robust.write("previous\n", "scores.jsonl", in: dir)
        let (readEnd, writeEnd) = try Robust.pipe()
        let outcome = try Robust.spawn(
            [try Robust.binary(), "score", "-", "--format", "jsonl", "--output", target] + Self.model, stdinFD: readEnd
        ) { pid in
            close(readEnd)
            let temporary = (dir as NSString).appendingPathComponent(".scores.jsonl.\(pid).tmp")
            var waited = 0
            while !FileManager.default.fileExists(atPath: temporary) && waited < 300 {
                usleep(100_000)
                waited += 1
            }
            #expect(FileManager.default.fileExists(atPath: temporary))
            kill(pid, signal)
        }
        close(writeEnd)
        #expect(outcome.status == 128 + signal, "\(outcome.stderr)")
        #expect(Self.contents(target) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["scores.jsonl"])
    }

    @Test("item 13: a too-long output name says so (not 'check that the folder exists')")
    func tooLongOutputName() throws {
        let name = String(repeating: "x", count: 300) + ".csv"
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = try Robust.stance(
            ["score", Self.seed, "--output", (dir as NSString).appendingPathComponent(name)] + Self.model)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("file name too long") && outcome.stderr.contains("use a shorter file name"))
        let missing = try Robust.stance(["score", Self.seed, "--output", dir + "/no/such/out.csv"] + Self.model)
        #expect(missing.stderr.contains("check that the folder exists"))
    }
}
