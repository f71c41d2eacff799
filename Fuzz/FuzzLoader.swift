// libFuzzer target for the loaders: every input is read as a search export and as JSON Lines, from
// memory and (exports) from a file through `ScoringRun`, and each article is scored with the real
// model. Any crash, sanitizer report or broken invariant (abort) is a finding.
//
// Built and run by Scripts/fuzz.sh: the Scoring and Pipeline sources are compiled with
// `-sanitize=fuzzer,address -enable-testing`, this file links against them.
//
// Invariants checked on every input:
// - the byte-level helpers (`UTF8Bytes`) agree with the `String` operations they replace;
// - loading never throws anything but a `LoadError`;
// - the same bytes load to the same events whatever the read chunk size (1 MiB, or 61 bytes);
// - with tiny limits (48-byte lines, 200-byte records) the same holds, and nothing crashes;
// - every article has a non-empty title and body without control characters; export ids are unique
//   and their `<n>` strictly increases; every rejection reads `file:line: reason — hint`;
// - scores and tone are finite and within [-1, 1];
// - a `ScoringRun` over the same bytes in a file reads exactly as many records as the in-memory load
//   and its account adds up: read == scored + rejected.

import Foundation
import Scoring

@testable import Pipeline

enum Fuzz {
    static let lexicon: Lexicon = {
        let directory = ProcessInfo.processInfo.environment["STANCE_MODEL"] ?? "Models"
        do {
            return Lexicon(model: try Model.load(directory: directory))
        } catch {
            say("fuzz-loader: cannot load the model in \(directory) (set STANCE_MODEL): \(error)")
            exit(2)
        }
    }()
    nonisolated(unsafe) static var scorer = ArticleScorer(lexicon: lexicon)
    static let run = ScoringRun(lexicon: lexicon, threads: 1, batchSize: 8)
    static let directory: String = {
        let path = NSTemporaryDirectory() + "stance-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
    static let fileName = "input.txt"

    struct Outcome: Equatable {
        var events: [String] = []
        var articles: [Article] = []
        var rejections: [Rejection] = []
        var error: String?
    }

    static func say(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }

    static func fail(_ message: String) -> Never {
        say("fuzz-loader: invariant broken: \(message)")
        abort()
    }

    static func load(
        _ bytes: [UInt8], _ format: InputSource.Format, maxLine: Int = LineReader.defaultMaxLineBytes,
        maxRecord: Int = SearchExportReader.defaultMaxRecordBytes, chunk: Int, sniff: Bool = false
    ) -> Outcome {
        var outcome = Outcome()
        do {
            try InputSource.read(
                bytes: bytes, name: fileName, format: format, maxLineBytes: maxLine,
                maxRecordBytes: maxRecord, chunkSize: chunk, sniff: sniff
            ) { event in
                switch event {
                case .article(let a):
                    outcome.articles.append(a)
                    outcome.events.append(
                        "A \(a.id) \(a.line) \(a.title) | \(a.outlet ?? "-") | \(a.published?.text ?? "-") | \(a.topic ?? "-") | \(a.body)"
                    )
                case .rejected(let r):
                    outcome.rejections.append(r)
                    outcome.events.append("R \(r)")
                }
            }
        } catch let error as LoadError {
            outcome.error = error.description
        } catch {
            fail("\(format) load threw a non-LoadError: \(error)")
        }
        return outcome
    }

    static func checkShape(_ outcome: Outcome, _ format: InputSource.Format) {
        var ids = Set<String>()
        var lastIndex = 0
        for a in outcome.articles {
            if a.title.isEmpty || a.body.isEmpty { fail("article \(a.id) with an empty title or body") }
            let control: (Unicode.Scalar) -> Bool = {
                $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\u{0C}"
            }
            if a.title.unicodeScalars.contains(where: control) || a.body.unicodeScalars.contains(where: control) {
                fail("article \(a.id) holds control characters")
            }
            if format == .export {
                if a.title.contains("\n") || a.body.contains("\n") { fail("export article \(a.id) holds a line end") }
                if !ids.insert(a.id).inserted { fail("duplicate id \(a.id)") }
                if a.index <= lastIndex { fail("record numbers do not increase at \(a.id)") }
                if a.index > outcome.events.count { fail("record number \(a.index) above the event count") }
                lastIndex = a.index
            }
        }
        for r in outcome.rejections {
            if r.line < 1 || r.reason.isEmpty || r.hint.isEmpty || !r.description.contains(" — ") {
                fail("malformed rejection: \(r)")
            }
        }
        if outcome.error != nil && outcome.events.isEmpty == false && format == .export
            && outcome.error?.contains("no record") == true
        {
            fail("`no record` after events")
        }
    }

    static func score(_ articles: [Article]) -> Int {
        var count = 0
        for a in articles {
            let scored = scorer.score(a)
            if !scored.stance.tone.isFinite || abs(scored.stance.tone) > 1 {
                fail("tone \(scored.stance.tone) for \(a.id)")
            }
            for c in scored.stance.countries where !c.score.isFinite || abs(c.score) > 1 || c.mentions < 1 {
                fail("score \(c.score) mentions \(c.mentions) for \(a.id) \(c.code)")
            }
            count += 1
        }
        return count
    }

    /// The byte-level fast paths of the readers against the `String` operations they stand for, and
    /// the other parsers that take input text (model files, dates).
    static func helpers(_ bytes: [UInt8]) {
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(200) {
            let line = Array(line)
            let text = String(validating: line, as: UTF8.self)
            if UTF8Bytes.isValid(line) != (text != nil) {
                fail("UTF8Bytes.isValid disagrees with String(validating:) on \(line)")
            }
            guard let text else { continue }
            var joined: [UInt8] = []
            UTF8Bytes.appendTrimmed(line, joinedTo: &joined)
            if String(decoding: joined, as: UTF8.self) != text.trimmingCharactersInSpaces() {
                fail("UTF8Bytes.appendTrimmed differs from trimmingCharactersInSpaces on \(line)")
            }
            if line.count <= 64, let stamp = Timestamp.parse(text),
                !(1...12).contains(stamp.month) || !(0...23).contains(stamp.hour) || !(0...59).contains(stamp.minute)
            {
                fail("Timestamp.parse(\(text)) gave \(stamp)")
            }
        }
        // Model files: any bytes give rows or a ModelError, never a crash.
        _ = try? TSVFile(path: "fuzz.tsv", data: Data(bytes))
    }

    static func one(_ bytes: [UInt8]) {
        helpers(bytes)
        for format in [InputSource.Format.export, .jsonLines] {
            let whole = load(bytes, format, chunk: LineReader.chunkBytes)
            checkShape(whole, format)
            let pieces = load(bytes, format, chunk: 61)
            if pieces != whole { fail("\(format): reading in 61-byte chunks differs from 1 MiB chunks") }
            let tiny = load(bytes, format, maxLine: 48, maxRecord: 200, chunk: 7)
            checkShape(tiny, format)
            let tinyWhole = load(bytes, format, maxLine: 48, maxRecord: 200, chunk: LineReader.chunkBytes)
            if tiny != tinyWhole { fail("\(format): tiny limits, 7-byte chunks differ from 1 MiB chunks") }
            let scored = score(whole.articles)
            if scored != whole.articles.count { fail("scored \(scored) of \(whole.articles.count)") }
        }
        // The real path: a file, InputSource, ScoringRun and its account.
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fail("cannot write \(path)") }
        // A file's format is told from its content, as from a pipe.
        let memory = load(bytes, .export, chunk: LineReader.chunkBytes, sniff: true)
        var results = 0, rejected = 0
        let account: RunAccount
        do {
            account = try run.run(
                InputSource(paths: [path]), result: { _ in results += 1 }, rejected: { _ in rejected += 1 })
        } catch {
            fail("ScoringRun threw \(error)")
        }
        if account.read != account.scored + account.rejected { fail("account does not add up: \(account.summary)") }
        if account.scored != results || account.rejected != rejected {
            fail("account \(account.summary) vs \(results) results, \(rejected) rejections")
        }
        if account.read != memory.events.count || account.scored != memory.articles.count {
            fail(
                "file run read \(account.read) (\(account.scored) scored), memory load \(memory.events.count) (\(memory.articles.count) articles)"
            )
        }
        if (memory.error != nil) != (account.skippedFiles.count == 1) {
            fail("file-level error differs between file and memory")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    Fuzz.one(bytes)
    return 0
}
