import Foundation
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// The `stance` binary on bad inputs: what it prints on standard error, its exit status, atomic
/// `--output`, byte-identical output, bounded memory, and no crash on a closed pipe.
@Suite("Robustness: command line", .serialized)
struct RobustnessCLITests {
    static let model = ["--model", Robust.modelDirectory]

    /// The closing line `N articles read, M scored, K rejected[; F files skipped]`, checked to add up.
    static func account(_ outcome: Robust.Outcome) -> (read: Int, scored: Int, rejected: Int, skipped: Int)? {
        guard let last = outcome.stderrLines.last,
            let match = last.wholeMatch(
                of: #/(\d+) articles? read, (\d+) scored, (\d+) rejected(?:; (\d+) files? skipped)?/#),
            let read = Int(match.1), let scored = Int(match.2), let rejected = Int(match.3)
        else { return nil }
        let skipped = match.4.flatMap { Int($0) } ?? 0
        #expect(read == scored + rejected, "the counts must add up: \(last)")
        return (read, scored, rejected, skipped)
    }

    /// Every problem line reads `place: what is wrong — what to do`.
    static func problemLinesWellFormed(_ outcome: Robust.Outcome) -> Bool {
        outcome.stderrLines.dropLast().allSatisfy {
            $0.contains(": ") && $0.contains(" — ") || $0.hasPrefix("stance: ")
        }
    }

    @Test("clean input: exit 0 and the account on standard error")
    func cleanRun() throws {
        let outcome = try Robust.stance(["score", Robust.seedsDirectory, "--format", "jsonl"] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderrLines == ["30 articles read, 30 scored, 0 rejected"])
        #expect(!outcome.stdout.isEmpty)
    }

    @Test("a rejected record: listed as file:line: reason — hint, the others scored, exit 3")
    func rejectedRecord() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var records = Robust.records(3)
        records[1].date = "2025-13-45 99:99"
        let path = try Robust.write(Robust.export(records), "bad_date.txt", in: dir)
        for command in ["score", "summary"] {
            let outcome = try Robust.stance([command, path] + Self.model)
            #expect(outcome.status == 3, "\(command): \(outcome.stderr)")
            #expect(
                outcome.stderrLines.first
                    == "\(path):9: bad date `2025-13-45 99:99` in the outlet line — write it as YYYY-MM-DD HH:MM with a real date and time"
            )
            let counts = Self.account(outcome)
            #expect(counts?.read == 3 && counts?.scored == 2 && counts?.rejected == 1)
        }
    }

    @Test("nothing readable: each file listed, then why, then the account; exit 1")
    func nothingReadable() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let empty = try Robust.write("", "empty.txt", in: dir)
        let header = try Robust.write("稀土\nSearch documents\n", "header.txt", in: dir)
        let outcome = try Robust.stance(["score", empty, header, "/no/such/dir"] + Self.model)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.contains("/no/such/dir: no such file or folder — check the path"))
        #expect(outcome.stderrLines.contains { $0.hasPrefix("\(empty):1: the file is empty — ") })
        #expect(outcome.stderrLines.contains { $0.hasPrefix("\(header):2: no record in the file, only a header — ") })
        #expect(outcome.stderrLines.last == "0 articles read, 0 scored, 0 rejected; 3 files skipped")
        #expect(Self.problemLinesWellFormed(outcome))
    }

    @Test("a folder mixing good, bad and unrelated files: exit 3, every problem listed, counts add up")
    func mixedFolder() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Robust.write(try Robust.seedBytes(Robust.seedNames[1]), "good.txt", in: dir)
        var records = Robust.records(5)
        records[3].body = ""
        try Robust.write(Robust.export(records).replacingOccurrences(of: "\n\n", with: "\n"), "no_body.txt", in: dir)
        try Robust.write([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], "program.txt", in: dir)
        try Robust.write("just notes\n", "notes.txt", in: dir)
        try Robust.write("unrelated", "data.csv", in: dir)
        try Robust.write(#"{"title": "t", "body": "b"}"# + "\n{oops\n", "feed.jsonl", in: dir)
        let outcome = try Robust.stance(["score", dir, "--format", "csv"] + Self.model)
        #expect(outcome.status == 3)
        let counts = try #require(Self.account(outcome), "\(outcome.stderr)")
        #expect(counts.read == 10 + 5 + 2 && counts.scored == 10 + 4 + 1 && counts.rejected == 2 && counts.skipped == 2)
        #expect(Self.problemLinesWellFormed(outcome), "\(outcome.stderr)")
        #expect(outcome.stderrLines.count == 2 + 2 + 1)
    }

    @Test("exit statuses: a missing path beside good input is 3; a usage error is 2")
    func exitStatuses() throws {
        let missing = try Robust.stance(["score", "/no/such/file.txt", Robust.seedsDirectory] + Self.model)
        #expect(missing.status == 3)
        #expect(missing.stderrLines.last == "30 articles read, 30 scored, 0 rejected; 1 file skipped")
        #expect(try Robust.stance(["score", "--format", "xml"] + Self.model).status == 2)
        #expect(try Robust.stance(["score", "--threads", "-3"] + Self.model).status == 2)
        #expect(try Robust.stance(["frobnicate"]).status == 2)
    }

    @Test("standard input: an export, JSON Lines, or nothing")
    func standardInput() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try Robust.write(try Robust.seedBytes(Robust.seedNames[0]), "in.txt", in: dir)
        let json = try Robust.write(
            "\n" + #"{"title": "中国稀土", "body": "美国对中国稀土的依赖。"}"# + "\n{bad\n", "in.jsonl", in: dir)
        let empty = try Robust.write("", "empty", in: dir)
        let fromExport = try Robust.stance(["score", "-", "--format", "jsonl"] + Self.model, stdinPath: export)
        #expect(fromExport.status == 0 && fromExport.stderrLines == ["10 articles read, 10 scored, 0 rejected"])
        let fromJSON = try Robust.stance(["score", "-", "--format", "jsonl"] + Self.model, stdinPath: json)
        #expect(fromJSON.status == 3)
        #expect(fromJSON.stderrLines.first?.hasPrefix("-:3: not valid JSON — ") == true)
        #expect(fromJSON.stderrLines.last == "2 articles read, 1 scored, 1 rejected")
        let nothing = try Robust.stance(["score", "-"] + Self.model, stdinPath: empty)
        #expect(nothing.status == 1)
        #expect(nothing.stderrLines.first?.hasPrefix("-:1: the file is empty") == true)
    }

    // MARK: - --output is atomic

    @Test("--output: a failed run leaves the previous file intact and no temporary file behind")
    func outputKeptOnFailure() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Robust.write("previous result\n", "scores.jsonl", in: dir)
        let empty = try Robust.write("", "inputs/empty.txt", in: dir)
        for arguments in [
            ["score", empty, "--output", target], ["summary", empty, "--output", target],
            ["score", dir + "/inputs", "--output", target, "--model", "/no/model"],
        ] {
            let outcome = try Robust.spawn(
                [try Robust.binary()] + arguments + (arguments.contains("--model") ? [] : Self.model))
            #expect(outcome.status == 1, "\(arguments): \(outcome.stderr)")
            #expect(
                String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self)
                    == "previous result\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["inputs", "scores.jsonl"])
        }
    }

    @Test("--output: a successful run replaces the file with exactly the output, atomically")
    func outputReplacedOnSuccess() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Robust.write("previous result\n", "scores.jsonl", in: dir)
        let plain = try Robust.stance(["score", Robust.seedsDirectory, "--format", "jsonl"] + Self.model)
        let written = try Robust.stance(
            ["score", Robust.seedsDirectory, "--format", "jsonl", "--output", target] + Self.model)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(Array(FileManager.default.contents(atPath: target) ?? Data()) == plain.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["scores.jsonl"])
        let folder = try Robust.stance(["score", Robust.seedsDirectory, "--output", dir] + Self.model)
        #expect(folder.status == 1 && folder.stderr.contains("cannot write the output"))
        let nowhere = try Robust.stance(
            ["score", Robust.seedsDirectory, "--output", dir + "/no/such/out.jsonl"] + Self.model)
        #expect(nowhere.status == 1 && nowhere.stderr.contains("cannot write the output"))
    }

    @Test("--output: a run killed with SIGTERM or SIGINT mid-way leaves the previous file and no temporary file")
    func outputKeptWhenKilled() throws {
        for signal in [SIGTERM, SIGINT] {
            let dir = try Robust.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let target = try Robust.write("previous result\n", "scores.jsonl", in: dir)
            let (readEnd, writeEnd) = try Robust.pipe()
            let input = Array(Robust.export(Robust.records(5)).utf8)
            let outcome = try Robust.spawn(
                [try Robust.binary(), "score", "-", "--format", "jsonl", "--output", target] + Self.model,
                stdinFD: readEnd
            ) { pid in
                close(readEnd)
                _ = input.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                // The temporary file exists from the start of the run; the run waits for more input.
                let temporary = (dir as NSString).appendingPathComponent(".scores.jsonl.\(pid).tmp")
                var waited = 0
                while !FileManager.default.fileExists(atPath: temporary) && waited < 300 {
                    usleep(100_000)
                    waited += 1
                }
                #expect(FileManager.default.fileExists(atPath: temporary), "no temporary file \(temporary)")
                usleep(200_000)
                kill(pid, signal)
            }
            close(writeEnd)
            #expect(outcome.status == 128 + signal, "\(outcome.stderr)")
            #expect(
                String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self)
                    == "previous result\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["scores.jsonl"])
        }
    }

    // MARK: - Same input, same bytes

    @Test("same input → byte-identical output, run after run and whatever the thread count")
    func deterministic() throws {
        let inputs = [Robust.seedsDirectory, Robust.path("Evaluations/cases"), Robust.path("Evaluations/heldout")]
        for format in ["jsonl", "csv", "table"] {
            let base = ["score"] + inputs + ["--format", format, "--explain"] + Self.model
            let first = try Robust.stance(base)
            let second = try Robust.stance(base)
            let single = try Robust.stance(base + ["--threads", "1"])
            let many = try Robust.stance(base + ["--threads", "7"])
            #expect(first.status == 0 && !first.stdout.isEmpty)
            #expect(
                first.stdout == second.stdout && first.stdout == single.stdout && first.stdout == many.stdout,
                "\(format)")
        }
        let summary =
            ["summary", Robust.seedsDirectory, "--by", "country,outlet,period", "--format", "jsonl"] + Self.model
        let a = try Robust.stance(summary), b = try Robust.stance(summary + ["--threads", "1"])
        #expect(a.status == 0 && a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    // MARK: - Failures of the outside world

    @Test("a closed standard output (stance score | head) ends with a message, not a crash")
    func brokenPipe() throws {
        let (readEnd, writeEnd) = try Robust.pipe()
        let outcome = try Robust.spawn(
            [try Robust.binary(), "score", Robust.seedsDirectory, "--explain"] + Self.model,
            stdoutFD: writeEnd
        ) { _ in
            close(writeEnd)
            close(readEnd)  // nobody reads: the first write fails with EPIPE
        }
        #expect(outcome.signal == nil)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("standard output: writing the output failed (broken pipe)"))
        #expect(!outcome.stderr.contains("Fatal error"))
    }

    @Test("one 50 MB line: reported, and the process never holds it (peak memory stays flat)")
    func fiftyMegabyteLineMemory() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let records = Robust.records(3)
        let small = try Robust.write(Robust.export(records), "small.txt", in: dir)
        var bytes = Array(Robust.export(Array(records[0...1])).utf8)
        bytes += Array(repeating: UInt8(ascii: "y"), count: 50 << 20) + [0x0A]
        bytes += Array(Robust.export([records[2]]).utf8)
        let big = try Robust.write(bytes, "big.txt", in: dir)
        bytes = []
        let baseline = try Robust.stance(["score", small, "--format", "jsonl"] + Self.model)
        let outcome = try Robust.stance(["score", big, "--format", "jsonl"] + Self.model)
        #expect(baseline.status == 0)
        #expect(outcome.status == 3)
        #expect(
            outcome.stderrLines.first
                == "\(big):11: line is 50.0 MB long, over the 4 MB limit for one record — this is not an exported article; split it into records or remove it"
        )
        #expect(outcome.stderrLines.last == "3 articles read, 2 scored, 1 rejected")
        // Holding the line would add at least 50 MB; reading it in 1 MiB chunks adds a few.
        let extra = outcome.maxRSS - baseline.maxRSS
        #expect(
            extra < 24 << 20,
            "peak memory grew by \(extra >> 20) MB (\(baseline.maxRSS >> 20) → \(outcome.maxRSS >> 20) MB)")
    }

    @Test(
        "a file without read permission, run as `nobody`: reported as unreadable, the rest scored",
        .enabled(
            if: Robust.canDropToNobody,
            "needs root, /usr/bin/setpriv, the nobody account, and a binary, model and temporary folder that nobody can reach"
        ))
    func unreadableAsNobody() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        chmod(dir, 0o755)
        let good = try Robust.write(try Robust.seedBytes(Robust.seedNames[2]), "good.txt", in: dir)
        let locked = try Robust.write(try Robust.seedBytes(Robust.seedNames[0]), "locked.txt", in: dir)
        chmod(good, 0o644)
        chmod(locked, 0)
        let drop = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        let both = try Robust.spawn(drop + [try Robust.binary(), "score", good, locked] + Self.model)
        #expect(both.status == 3, "\(both.stderr)")
        #expect(both.stderrLines.first == "\(locked): cannot read (permission denied) — check the permissions")
        #expect(both.stderrLines.last == "10 articles read, 10 scored, 0 rejected; 1 file skipped")
        let alone = try Robust.spawn(drop + [try Robust.binary(), "score", locked] + Self.model)
        #expect(alone.status == 1)
        #expect(alone.stderrLines.last == "0 articles read, 0 scored, 0 rejected; 1 file skipped")
    }
}
