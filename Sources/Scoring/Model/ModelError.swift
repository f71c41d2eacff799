import Foundation

/// Why a model could not be used, with the file and line to fix.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(tried: [String])
    case unreadable(path: String)
    case notUTF8(path: String)
    case missingFormat(path: String, line: Int)
    case unknownFormat(path: String, line: Int, found: Int)
    case invalid([ModelIssue])

    public var description: String {
        switch self {
        case .notFound(let tried):
            return "no model found; tried " + tried.joined(separator: ", ")
                + " — pass --model DIR, set STANCE_MODEL, or run from a checkout that has Models/"
        case .unreadable(let path):
            return "\(path): cannot read the model file — check that it exists and is readable"
        case .notUTF8(let path):
            return "\(path): not UTF-8 text — save the model file as UTF-8"
        case .missingFormat(let path, let line):
            return "\(path):\(line): the first row must be `format<TAB>\(TSVFile.supportedFormat)`"
                + " — add it above the entries"
        case .unknownFormat(let path, let line, let found):
            return "\(path):\(line): unknown model format version \(found); this build reads version "
                + "\(TSVFile.supportedFormat) — use a stance build that matches the model, or convert the file"
        case .invalid(let issues):
            return issues.map(\.description).joined(separator: "\n")
        }
    }
}

extension ModelError {
    /// The error as `file:line` issues, for `stance model check`.
    public var issues: [ModelIssue] {
        switch self {
        case .notFound:
            return [ModelIssue(path: "-", line: 0, description)]
        case .unreadable(let path):
            return [
                ModelIssue(path: path, line: 1, "cannot read the model file — check that it exists and is readable")
            ]
        case .notUTF8(let path):
            return [ModelIssue(path: path, line: 1, "not UTF-8 text — save the model file as UTF-8")]
        case .missingFormat(let path, let line):
            return [
                ModelIssue(
                    path: path, line: line,
                    "no format line: the first row must be `format<TAB>\(TSVFile.supportedFormat)` — add it above the entries"
                )
            ]
        case .unknownFormat(let path, let line, let found):
            return [
                ModelIssue(
                    path: path, line: line,
                    "unknown model format version \(found); this build reads version \(TSVFile.supportedFormat) — use a stance build that matches the model, or convert the file"
                )
            ]
        case .invalid(let issues):
            return issues
        }
    }
}

/// One problem in a model file, reported by `stance model check` and on load.
public struct ModelIssue: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var path: String
    public var line: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int, severity: Severity = .error, _ message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }
}
