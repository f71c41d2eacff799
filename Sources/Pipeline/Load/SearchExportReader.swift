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

/// The record-splitting state machine behind `SearchExportReader`, fed one line at a time.
private struct ExportParser {
    typealias Emit = (LoadEvent) throws -> Void

    struct Pending {
        var title: Line
        var titleText: String
        var outlet: String?
        var outletLine: Int?
        var published: Timestamp?
        var badDate: String?
        var body: [Line] = []
        var bodyBytes = 0
        /// The first body line past `maxRecordBytes`; later lines are dropped, not held.
        var overflowLine: Int?
        var hasBody: Bool { !body.isEmpty || overflowLine != nil }
    }

    enum State {
        /// The next line starts a record (after the header, or after a stray line).
        case start
        case record(Pending)
        /// A rejected record's remaining lines are skipped up to the next title-like line.
        case damaged
    }

    let name: String
    let path: String
    let maxRecordBytes: Int
    var topic: String?
    var inHeader = true
    var headerLines: [Line] = []
    /// Non-blank lines not yet assigned to a record, at most three: the last one may turn out to be
    /// the title of an outlet line that follows, or the topic of a second export pasted below the first.
    var held: [Line] = []
    var state = State.start
    /// Records seen so far, rejected ones included (the `<n>` of `<file>:<n>`).
    var index = 0
    var events = 0
    var lastLine = 0

    init(name: String, path: String, maxRecordBytes: Int) {
        self.name = name
        self.path = path
        self.maxRecordBytes = maxRecordBytes
    }

    mutating func send(_ event: LoadEvent, _ emit: Emit) throws {
        events += 1
        try emit(event)
    }

    mutating func reject(_ line: Int, _ reason: String, _ hint: String, _ emit: Emit) throws {
        try send(.rejected(Rejection(file: path, line: line, reason: reason, hint: hint)), emit)
    }

    static func markerText(_ line: Line) -> Bool {
        guard !line.tooLong, line.bytes.count <= 48, let text = line.text else { return false }
        return SearchExportReader.markers.contains(text.trimmingCharactersInSpaces())
    }

    static func isNoise(_ line: Line) -> Bool {
        guard !line.tooLong, line.bytes.count <= 16, let text = line.text else { return false }
        return SearchExportReader.noise.contains(text.trimmingCharactersInSpaces())
    }

    mutating func feed(_ line: Line, _ emit: Emit) throws {
        lastLine = line.number
        if inHeader {
            try header(line, emit)
            return
        }
        if line.isBlank && !line.tooLong { return }
        if let outlet = SearchExportReader.outletLine(line) {
            try outletLine(line, outlet, emit)
        } else if ExportParser.markerText(line) {
            try secondMarker(emit)
        } else {
            try hold(line, emit)
        }
    }

    mutating func header(_ line: Line, _ emit: Emit) throws {
        if ExportParser.markerText(line) {
            topic = headerLines.compactMap { $0.tooLong ? nil : $0.text?.trimmingCharactersInSpaces() }
                .last { !$0.isEmpty && !SearchExportReader.noise.contains($0) }
            for long in headerLines where long.tooLong { try send(.rejected(.tooLong(path, long)), emit) }
            inHeader = false
            headerLines.removeAll()
            return
        }
        if line.isBlank && !line.tooLong { return }
        if let outlet = SearchExportReader.outletLine(line) {
            // No marker: a headerless export. Everything seen so far is records.
            inHeader = false
            let before = headerLines.filter { !ExportParser.isNoise($0) }
            headerLines.removeAll()
            for earlier in before { try hold(earlier, emit) }
            try outletLine(line, outlet, emit)
            return
        }
        headerLines.append(line)
        if headerLines.count > 40 { throw LoadError.notAnExport(path: path, line: line.number) }
    }

    /// Keeps `line` unassigned until the lines after it show whether it is a title.
    mutating func hold(_ line: Line, _ emit: Emit) throws {
        held.append(line)
        if held.count > 3 {
            let first = held.removeFirst()
            try place(first, next: held.first, emit)
        }
    }

