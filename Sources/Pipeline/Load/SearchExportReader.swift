import Foundation

/// Reads the "search documents" exports of FORMATS.md §1 with every variant real exports show.
///
/// A line followed by an outlet line (`Outlet· YYYY-MM-DD HH:MM`) is a title. Lines between one
/// record's outlet line and the next title are its body, unless one of them looks like the title of a
/// record without an outlet line (ends in a date such as `-20250713`, or is short and followed by a
/// much longer line).
///
/// Streams: at most three unassigned lines and the record being built are held, and a record whose
/// body grows past `maxRecordBytes` stops being held and is rejected. Every record yields exactly one
/// event — an article or a rejection — so the records of a file are always accounted for, and a
/// damaged record never shifts the `<file>:<n>` numbering of the records after it.
public struct SearchExportReader: ArticleReader {
    public static let markers: Set<String> = ["Search documents", "搜索文档"]
    static let noise: Set<String> = ["Workflow", "icon"]
    public static let defaultMaxRecordBytes = 16 << 20

    /// A record whose body lines add up to more than this is rejected, and its lines are not kept.
    public var maxRecordBytes: Int

    public init(maxRecordBytes: Int = SearchExportReader.defaultMaxRecordBytes) {
        self.maxRecordBytes = maxRecordBytes
    }

    public mutating func read(
        lines: inout LineReader, name: String, path: String,
        emit: (LoadEvent) throws -> Void
    ) throws {
        var parser = ExportParser(name: name, path: path, maxRecordBytes: maxRecordBytes)
        while let line = try lines.next(path: path) {
            try parser.feed(line, emit)
        }
        try parser.end(emit)
    }

    /// The outlet and date of an outlet line (`Sou Hu Cai Jing· 2025-07-22 06:20`), or `nil`.
    /// A line of the right shape with an impossible date still counts, with `published == nil`; so does
    /// one whose outlet name is not valid UTF-8, with `outlet == nil`.
    static func outletLine(_ line: Line) -> (outlet: String?, date: String, published: Timestamp?)? {
        let b = line.bytes
        guard b.count >= 19, b.count <= 200 else { return nil }
        var end = b.count
        while end > 0 && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
        guard end >= 18 else { return nil }
        let dateStart = end - 16
        for (k, expected) in dateShape.enumerated() {
            let c = b[dateStart + k]
            if let expected { if c != expected { return nil } } else if !(c >= 0x30 && c <= 0x39) { return nil }
        }
        guard let outletEnd = middleDot(before: dateStart, in: b), outletEnd > 0 else { return nil }
        let date = String(decoding: b[dateStart..<end], as: UTF8.self)
        guard let outlet = String(validating: b[0..<outletEnd], as: UTF8.self)?.trimmingCharactersInSpaces() else {
            return outletEnd <= 180 ? (nil, date, Timestamp.parse(date)) : nil
        }
        guard !outlet.isEmpty, outlet.unicodeScalars.count <= 60 else { return nil }
        return (outlet, date, Timestamp.parse(date))
    }

    /// `YYYY-MM-DD HH:MM`: `nil` stands for a digit.
    static let dateShape: [UInt8?] = [
        nil, nil, nil, nil, 0x2D, nil, nil, 0x2D, nil, nil, 0x20, nil, nil, 0x3A, nil, nil,
    ]

    /// Where the outlet name ends when a middle dot (U+00B7, or U+30FB) and optional spaces stand right
    /// before `position`; `nil` when there is no such dot.
    static func middleDot(before position: Int, in b: [UInt8]) -> Int? {
        var dot = position
        while dot > 0 && b[dot - 1] == 0x20 { dot -= 1 }
        if dot >= 2 && b[dot - 2] == 0xC2 && b[dot - 1] == 0xB7 { return dot - 2 }
        if dot >= 3 && b[dot - 3] == 0xE3 && b[dot - 2] == 0x83 && b[dot - 1] == 0xBB { return dot - 3 }
        return nil
    }

