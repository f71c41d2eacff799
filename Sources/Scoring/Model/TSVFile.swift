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
        guard String(data: data, encoding: .utf8) != nil else {
            throw .notUTF8(path: path)
        }
        self.path = path
        var format: Int?
        var rows: [Row] = []
        var lineNumber = 0
        // Split the UTF-8 bytes (already checked above) on "\n": a "\r\n" is one Character, so a CRLF file
        // split on Characters would be one line; bytes also spare building each line scalar by scalar.
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let columns = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
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
