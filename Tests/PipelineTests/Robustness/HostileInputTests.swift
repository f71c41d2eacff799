import Foundation
import Scoring
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12, input: one way to read input — paths as bytes, special files inside folders skipped and
/// named, unreadable folders named, the format told from the content the same way for a file and a pipe.
@Suite("Hostile environments: input", .serialized)
struct HostileInputTests {
    static let model = ["--model", Robust.modelDirectory]

    @Test("item 8: a FIFO named *.txt inside a folder is skipped with a named warning (exit 3), never opened")
    func fifoInsideFolder() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Robust.write(Robust.export(Robust.records(2)), "good.txt", in: dir)
        let fifo = (dir as NSString).appendingPathComponent("pipe.txt")
        #expect(mkfifo(fifo, 0o600) == 0)
        let source = InputSource(paths: [dir])
        #expect(source.files.map(\.name) == ["good.txt"])
        #expect(source.errors == [.notRegular(path: fifo, kind: "a FIFO (named pipe)")])
        let outcome = try Robust.stance(["score", dir] + Self.model)
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(fifo): skipped: a FIFO (named pipe), not a regular file"))
        #expect(outcome.stderr.contains("2 articles read, 2 scored, 0 rejected; 1 file skipped"))
    }

    @Test("item 8: a FIFO given explicitly is read")
    func explicitFifoIsRead() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = (dir as NSString).appendingPathComponent("feed.txt")
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = Array(Robust.export(Robust.records(3)).utf8)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let outcome = try Robust.stance(["score", fifo, "--format", "jsonl"] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("3 articles read, 3 scored"))
    }

    @Test("item 9: an unreadable subfolder is named and the run exits 3 (run as nobody)")
    func unreadableSubfolder() throws {
        guard Robust.canDropToNobody else { return }
        let dir = try Robust.temporaryDirectory()
        defer {
            chmod((dir as NSString).appendingPathComponent("closed"), 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        #expect(chmod(dir, 0o755) == 0)
        let file = try Robust.write(Robust.export(Robust.records(2)), "open.txt", in: dir)
        #expect(chmod(file, 0o644) == 0)
        let closed = (dir as NSString).appendingPathComponent("closed")
        try Robust.write(Robust.export(Robust.records(2)), "closed/hidden.txt", in: dir)
        #expect(chmod(closed, 0o000) == 0)
        let outcome = try Robust.spawn(
            [
                "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", try Robust.binary(),
                "score",
                dir,
            ] + Self.model)
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(closed): cannot read (permission denied: folder skipped)"))
    }

    @Test("item 9: a path too long to open is named, exit 1 when it is the only input")
    func pathTooLong() throws {
        let long = "/tmp/" + String(repeating: "d", count: 300) + "/x.txt"
        let outcome = try Robust.stance(["score", long] + Self.model)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("file name too long"))
    }

    @Test("item 10: a file whose name is not UTF-8 is found in a folder and opened by its bytes")
    func nonUTF8Name() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name: [UInt8] = Array(dir.utf8) + [0x2F, 0x66, 0xFF, 0xFE] + Array(".txt".utf8)
        let text = Array(Robust.export(Robust.records(2)).utf8)
        let fd = (name + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let loaded = Robust.load(paths: [dir])
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.articles.count == 2)
        let direct = InputSource(pathBytes: [name])
        var count = 0
        for file in direct.files { try InputSource.read(file) { if case .article = $0 { count += 1 } } }
        #expect(count == 2)
        let outcome = try Robust.stance(["score", dir] + Self.model)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test("item 11: JSON Lines whose first line is over 4 MiB: the same from a pipe as from a file")
    func longFirstJSONLine() throws {
        let long = "{\"title\": \"t\", \"body\": \"" + String(repeating: "a", count: 5 << 20) + "\"}\n"
        let text = Array((long + "{\"title\": \"稀土\", \"body\": \"美国依赖中国稀土。\"}\n").utf8)
        var events: [LoadEvent] = []
        try InputSource.read(bytes: text, name: "-", format: .export, sniff: true) { events.append($0) }
        #expect(events.count == 2)
        if case .rejected(let r) = events.first { #expect(r.reason.contains("over the 4 MB limit")) }
        if case .article(let a) = events.last { #expect(a.title == "稀土") } else { Issue.record("no article") }
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try Robust.write(text, "x.jsonl", in: dir)
        let fromPipe = try Robust.stance(["score", "-"] + Self.model, stdinPath: path)
        let fromFile = try Robust.stance(["score", path] + Self.model)
        #expect(fromPipe.status == 3 && fromFile.status == 3)
        #expect(fromPipe.stderrLines.last == "2 articles read, 1 scored, 1 rejected")
        #expect(fromFile.stderrLines.last == fromPipe.stderrLines.last)
    }

    @Test("item 12: a header-only labels.tsv, or a set with no article files, is an error")
    func emptyLabelSets() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Robust.write("file\tindex\tcountry\tstance\ttitle\n", "labels.tsv", in: dir)
        let noFiles = try Robust.stance(["eval", dir] + Self.model)
        #expect(noFiles.status == 1)
        #expect(noFiles.stderr.contains("no article files (.txt or .jsonl) in the labelled set"))
        try Robust.write(Robust.export(Robust.records(2)), "a.txt", in: dir)
        let headerOnly = try Robust.stance(["eval", dir] + Self.model)
        #expect(headerOnly.status == 1)
        #expect(headerOnly.stderr.contains("labels.tsv has no rows"))
    }

    @Test("item 13: JSON Lines messages: not an object, blank fields, duplicate ids, bad zone offsets")
    func jsonLinesMessages() {
        let text = """
            null
            123
            {"title": "  ", "body": "美国依赖中国稀土。"}
            {"title": "a", "body": " \\n "}
            {"title": "a", "body": "美国", "id": "x"}
            {"title": "b", "body": "美国", "id": "x"}
            {"title": "c", "body": "美国", "published": "2025-07-01T00:00:00+99:99"}
            {"title": "d", "body": "美国", "published": "2025-07-01T00:00:00+05:30"}

            """
        let loaded = Robust.load(text: text, name: "m.jsonl", format: .jsonLines)
        let reasons = loaded.rejections.map(\.reason)
        #expect(reasons.count == 6, "\(reasons)")
        #expect(reasons.filter { $0 == "the line is JSON, but not an object" }.count == 2)
        #expect(reasons.contains("missing, empty or blank `title`"))
        #expect(reasons.contains("missing, empty or blank `body`"))
        #expect(reasons.contains("duplicate id `x` (also line 5)"))
        #expect(reasons.contains { $0.contains("bad date `2025-07-01T00:00:00+99:99`") })
        #expect(loaded.articles.map(\.title) == ["a", "d"])
    }

    @Test("item 13: an export named .jsonl is read as an export; a standard-input read error is named")
    func misnamedExportAndStdinError() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try Robust.write(Robust.export(Robust.records(3)), "export.jsonl", in: dir)
        let loaded = Robust.load(paths: [path])
        #expect(loaded.articles.count == 3 && loaded.rejections.isEmpty, "\(loaded.rejections)")
        // Standard input opened on a folder: read(2) fails with EISDIR.
        let outcome = try Robust.stance(["score", "-"] + Self.model, stdinPath: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("-: cannot read (is a directory)"))
        #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("item 13: model check takes one folder")
    func modelCheckOneFolder() throws {
        let outcome = try Robust.stance(["model", "check", Robust.modelDirectory, Robust.modelDirectory])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("takes one model folder"))
    }
}
