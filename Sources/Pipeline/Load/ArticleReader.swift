import Foundation

/// What a reader hands on for each record, in file order.
public enum LoadEvent: Sendable {
    case article(Article)
    case rejected(Rejection)
}

/// A reader for one input format: turns lines into articles and rejections, one at a time.
public protocol ArticleReader {
    /// Reads the lines of one input (named `name` in ids, `path` in messages), emitting each record as
    /// soon as it is complete, so memory does not grow with the number of articles.
    mutating func read(
        lines: inout LineReader, name: String, path: String,
        emit: (LoadEvent) throws -> Void) throws
}

extension Rejection {
    static func tooLong(_ path: String, _ line: Line) -> Rejection {
        let mb = Double(line.length) / 1_048_576
        return Rejection(
            file: path, line: line.number,
            reason:
                "line is \(String(format: "%.1f", mb)) MB long, over the \(LineReader.defaultMaxLineBytes >> 20) MB limit for one record",
            hint: "this is not an exported article; split it into records or remove it")
    }

    static func binaryData(_ path: String, _ line: Int) -> Rejection {
        Rejection(
            file: path, line: line, reason: "control characters (binary data) in the record",
            hint: "the file is damaged here; re-export it or remove the record")
    }

    static func invalidUTF8(_ path: String, _ line: Int) -> Rejection {
        Rejection(
            file: path, line: line, reason: "invalid UTF-8 in the record",
            hint: "re-export the file as UTF-8 or fix the damaged bytes")
    }
}
