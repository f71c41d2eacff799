/// Why a whole input could not be read; the records of other inputs are still processed.
public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case encoding(path: String, found: String)
    case notAnExport(path: String, line: Int)
    /// No bytes, or only blank lines.
    case empty(path: String)
    /// A header (or blank lines) and not one record after it.
    case noRecords(path: String, line: Int)
    case noInput
    /// A FIFO, device or socket with an input's name inside a folder: never opened (it could block).
    case notRegular(path: String, kind: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder — check the path"
        case .unreadable(let path, let reason):
            let hint =
                reason.contains("permission") ? "check the permissions" : "check that it is a readable file or folder"
            return "\(path): cannot read (\(reason)) — \(hint)"
        case .binary(let path):
            return "\(path):1: binary data, not a text export — pass the exported .txt or .jsonl file"
        case .encoding(let path, let found):
            let from = found.hasPrefix("UTF-16") ? "UTF-16" : "GB18030"
            return
                "\(path):1: the file is in \(found), not UTF-8 — convert it, e.g. `iconv -f \(from) -t UTF-8 FILE > FILE.utf8.txt`"
        case .notAnExport(let path, let line):
            return
                "\(path):\(line): no `Search documents`/`搜索文档` marker and no outlet line (`Outlet· YYYY-MM-DD HH:MM`) — is this a search export? pass export .txt files or .jsonl"
        case .empty(let path):
            return
                "\(path):1: the file is empty — pass a search export (.txt) or a JSON Lines file (.jsonl) that holds articles"
        case .noRecords(let path, let line):
            return
                "\(path):\(line): no record in the file, only a header — the export holds no articles; export the search results again"
        case .notRegular(let path, let kind):
            return
                "\(path): skipped: \(kind), not a regular file — give it explicitly to read it, or remove it from the folder"
        case .noInput:
            return "no input: no .txt or .jsonl files found — pass files, folders or - for standard input"
        }
    }

    /// The path the error is about, for the account of skipped files.
    public var path: String {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .binary(let p), .encoding(let p, _), .notAnExport(let p, _),
            .empty(let p), .noRecords(let p, _), .notRegular(let p, _):
            p
        case .noInput: "-"
        }
    }
}
