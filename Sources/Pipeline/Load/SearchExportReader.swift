import Foundation

/// Reads the "search documents" exports of FORMATS.md §1 with every variant real exports show.
///
/// A line followed by an outlet line (`Outlet· YYYY-MM-DD HH:MM`) is a title. Lines between one
/// record's outlet line and the next title are its body, unless one of them looks like the title of a
/// record without an outlet line (ends in a date such as `-20250713`, or is short and followed by a
/// much longer line).
public struct SearchExportReader: ArticleReader {
    public static let markers: Set<String> = ["Search documents", "搜索文档"]
    static let noise: Set<String> = ["Workflow", "icon"]

    public init() {}

    private struct Pending {
        var title: Line
        var titleText: String
        var outlet: String?
        var published: Timestamp?
        var badDate: String?
        var body: [Line] = []
    }

    public mutating func read(lines: inout LineReader, name: String, path: String,
                              emit: (LoadEvent) throws -> Void) throws {
        var topic: String?
        var headerLines: [Line] = []
        var inHeader = true
        var pending: [Line] = []
        var current: Pending?
        var index = 0
        var nonBlank = 0

        func finish(_ record: Pending) throws {
            index += 1
            let bodyLines = record.body
            if let tooLong = bodyLines.first(where: \.tooLong) {
                try emit(.rejected(.tooLong(path, tooLong)))
                return
            }
            var parts: [String] = []
            for line in bodyLines {
                guard let text = line.text else {
                    try emit(.rejected(.invalidUTF8(path, line.number)))
                    return
                }
                let trimmed = text.trimmingCharactersInSpaces()
                if !trimmed.isEmpty { parts.append(trimmed) }
            }
            if let bad = record.badDate {
                try emit(.rejected(Rejection(
                    file: path, line: record.title.number + 1, reason: "bad date `\(bad)` in the outlet line",
                    hint: "write it as YYYY-MM-DD HH:MM with a real date and time")))
                return
            }
            guard !parts.isEmpty else {
                try emit(.rejected(Rejection(
                    file: path, line: record.title.number, reason: "record `\(record.titleText)` has a title and no body",
                    hint: "the export was cut or the body is missing; re-export it or remove the title")))
                return
            }
            var published = record.published
            if published == nil { published = SearchExportReader.titleDate(record.titleText) }
            try emit(.article(Article(
                id: "\(name):\(index)", file: name, index: index, line: record.title.number,
                title: record.titleText, outlet: record.outlet, published: published, topic: topic,
                body: parts.joined(separator: " "))))
        }

        /// Splits the lines after a record's outlet line (or before the first one) into records.
        func flush(_ record: Pending?, _ block: [Line]) throws {
            var active = record
            var k = 0
            while k < block.count {
                let line = block[k]
                let next = k + 1 < block.count ? block[k + 1] : nil
                let startsRecord = active == nil || (!(active?.body.isEmpty ?? true) && SearchExportReader.looksLikeTitle(line, next: next))
                if startsRecord, !line.tooLong {
                    if let active { try finish(active) }
                    guard let text = line.text else {
                        index += 1
                        try emit(.rejected(.invalidUTF8(path, line.number)))
                        active = nil
                        // Skip the body lines of the damaged record: up to the next title-like line.
                        k += 1
                        while k < block.count, !SearchExportReader.looksLikeTitle(block[k], next: k + 1 < block.count ? block[k + 1] : nil) { k += 1 }
                        continue
                    }
                    active = Pending(title: line, titleText: text.trimmingCharactersInSpaces())
                } else if active != nil {
                    active?.body.append(line)
                }
                k += 1
            }
            if let active { try finish(active) }
        }

        while let line = try lines.next(path: path) {
            if inHeader {
                let text = line.text?.trimmingCharactersInSpaces() ?? ""
                if SearchExportReader.markers.contains(text) {
                    topic = headerLines.compactMap { $0.text?.trimmingCharactersInSpaces() }
                        .last { !$0.isEmpty && !SearchExportReader.noise.contains($0) }
                    inHeader = false
                    headerLines.removeAll()
                    continue
                }
                if line.isBlank { continue }
                if SearchExportReader.outletLine(line) != nil {
                    // No marker: a headerless export. Everything seen so far is records.
                    inHeader = false
                    pending = headerLines.filter { !SearchExportReader.noise.contains($0.text ?? "") }
                    headerLines.removeAll()
                } else {
                    headerLines.append(line)
                    nonBlank += 1
                    if nonBlank > 40 { throw LoadError.notAnExport(path: path, line: line.number) }
                    continue
                }
            }
            if line.isBlank && !line.tooLong { continue }
            if let outlet = SearchExportReader.outletLine(line) {
                guard let title = pending.popLast() else {
                    index += 1
                    try emit(.rejected(Rejection(
                        file: path, line: line.number, reason: "outlet line with no title above it",
                        hint: "add the article's title on the line before, or remove the line")))
                    continue
                }
                try flush(current, pending)
                pending.removeAll()
                guard let titleText = title.text else {
                    current = nil
                    index += 1
                    try emit(.rejected(.invalidUTF8(path, title.number)))
                    continue
                }
                current = Pending(title: title, titleText: titleText.trimmingCharactersInSpaces(),
                                  outlet: outlet.outlet, published: outlet.published,
                                  badDate: outlet.published == nil ? outlet.date : nil)
            } else {
                pending.append(line)
            }
        }
        if inHeader {
            if headerLines.isEmpty { return }
            throw LoadError.notAnExport(path: path, line: headerLines.first?.number ?? 1)
        }
        try flush(current, pending)
    }