    /// Assigns every held line, the last one with no next line (what follows it starts a new record).
    mutating func drainHeld(_ emit: Emit) throws {
        let lines = held
        held.removeAll()
        for (k, line) in lines.enumerated() {
            try place(line, next: k + 1 < lines.count ? lines[k + 1] : nil, emit)
        }
    }

    /// Puts one line in the record being built, or starts a record without outlet line with it.
    mutating func place(_ line: Line, next: Line?, _ emit: Emit) throws {
        switch state {
        case .start:
            try startUntitled(line, emit)
        case .record(var record):
            if record.hasBody && SearchExportReader.looksLikeTitle(line, next: next) {
                state = .start
                try finish(record, emit)
                try startUntitled(line, emit)
                return
            }
            state = .start  // drop the copy held in `state` so appending does not copy the body
            if record.overflowLine == nil {
                if record.bodyBytes + line.bytes.count > maxRecordBytes {
                    record.overflowLine = line.number
                    record.body.removeAll()
                } else {
                    record.body.append(line)
                    record.bodyBytes += line.bytes.count
                }
            }
            state = .record(record)
        case .damaged:
            if SearchExportReader.looksLikeTitle(line, next: next) { try startUntitled(line, emit) }
        }
    }

    /// The text of a line that stands where a title should, or `nil` after rejecting it as a record
    /// of its own: over-long (then `stateAfterTooLong`) or not UTF-8 (then `.damaged`: its body is skipped).
    mutating func titleText(_ line: Line, stateAfterTooLong: State, _ emit: Emit) throws -> String? {
        if line.tooLong {
            index += 1
            try send(.rejected(.tooLong(path, line)), emit)
            state = stateAfterTooLong
            return nil
        }
        guard let text = line.text else {
            index += 1
            try send(.rejected(.invalidUTF8(path, line.number)), emit)
            state = .damaged
            return nil
        }
        return text
    }

    /// A line that begins a record of its own: a title with no outlet line.
    mutating func startUntitled(_ line: Line, _ emit: Emit) throws {
        // A stray over-long line where a title should stand: report it, keep going.
        guard let text = try titleText(line, stateAfterTooLong: .start, emit) else { return }
        state = .record(Pending(title: line, titleText: text.trimmingCharactersInSpaces()))
    }

    mutating func closeRecord(_ emit: Emit) throws {
        if case .record(let record) = state {
            state = .start
            try finish(record, emit)
        }
        state = .start
    }

    mutating func outletLine(
        _ line: Line, _ outlet: (outlet: String?, date: String, published: Timestamp?),
        _ emit: Emit
    ) throws {
        guard let title = held.popLast() else {
            try closeRecord(emit)
            index += 1
            try reject(
                line.number, "outlet line with no title above it",
                "add the article's title on the line before, or remove the line", emit)
            state = .damaged
            return
        }
        try drainHeld(emit)
        try closeRecord(emit)
        guard let text = try titleText(title, stateAfterTooLong: .damaged, emit) else { return }
        guard let outletName = outlet.outlet else {
            index += 1
            try send(.rejected(.invalidUTF8(path, line.number)), emit)
            state = .damaged
            return
        }
        state = .record(
            Pending(
                title: title, titleText: text.trimmingCharactersInSpaces(), outlet: outletName,
                outletLine: line.number, published: outlet.published,
                badDate: outlet.published == nil ? outlet.date : nil))
    }

    /// A marker line after the header: a second export pasted below the first. Its header lines
    /// (`Workflow`, the topic, `icon`) are the last held lines; the topic changes from here on.
    mutating func secondMarker(_ emit: Emit) throws {
        // A topic is taken only where `icon` below it or `Workflow` above it shows it is one: a short
        // line right above a bare marker may as well be the end of the previous body.
        var newTopic: String?
        var sawIcon = false
        if let last = held.last, ExportParser.isNoise(last), last.text?.trimmingCharactersInSpaces() == "icon" {
            held.removeLast()
            sawIcon = true
        }
        if let last = held.last, ExportParser.isNoise(last) {
            held.removeLast()  // `Workflow` right above: no topic line
        } else if let last = held.last, !last.tooLong, let text = last.text?.trimmingCharactersInSpaces(),
            !text.isEmpty, text.unicodeScalars.count <= 40
        {
            let workflowAbove = held.count >= 2 && ExportParser.isNoise(held[held.count - 2])
            if sawIcon || workflowAbove {
                newTopic = text
                held.removeLast()
                if workflowAbove { held.removeLast() }
            }
        }
        try drainHeld(emit)
        try closeRecord(emit)
        topic = newTopic
        state = .start
    }

