import Foundation

/// A model file read as tab-separated rows, so every problem can name the file and line it stands on.
///
/// Lines starting with `#` and blank lines are skipped. The first other line must be `format<TAB>N`;
/// an unknown `N` is an error because a newer file may mean something this build cannot read.
public struct TSVFile: Sendable {
    /// One data row with the 1-based line it came from.
    public struct Row: Sendable {
        public var line: Int
        public var columns: [String]
    }

    public static let supportedFormat = 1

    public let path: String
    public let format: Int
    public let rows: [Row]

    /// Reads and splits `path`, checking its format line.
    public init(path: String) throws(ModelError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        try self.init(path: path, data: data)
    }

    /// A file with no rows, standing in for one that could not be read (its problem is reported apart).
    init(emptyAt path: String) {
        self.path = path
        format = TSVFile.supportedFormat
        rows = []
    }

    /// Splits already-read bytes; `path` only names them in errors.
    public init(path: String, data: Data) throws(ModelError) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw .notUTF8(path: path)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.path = path
        var format: Int?
        var rows: [Row] = []
        var lineNumber = 0
        // Split on the scalar: "\r\n" is one Character, so a CRLF file would otherwise be one line.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(String(String.UnicodeScalarView(rawLine)))
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if format == nil {
                guard columns.count >= 2, columns[0] == "format", let version = Int(columns[1]) else {
                    throw .missingFormat(path: path, line: lineNumber)
                }
                guard version == TSVFile.supportedFormat else {
                    throw .unknownFormat(path: path, line: lineNumber, found: version)
                }
                format = version
                continue
            }
            rows.append(Row(line: lineNumber, columns: columns))
        }
        guard let format else { throw .missingFormat(path: path, line: 1) }  // no row at all: it belongs on top
        self.format = format
        self.rows = rows
    }
}
