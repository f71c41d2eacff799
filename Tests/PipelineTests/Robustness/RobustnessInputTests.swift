import Foundation
import Testing

@testable import Pipeline

/// Every kind of bad input the loaders must survive: each is either loaded correctly, or refused as
/// a whole file with a clear message, or has its bad records rejected one by one while every other
/// record loads — never a crash, a hang or a silently wrong article.
@Suite("Robustness: bad inputs")
struct RobustnessInputTests {
    // MARK: - Whole files that hold nothing to score

    @Test("an empty file, or one of blank lines only, is refused as empty")
    func emptyFile() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, content) in [
            ("empty.txt", ""), ("blank.txt", "\n \r\n\t\n"), ("empty.jsonl", ""), ("blank.jsonl", "\n\n"),
        ] {
            let path = try Robust.write(content, name, in: dir)
            let loaded = Robust.load(paths: [path])
            #expect(loaded.events == 0)
            #expect(loaded.errors == [.empty(path: path)], "\(name)")
            #expect(loaded.errors.first?.description.hasPrefix("\(path):1: the file is empty — ") == true)
        }
    }

    @Test("a header and no record is refused, naming the last line")
    func headerOnly() throws {
        for text in ["Workflow\n稀土\nicon\nSearch documents\n", "稀土\n搜索文档\n\n\n", "Search documents"] {
            let loaded = Robust.load(text: text, name: "header.txt")
            #expect(loaded.events == 0)
            guard case .noRecords(let path, let line)? = loaded.errors.first else {
                Issue.record("expected noRecords for \(text.debugDescription), got \(loaded.errors)")
                continue
            }
            #expect(path == "header.txt" && line >= 1)
        }
    }

    @Test("no marker line: a headerless export still loads; text that is no export is refused")
    func noMarker() throws {
        let records = Robust.records(3)
        let full = Robust.export(records)
        let headerless = full.components(separatedBy: "Search documents\n")[1]
        let loaded = Robust.load(text: headerless, name: "headerless.txt")
        #expect(loaded.errors.isEmpty && loaded.rejections.isEmpty)
        #expect(loaded.articles.map(\.title) == records.map(\.title))
        #expect(loaded.articles.map(\.body) == records.map(\.body))

        let prose = Robust.load(text: "Dear team,\nplease find the notes below.\nThanks\n", name: "notes.txt")
        #expect(prose.events == 0)
        #expect(prose.errors == [.notAnExport(path: "notes.txt", line: 1)])
        // A long text with no marker is refused after 40 lines, without reading on.
        let long = Robust.load(text: String(repeating: "just some line of prose\n", count: 5000), name: "long.txt")
        #expect(long.errors == [.notAnExport(path: "long.txt", line: 41)])
    }

    @Test("binary data is refused as a file; UTF-16 is refused with its name")
    func binary() throws {
        var rng = RobustRNG(seed: 7)
        let noise = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0]
        #expect(Robust.load(bytes: noise, name: "noise.txt").errors == [.binary(path: "noise.txt")])
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(Robust.load(bytes: png, name: "image.txt").errors == [.binary(path: "image.txt")])
        #expect(
            Robust.load(bytes: png, name: "image.jsonl", format: .jsonLines).errors == [.binary(path: "image.jsonl")])
        let utf16 =
            [UInt8]([0xFF, 0xFE])
            + Array("稀土\nSearch documents\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(Robust.load(bytes: utf16, name: "utf16.txt").errors.first.map { "\($0)" }?.contains("UTF-16") == true)
    }

    @Test("binary damage inside one record past the sniffed start rejects that record only")
    func binaryInsideRecord() throws {
        var records = Robust.records(600)  // well over the 64 KiB the reader sniffs
        records[550].body = "正文\u{0}\u{1}\u{2}损坏" + records[550].body
        let loaded = Robust.load(text: Robust.export(records), name: "damaged.txt")
        #expect(loaded.errors.isEmpty)
        #expect(loaded.articles.count == 599)
        try #require(loaded.rejections.count == 1)
        #expect(loaded.rejections[0].reason.contains("control characters"))
        #expect(Robust.isWellFormed(loaded.rejections[0]))
        #expect(loaded.articles.map(\.index) == Array(1...550) + Array(552...600))
    }

    // MARK: - Damaged records

    @Test("invalid UTF-8 in the middle of a body rejects that record; numbering of the others holds")
    func invalidUTF8InBody() throws {
        let name = Robust.seedNames[0]
        var bytes = try Robust.seedBytes(name)
        let clean = Robust.load(bytes: bytes, name: name)
        try #require(clean.articles.count == 10)
        // Damage the body of record 5: the line after its outlet line.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let bodyLine = clean.articles[4].line + 2  // title, outlet line, body (1-based)
        var offset = lines[..<(bodyLine - 1)].reduce(0) { $0 + $1.count + 1 }
        offset += lines[bodyLine - 1].count / 2
        while bytes[offset] & 0xC0 == 0x80 { offset += 1 }  // not inside a character
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: offset)
        let loaded = Robust.load(bytes: bytes, name: name)
        #expect(loaded.errors.isEmpty)
        try #require(loaded.rejections.count == 1)
        #expect(loaded.rejections[0].line == bodyLine)
        #expect(
            loaded.rejections[0].description
                == "\(name):\(bodyLine): invalid UTF-8 in the record — re-export the file as UTF-8 or fix the damaged bytes"
        )
        #expect(loaded.articles.count == 9)
        #expect(loaded.articles.map(\.id) == clean.articles.map(\.id).filter { $0 != "\(name):5" })
        #expect(loaded.articles == clean.articles.filter { $0.index != 5 })
    }

    @Test("invalid UTF-8 in a title or an outlet name rejects that record and skips its body")
    func invalidUTF8InTitleOrOutlet() throws {
        let records = Robust.records(4)
        var text = Array(Robust.export(records).utf8)
        // Break the title of record 2 and the outlet name of record 3.
        func replace(_ needle: String, _ bytes: [UInt8]) {
            let n = Array(needle.utf8)
            guard let at = (0...(text.count - n.count)).first(where: { text[$0..<($0 + n.count)].elementsEqual(n) })
            else { return }
            text.replaceSubrange(at..<(at + n.count), with: bytes)
        }
        replace(records[1].title, [0xE4, 0xB8] + Array("broken title".utf8))
        replace("Xin Lang Cai Jing·", Array("Xin Lang".utf8) + [0xFF] + Array("Cai Jing·".utf8))
        let loaded = Robust.load(bytes: text, name: "t.txt")
        #expect(loaded.errors.isEmpty)
        #expect(loaded.rejections.count == 2)
        #expect(loaded.rejections.allSatisfy { $0.reason.contains("invalid UTF-8") && Robust.isWellFormed($0) })
        #expect(loaded.articles.map(\.index) == [1, 4])
        #expect(loaded.articles.map(\.body) == [records[0].body, records[3].body])
    }

    @Test("a UTF-8 BOM loads the same articles as the file without it")
    func byteOrderMark() throws {
        for name in Robust.seedNames {
            let bytes = try Robust.seedBytes(name)
            let plain = Robust.load(bytes: bytes, name: name)
            let bom = Robust.load(bytes: [0xEF, 0xBB, 0xBF] + bytes, name: name)
            #expect(bom.errors.isEmpty && bom.rejections.isEmpty)
            #expect(bom.articles == plain.articles)
        }
        let json = Robust.load(
            bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"title": "t", "body": "b"}"#.utf8), name: "f.jsonl", format: .jsonLines
        )
        #expect(json.articles.count == 1 && json.rejections.isEmpty)
    }

    @Test("CRLF line ends load the same articles as LF")
    func crlf() throws {
        for name in Robust.seedNames {
            let bytes = try Robust.seedBytes(name)
            var crlf: [UInt8] = []
            for b in bytes {
                if b == 0x0A { crlf.append(0x0D) }
                crlf.append(b)
            }
            let plain = Robust.load(bytes: bytes, name: name)
            let windows = Robust.load(bytes: crlf, name: name)
            #expect(windows.rejections.isEmpty && windows.errors.isEmpty)
            #expect(windows.articles == plain.articles)
        }
    }

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    @Test("a GB18030 export is transcoded and loads the same articles as the UTF-8 original")
    func gb18030Export() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in Robust.seedNames {
            let text = String(decoding: try Robust.seedBytes(name), as: UTF8.self)
            let data = try #require(text.data(using: RobustnessInputTests.gb18030))
            #expect(String(data: data, encoding: .utf8) == nil, "the GB18030 bytes must not be UTF-8")
            let utf8Path = try Robust.write(text, name, in: dir + "/utf8")
            let gbPath = try Robust.write(Array(data), name, in: dir + "/gb")
            let original = Robust.load(paths: [utf8Path])
            let transcoded = Robust.load(paths: [gbPath])
            #expect(original.articles.count == 10)
            #expect(transcoded.errors.isEmpty && transcoded.rejections.isEmpty)
            #expect(transcoded.articles == original.articles)
        }
    }

    @Test("a GB18030 export over several read chunks is transcoded once, not with its first chunk twice")
    func largeGB18030Export() throws {
        // Regression: the transcoder appended the first 1 MiB chunk twice, duplicating its records.
        let records = Robust.records(6000).map { r in
            var r = r
            r.body = String(repeating: "稀土出口管制与全球供应链。", count: 12) + r.body
            return r
        }
        let text = Robust.export(records)
        let data = try #require(text.data(using: RobustnessInputTests.gb18030))
        try #require(data.count > 2 * LineReader.chunkBytes)
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = Robust.load(paths: [try Robust.write(Array(data), "big.txt", in: dir)])
        #expect(loaded.errors.isEmpty && loaded.rejections.isEmpty)
        #expect(loaded.articles.count == records.count)
        #expect(loaded.articles.last?.title == records.last?.title)
        #expect(loaded.articles.map(\.body) == records.map(\.body))
    }

    @Test("a record with a title and no body is rejected; the next record is intact")
    func titleWithoutBody() throws {
        var records = Robust.records(3)
        records[1].body = ""
        let text = Robust.export(records).replacingOccurrences(of: "\n\n", with: "\n")
        let loaded = Robust.load(text: text, name: "t.txt")
        #expect(loaded.errors.isEmpty)
        try #require(loaded.rejections.count == 1)
        #expect(loaded.rejections[0].reason.contains("has a title and no body"))
        #expect(loaded.rejections[0].line == 8)
        #expect(Robust.isWellFormed(loaded.rejections[0]))
        #expect(loaded.articles.map(\.index) == [1, 3])
        #expect(loaded.articles.map(\.body) == [records[0].body, records[2].body])
    }

    @Test("an outlet line with an impossible date rejects its record, naming the outlet line")
    func badDate() throws {
        var records = Robust.records(3)
        records[1].date = "2025-13-45 99:99"
        let loaded = Robust.load(text: Robust.export(records), name: "t.txt")
        try #require(loaded.rejections.count == 1)
        #expect(
            loaded.rejections[0].description
                == "t.txt:9: bad date `2025-13-45 99:99` in the outlet line — write it as YYYY-MM-DD HH:MM with a real date and time"
        )
        #expect(loaded.articles.map(\.index) == [1, 3])
        // Blank lines between the title and the outlet line do not move the line reported.
        let spaced = Robust.export(records).replacingOccurrences(of: "第2篇 稀土出口管制\n", with: "第2篇 稀土出口管制\n\n\n")
        #expect(Robust.load(text: spaced, name: "t.txt").rejections.map(\.line) == [11])
    }

    @Test("an outlet line with no title above it is rejected on its own")
    func outletWithoutTitle() throws {
        let text =
            "稀土\nSearch documents\nSou Hu Cai Jing· 2025-07-22 06:20\n\(Robust.chineseBody)\n标题二\nXin Lang Cai Jing· 2025-07-23 06:20\n\(Robust.chineseBody)\n"
        let loaded = Robust.load(text: text, name: "t.txt")
        #expect(loaded.rejections.map(\.line) == [3])
        #expect(loaded.rejections.first?.reason == "outlet line with no title above it")
        #expect(loaded.articles.map(\.id) == ["t.txt:2"])
    }

    @Test("one 50 MB line is skipped and reported, never held; the records around it load")
    func fiftyMegabyteLine() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let records = Robust.records(3)
        var text = Array(Robust.export(Array(records[0...1])).utf8)
        text += Array(repeating: UInt8(ascii: "x"), count: 50 << 20) + [0x0A]
        text += Array(Robust.export([records[2]]).utf8.dropFirst("Workflow\n稀土\nicon\nSearch documents\n".utf8.count))
        let path = try Robust.write(text, "huge.txt", in: dir)
        text = []

        // The reader hands the line over as a length, with no bytes.
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        var reader = LineReader(handle: handle)
        var long: [Line] = []
        while let line = try reader.next(path: path) {
            if line.tooLong || line.length > 4096 { long.append(line) }
        }
        try #require(long.count == 1)
        #expect(long[0].tooLong && long[0].bytes.isEmpty && long[0].length == 50 << 20)
        #expect(long[0].number == 11)

        let loaded = Robust.load(paths: [path])
        #expect(loaded.errors.isEmpty)
        try #require(loaded.rejections.count == 1)
        #expect(
            loaded.rejections[0].description.hasPrefix(
                "\(path):11: line is 50.0 MB long, over the 4 MB limit for one record — "))
        // The line stood in the body of record 2, which is rejected whole; records 1 and 3 load.
        #expect(loaded.articles.map(\.title) == [records[0].title, records[2].title])
        #expect(loaded.articles.map(\.id) == ["huge.txt:1", "huge.txt:3"])
        #expect(loaded.articles[1].body == records[2].body)
    }

    @Test("a record whose body outgrows the record limit is rejected without holding it")
    func recordTooLarge() {
        var records = Robust.records(3)
        records[1].body = Array(repeating: "稀土出口管制的正文一行。", count: 400).joined(separator: "\n")
        let loaded = Robust.load(bytes: Array(Robust.export(records).utf8), name: "t.txt", maxRecordBytes: 4096)
        #expect(loaded.rejections.count == 1)
        #expect(loaded.rejections.first?.reason.contains("is over") == true)
        #expect(loaded.articles.map(\.index) == [1, 3])
    }

    @Test(
        "a truncated last record: cut in its outlet line it is rejected, cut after it too, cut in the body it loads shorter"
    )
    func truncatedLastRecord() throws {
        let records = Robust.records(3)
        let text = Robust.export(records)
        let lastOutlet = try #require(text.range(of: "Xin Lang Cai Jing· ", options: .backwards))
        // Cut right after the middle dot, inside the date, one character before its end.
        for cut in [
            text.index(before: lastOutlet.upperBound), text.index(lastOutlet.upperBound, offsetBy: 7),
            text.index(lastOutlet.upperBound, offsetBy: 15),
        ] {
            let loaded = Robust.load(text: String(text[..<cut]), name: "cut.txt")
            #expect(loaded.articles.map(\.index) == [1, 2], "cut at \(text.distance(from: text.startIndex, to: cut))")
            #expect(loaded.articles.map(\.body) == [records[0].body, records[1].body])
            try #require(loaded.rejections.count == 1)
            #expect(loaded.rejections[0].reason.contains("the file ends inside a record"))
            #expect(loaded.rejections[0].line == 11)
        }
        // Cut right after the outlet line: a title with no body.
        let afterOutlet = text[
            ..<(text.range(of: "\n", range: lastOutlet.upperBound..<text.endIndex)?.upperBound ?? text.endIndex)]
        let noBody = Robust.load(text: String(afterOutlet), name: "cut.txt")
        #expect(noBody.rejections.map(\.reason).first?.contains("has a title and no body") == true)
        #expect(noBody.articles.count == 2)
        // Cut inside the last body: the body is what is there (the file gives no way to tell).
        let inBody = Robust.load(text: String(text.dropLast(12)), name: "cut.txt")
        #expect(inBody.rejections.isEmpty && inBody.articles.count == 3)
        #expect(records[2].body.hasPrefix(inBody.articles[2].body))
    }

    @Test("two exports pasted into one file: the second header changes the topic and adds no body text")
    func concatenatedExports() {
        let first = Robust.export(Array(Robust.records(2)), topic: "稀土")
        let second = Robust.export(Array(Robust.records(3).suffix(1)), topic: "MP Materials(MP)")
        let loaded = Robust.load(text: first + second, name: "two.txt")
        #expect(loaded.rejections.isEmpty && loaded.errors.isEmpty)
        #expect(loaded.articles.map(\.topic) == ["稀土", "稀土", "MP Materials(MP)"])
        #expect(loaded.articles.map(\.body) == Robust.records(3).map(\.body))
        #expect(loaded.articles.map(\.id) == ["two.txt:1", "two.txt:2", "two.txt:3"])
    }

    // MARK: - JSON Lines

    @Test("a JSON Lines file with broken lines among good ones: each bad line is rejected, the rest load")
    func jsonLinesBrokenLine() {
        let lines = [
            #"{"title": "中国稀土", "body": "正文。", "published": "2025-07-22 06:20"}"#,
            #"{"title": "unterminated", "body": "#,
            #"[1, 2, 3]"#,
            #"{"title": "no body"}"#,
            #"{"title": 7, "body": "x"}"#,
            #"{"title": "bad date", "body": "x", "published": "2025-13-45 99:99"}"#,
            #"{"title": "control", "body": "a\u0000b"}"#,
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            #"{"title": "Second", "body": "Core Viewpoint - text.", "outlet": "Sou Hu Cai Jing"}"#,
        ]
        var bytes = Array(lines.joined(separator: "\n").utf8) + [0x0A]
        bytes += [0xFF, 0xFE, 0x7B, 0x0A]  // line 10: invalid UTF-8
        let loaded = Robust.load(bytes: bytes, name: "feed.jsonl", format: .jsonLines)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.articles.map(\.id) == ["feed.jsonl:1", "feed.jsonl:9"])
        #expect(loaded.rejections.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 10])
        #expect(loaded.rejections.allSatisfy(Robust.isWellFormed))
    }

    // MARK: - Paths

    @Test("a folder mixing good, bad and unrelated files: good records scored, bad ones listed, counts add up")
    func mixedFolder() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Robust.write(try Robust.seedBytes(Robust.seedNames[0]), "a_good.txt", in: dir)
        var damaged = Robust.records(4)
        damaged[2].date = "2025-02-30 10:00"
        try Robust.write(Robust.export(damaged), "b_damaged.txt", in: dir)
        try Robust.write([0x00, 0x01, 0x02, 0xFF, 0x00], "c_binary.txt", in: dir)
        try Robust.write("", "d_empty.txt", in: dir)
        try Robust.write("meeting notes\nnothing to see\n", "e_notes.txt", in: dir)
        try Robust.write("# README\n", "README.md", in: dir)
        try Robust.write([0x89, 0x50, 0x4E, 0x47], "image.png", in: dir)
        try Robust.write(#"{"title": "t", "body": "中国与美国的稀土谈判。"}"# + "\nnot json\n", "sub/feed.jsonl", in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/folder.txt", withIntermediateDirectories: true)

        let run = try Robust.run(paths: [dir, dir + "/missing.txt"])
        let account = run.account
        #expect(account.read == account.scored + account.rejected)
        #expect(account.scored == 10 + 3 + 1)
        #expect(account.rejected == 1 + 1)
        #expect(
            run.scored.map(\.article.file) == Array(repeating: "a_good.txt", count: 10)
                + Array(repeating: "b_damaged.txt", count: 3) + ["feed.jsonl"])
        #expect(
            account.skippedFiles == [
                .notFound(path: dir + "/missing.txt"), .binary(path: dir + "/c_binary.txt"),
                .empty(path: dir + "/d_empty.txt"), .notAnExport(path: dir + "/e_notes.txt", line: 1),
            ])
        #expect(run.rejections.map { ($0.file as NSString).lastPathComponent } == ["b_damaged.txt", "feed.jsonl"])
        #expect(run.rejections.allSatisfy(Robust.isWellFormed))
        #expect(account.summary == "16 articles read, 14 scored, 2 rejected; 4 files skipped")
        #expect(!account.isClean)
    }

    @Test("a path that does not exist is reported and the other inputs still run")
    func missingPath() throws {
        let source = InputSource(paths: ["/no/such/file.txt", Robust.seedsDirectory])
        #expect(source.errors == [.notFound(path: "/no/such/file.txt")])
        #expect(source.errors[0].description == "/no/such/file.txt: no such file or folder — check the path")
        let run = try Robust.run(paths: ["/no/such/file.txt", Robust.seedsDirectory])
        #expect(run.account.scored == 30)
        #expect(run.skipped == [.notFound(path: "/no/such/file.txt")])
        #expect(run.account.summary == "30 articles read, 30 scored, 0 rejected; 1 file skipped")
    }

    @Test(
        "a file without read permission is reported as unreadable",
        .enabled(
            if: !Robust.isRoot,
            "runs as root, where permissions do not stop reads; RobustnessCLITests checks it as `nobody`"))
    func unreadableFile() throws {
        let dir = try Robust.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try Robust.write(try Robust.seedBytes(Robust.seedNames[0]), "locked.txt", in: dir)
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let loaded = Robust.load(paths: [path])
        #expect(loaded.events == 0)
        #expect(loaded.errors == [.unreadable(path: path, reason: "permission denied")])
    }

    // MARK: - Sniffing does not depend on how reads come back

    @Test("the same bytes load the same whatever the read chunk size (pipes hand over small pieces)")
    func chunkSizes() throws {
        for name in Robust.seedNames {
            let bytes = try Robust.seedBytes(name)
            let whole = Robust.load(bytes: bytes, name: name)
            for chunk in [1, 2, 3, 61, 4096] {
                let pieces = Robust.load(bytes: [0xEF, 0xBB, 0xBF] + bytes, name: name, chunkSize: chunk)
                #expect(pieces.articles == whole.articles, "chunk \(chunk)")
                #expect(pieces.rejections.isEmpty && pieces.errors.isEmpty)
            }
        }
    }
}