    mutating func end(_ emit: Emit) throws {
        if inHeader {
            if headerLines.isEmpty { throw LoadError.empty(path: path) }
            throw LoadError.notAnExport(path: path, line: headerLines.first?.number ?? 1)
        }
        if let last = held.last, SearchExportReader.isCutOutletLine(last) {
            // The file stops inside a record: its outlet line is cut off.
            held.removeLast()
            let title = held.popLast()
            try drainHeld(emit)
            try closeRecord(emit)
            index += 1
            let cut = last.text?.trimmingCharactersInSpaces() ?? ""
            try reject(
                title?.number ?? last.number,
                "the file ends inside a record: its outlet line `\(cut)` is cut off",
                "the export was truncated; export it again or remove the unfinished record", emit)
        } else if let last = held.last, SearchExportReader.looksLikeCutTitle(last), bodyStandsBefore(last) {
            // The file stops right after a title (real bodies end a sentence; real exports have one-line
            // bodies): the title's record was cut off, it is not the tail of the body before it.
            held.removeLast()
            try drainHeld(emit)
            try closeRecord(emit)
            index += 1
            let title = last.text?.trimmingCharactersInSpaces() ?? ""
            try reject(
                last.number, "the file ends with the title `\(title)` and no body",
                "the export was truncated; export it again or remove the unfinished title", emit)
        } else {
            try drainHeld(emit)
            try closeRecord(emit)
        }
        if events == 0 { throw LoadError.noRecords(path: path, line: lastLine) }
    }

    /// Whether some body text stands before the last held line (in the record or held before it).
    func bodyStandsBefore(_ last: Line) -> Bool {
        if held.count >= 2 { return true }
        if case .record(let record) = state { return record.hasBody }
        return false
    }

    mutating func finish(_ record: Pending, _ emit: Emit) throws {
        index += 1
        if let overflow = record.overflowLine {
            try reject(
                overflow, "record `\(record.titleText)` is over \(maxRecordBytes >> 20) MB",
                "this is not one exported article; split it into records or remove it", emit)
            return
        }
        if let tooLong = record.body.first(where: \.tooLong) {
            try send(.rejected(.tooLong(path, tooLong)), emit)
            return
        }
        if SearchExportReader.hasControlBytes(record.title.bytes) {
            try send(.rejected(.binaryData(path, record.title.number)), emit)
            return
        }
        // The body: its lines trimmed and joined by one space, built as bytes (no string per line).
        var body: [UInt8] = []
        body.reserveCapacity(record.bodyBytes + record.body.count)
        for line in record.body {
            guard UTF8Bytes.isValid(line.bytes) else {
                try send(.rejected(.invalidUTF8(path, line.number)), emit)
                return
            }
            if SearchExportReader.hasControlBytes(line.bytes) {
                try send(.rejected(.binaryData(path, line.number)), emit)
                return
            }
            UTF8Bytes.appendTrimmed(line.bytes, joinedTo: &body)
        }
        if let bad = record.badDate {
            try reject(
                record.outletLine ?? record.title.number, "bad date `\(bad)` in the outlet line",
                "write it as YYYY-MM-DD HH:MM with a real date and time", emit)
            return
        }
        guard !body.isEmpty else {
            try reject(
                record.title.number, "record `\(record.titleText)` has a title and no body",
                "the export was cut or the body is missing; re-export it or remove the title", emit)
            return
        }
        guard !record.titleText.isEmpty else {
            try reject(
                record.title.number, "record with an empty title",
                "put the article's title on this line", emit)
            return
        }
        var published = record.published
        if published == nil { published = SearchExportReader.titleDate(record.titleText) }
        try send(
            .article(
                Article(
                    id: "\(name):\(index)", file: name, index: index, line: record.title.number,
                    title: record.titleText, outlet: record.outlet, published: published, topic: topic,
                    body: String(decoding: body, as: UTF8.self))), emit)
    }
}
