import Scoring

/// One article as loaded from an export or a JSON Lines file.
public struct Article: Sendable, Equatable {
    /// `<file>:<n>` (FORMATS.md §3), or the JSON Lines `id`.
    public var id: String
    /// The file's base name (`-` for standard input).
    public var file: String
    /// 1-based position of the record in its file (JSON Lines: the line).
    public var index: Int
    /// 1-based line of the title in the file.
    public var line: Int
    public var title: String
    /// The outlet as written; `nil` when the record has none.
    public var outlet: String?
    public var published: Timestamp?
    public var topic: String?
    public var body: String

    public init(
        id: String, file: String, index: Int, line: Int, title: String, outlet: String?,
        published: Timestamp?, topic: String?, body: String
    ) {
        self.id = id
        self.file = file
        self.index = index
        self.line = line
        self.title = title
        self.outlet = outlet
        self.published = published
        self.topic = topic
        self.body = body
    }
}

/// A record that could not be scored, with where it is and what to do about it.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var hint: String

    public init(file: String, line: Int, reason: String, hint: String) {
        self.file = file
        self.line = line
        self.reason = reason
        self.hint = hint
    }

    public var description: String { "\(file):\(line): \(reason) — \(hint)" }
}
