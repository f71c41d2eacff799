import Foundation

/// Reads JSON Lines (FORMATS.md §2): one article object per line; a broken line is rejected on its
/// own and the rest of the file still loads.
public struct JSONLinesReader: ArticleReader {
    public init() {}

    public mutating func read(
        lines: inout LineReader, name: String, path: String,
        emit: (LoadEvent) throws -> Void
    ) throws {
        var records = 0
        // Ids given in the file, with their line: a repeated id would merge two articles downstream.
        var ids: [String: Int] = [:]
        while let line = try lines.next(path: path) {
            if line.tooLong { records += 1; try emit(.rejected(.tooLong(path, line))); continue }
            if line.isBlank { continue }
            records += 1
            guard line.text != nil else { try emit(.rejected(.invalidUTF8(path, line.number))); continue }
            var event = JSONLinesReader.parse(line, name: name, path: path)
            // Only ids the file gives are kept (the default `name:line` is unique by construction).
            if case .article(let article) = event, article.id != "\(name):\(line.number)" {
                if let first = ids[article.id] {
                    event = .rejected(
                        Rejection(
                            file: path, line: line.number, reason: "duplicate id `\(article.id)` (also line \(first))",
                            hint: "give each article its own id, or leave `id` out"))
                } else {
                    ids[article.id] = line.number
                }
            }
            try emit(event)
        }
        if records == 0 { throw LoadError.empty(path: path) }
    }

    static func parse(_ line: Line, name: String, path: String) -> LoadEvent {
        func reject(_ reason: String, _ hint: String) -> LoadEvent {
            .rejected(Rejection(file: path, line: line.number, reason: reason, hint: hint))
        }
        let object: Any
        do {
            // Fragments allowed, so `null` or `123` is told apart from broken JSON.
            object = try JSONSerialization.jsonObject(with: Data(line.bytes), options: [.fragmentsAllowed])
        } catch {
            return reject("not valid JSON", "each line must be one JSON object: {\"title\": ..., \"body\": ...}")
        }
        guard let fields = object as? [String: Any] else {
            return reject(
                "the line is JSON, but not an object", "write one {\"title\": ..., \"body\": ...} object per line")
        }
        func string(_ key: String) -> String?? {
            guard let value = fields[key], !(value is NSNull) else { return .some(nil) }
            if let s = value as? String { return .some(s) }
            return .none
        }
        // Blank text scores nothing and would count as a scored article: rejected like an empty one.
        let blank = { (text: String) in text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
        guard case .some(let titleValue) = string("title"), let title = titleValue, !blank(title) else {
            return reject("missing, empty or blank `title`", "every article needs a string title")
        }
        guard case .some(let bodyValue) = string("body"), let body = bodyValue, !blank(body) else {
            return reject("missing, empty or blank `body`", "every article needs a string body")
        }
        guard case .some(let outlet) = string("outlet"), case .some(let publishedText) = string("published"),
            case .some(let id) = string("id"), case .some(let topic) = string("topic")
        else {
            return reject("`outlet`, `published`, `id` and `topic` must be strings when present", "quote the value")
        }
        // Control characters (\u0000 and the like) are binary damage, not text; tab and line ends are fine.
        let control: (Unicode.Scalar) -> Bool = {
            $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\u{0C}"
        }
        if [title, body, outlet ?? "", id ?? "", topic ?? ""].contains(where: {
            $0.unicodeScalars.contains(where: control)
        }) {
            return reject("control characters (binary data) in a field", "remove them or re-export the file")
        }
        var published: Timestamp?
        if let publishedText, !publishedText.isEmpty {
            guard let stamp = Timestamp.parse(publishedText) else {
                return reject(
                    "bad date `\(publishedText)` in `published`",
                    "write YYYY-MM-DD HH:MM (China time) or ISO 8601 such as 2025-07-22T06:20:00+08:00")
            }
            published = stamp
        }
        return .article(
            Article(
                id: id ?? "\(name):\(line.number)", file: name, index: line.number, line: line.number, title: title,
                outlet: outlet, published: published, topic: topic, body: body))
    }
}