    /// An outlet line cut short by the end of the file: `Outlet·`, `Outlet· 2025-07`, `Outlet· 2025-07-22 0`.
    static func isCutOutletLine(_ line: Line) -> Bool {
        let b = line.bytes
        guard !line.tooLong, b.count <= 200 else { return false }
        var end = b.count
        while end > 0 && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
        for length in 0..<dateShape.count where length <= end {
            let start = end - length
            var fits = true
            for k in 0..<length {
                let c = b[start + k]
                if let expected = dateShape[k] {
                    if c != expected { fits = false; break }
                } else if !(c >= 0x30 && c <= 0x39) {
                    fits = false; break
                }
            }
            if fits, let outletEnd = middleDot(before: start, in: b), outletEnd > 0,
                String(validating: b[0..<outletEnd], as: UTF8.self) != nil
            {
                return true
            }
        }
        return false
    }

    /// A title of a record without an outlet line: it ends in a date, or it is short and the next line
    /// is much longer. When in doubt the line stays body text.
    static func looksLikeTitle(_ line: Line, next: Line?) -> Bool {
        guard !line.tooLong, let text = line.text else { return false }
        if titleDate(text) != nil { return true }
        guard let next, !next.tooLong else { return false }
        let length = text.unicodeScalars.count
        guard length >= 4 && length <= 64 && next.length > 2 * line.length + 40 else { return false }
        return !isSubheading(text)
    }

    /// A last line that reads as a headline rather than the end of a body: short, not a subheading,
    /// and not closing a sentence (。 . … or a cut-off ` ...`).
    static func looksLikeCutTitle(_ line: Line) -> Bool {
        guard !line.tooLong, let text = line.text?.trimmingCharactersInSpaces() else { return false }
        // More than 256 bytes is more than 64 scalars: a body line, not counted scalar by scalar.
        guard text.utf8.count <= 256 else { return false }
        let count = text.unicodeScalars.count
        guard count >= 4 && count <= 64, !isSubheading(text), let last = text.unicodeScalars.last else { return false }
        return !["。", ".", "…", "”", "\"", "]", "）", ")"].contains(last)
    }

    /// A numbered or introducing line inside a body (`一、美国的困境`, `（二）`, `1. 背景`, `要点：`) is a
    /// subheading of the article, never the title of a new record.
    static func isSubheading(_ text: String) -> Bool {
        let trimmed = text.trimmingCharactersInSpaces()
        if trimmed.hasSuffix("：") || trimmed.hasSuffix(":") { return true }
        let scalars = Array(trimmed.unicodeScalars.prefix(6))
        guard let first = scalars.first else { return false }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if first == "（" || first == "(" { return true }
        if numerals.contains(first), scalars.count > 1, scalars[1] == "、" || scalars[1] == "是" { return true }
        var k = 0
        while k < scalars.count, scalars[k].properties.numericType != nil, scalars[k].isASCII { k += 1 }
        if k > 0, k < scalars.count, [".", "、", ")", "）"].contains(scalars[k]) { return true }
        return false
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
        return Timestamp(
            year: v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month: v[4] * 10 + v[5],
            day: v[6] * 10 + v[7], hasTime: false)
    }

    /// Control characters that never stand in exported text (all of C0 but tab, form feed and CR):
    /// a record holding one is binary damage.
    static func hasControlBytes(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return false }
            var i = 0
            while i < b.count {
                // Eight bytes at a time while none is below 0x20.
                if i &+ 8 <= b.count {
                    let v = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    if (v &- 0x2020_2020_2020_2020) & ~v & 0x8080_8080_8080_8080 == 0 {
                        i &+= 8
                        continue
                    }
                }
                let c = p[i]
                if c < 0x20 && c != 0x09 && c != 0x0C && c != 0x0D { return true }
                i &+= 1
            }
            return false
        }
    }
}
