import Foundation

/// The record-splitting state machine behind `SearchExportReader`, fed one line at a time.
struct ExportParser {
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

    static func isMarkerText(_ line: Line) -> Bool {
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
        } else if ExportParser.isMarkerText(line) {
            try secondMarker(emit)
        } else {
            try hold(line, emit)
        }
    }

    mutating func header(_ line: Line, _ emit: Emit) throws {
        if ExportParser.isMarkerText(line) {
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
            guard line.isKnownValid || UTF8Bytes.isValid(line.bytes) else {
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