    /// The outlet and date of an outlet line (`Sou Hu Cai Jing· 2025-07-22 06:20`), or `nil`.
    /// A line of the right shape with an impossible date still counts, with `published == nil`.
    static func outletLine(_ line: Line) -> (outlet: String, date: String, published: Timestamp?)? {
        let b = line.bytes
        guard b.count >= 19, b.count <= 200 else { return nil }
        var end = b.count
        while end > 0 && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
        guard end >= 18 else { return nil }
        let dateStart = end - 16
        let shape: [UInt8?] = [nil, nil, nil, nil, 0x2D, nil, nil, 0x2D, nil, nil, 0x20, nil, nil, 0x3A, nil, nil]
        for (k, expected) in shape.enumerated() {
            let c = b[dateStart + k]
            if let expected { if c != expected { return nil } } else if !(c >= 0x30 && c <= 0x39) { return nil }
        }
        var dot = dateStart
        while dot > 0 && b[dot - 1] == 0x20 { dot -= 1 }
        // U+00B7 middle dot (C2 B7) or U+30FB katakana middle dot (E3 83 BB).
        let outletEnd: Int
        if dot >= 2 && b[dot - 2] == 0xC2 && b[dot - 1] == 0xB7 {
            outletEnd = dot - 2
        } else if dot >= 3 && b[dot - 3] == 0xE3 && b[dot - 2] == 0x83 && b[dot - 1] == 0xBB {
            outletEnd = dot - 3
        } else {
            return nil
        }
        guard outletEnd > 0, let outlet = String(validating: b[0..<outletEnd], as: UTF8.self)?.trimmingCharactersInSpaces(),
              !outlet.isEmpty, outlet.unicodeScalars.count <= 60
        else { return nil }
        let date = String(decoding: b[dateStart..<end], as: UTF8.self)
        return (outlet, date, Timestamp.parse(date))
    }

    /// A title of a record without an outlet line: it ends in a date, or it is short and the next line
    /// is much longer. When in doubt the line stays body text.
    static func looksLikeTitle(_ line: Line, next: Line?) -> Bool {
        guard !line.tooLong, let text = line.text else { return false }
        if titleDate(text) != nil { return true }
        guard let next, !next.tooLong else { return false }
        let length = text.unicodeScalars.count
        return length >= 4 && length <= 64 && next.length > 2 * line.length + 40
    }

    /// The date at the end of a title such as `...核心资产-20250713`.
    static func titleDate(_ title: String) -> Timestamp? {
        let b = Array(title.utf8)
        guard b.count >= 9 else { return nil }
        let digits = b[(b.count - 8)...]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let before = b[b.count - 9]
        guard before == 0x2D || before == 0x5F || before == 0x20 else { return nil }
        let v = digits.map { Int($0 - 0x30) }
        return Timestamp(year: v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month: v[4] * 10 + v[5],
                         day: v[6] * 10 + v[7], hasTime: false)
    }
}
