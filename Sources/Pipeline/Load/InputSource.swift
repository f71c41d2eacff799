import Foundation

/// The inputs named on a command line — files, folders searched recursively for `*.txt` and
/// `*.jsonl`, and `-` for standard input — expanded to a list of files in a stable order.
public struct InputSource: Sendable {
    public enum Format: String, Sendable { case export, jsonLines }

    public struct File: Sendable, Equatable {
        /// The path as given or found (`-` for standard input).
        public var path: String
        public var name: String
        public var format: Format
    }

    public private(set) var files: [File] = []
    /// Inputs that could not be used: missing paths, unreadable folders.
    public private(set) var errors: [LoadError] = []

    /// Expands `paths`. Folder contents are sorted by path so output order never depends on the file system.
    public init(paths: [String]) {
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(File(path: "-", name: "-", format: .export))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.notFound(path: path))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    errors.append(.unreadable(path: path, reason: "cannot list the folder"))
                    continue
                }
                var found: [String] = []
                while let relative = walker.nextObject() as? String {
                    let lower = relative.lowercased()
                    if lower.hasSuffix(".txt") || lower.hasSuffix(".jsonl") { found.append(relative) }
                }
                for relative in found.sorted() {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), sub.boolValue { continue }
                    files.append(InputSource.file(full))
                }
            } else {
                files.append(InputSource.file(path))
            }
        }
    }

    static func file(_ path: String) -> File {
        let name = (path as NSString).lastPathComponent
        return File(path: path, name: name, format: name.lowercased().hasSuffix(".jsonl") ? .jsonLines : .export)
    }

    /// Streams every record of `file` through `emit`; a file-level problem is thrown.
    public static func read(_ file: File, emit: (LoadEvent) throws -> Void) throws {
        let handle: FileHandle
        if file.path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard FileManager.default.isReadableFile(atPath: file.path),
                  let opened = FileHandle(forReadingAtPath: file.path)
            else {
                throw LoadError.unreadable(path: file.path, reason: "permission denied or not a regular file")
            }
            handle = opened
        }
        defer { if file.path != "-" { try? handle.close() } }
        var lines = LineReader(handle: handle)
        switch file.format {
        case .export:
            if file.path == "-" {
                // Standard input may hold either format: sniff the first non-blank line.
                var sniffer = StdinSniffer(lines: lines)
                try sniffer.read(name: file.name, path: file.path, emit: emit)
            } else {
                var reader = SearchExportReader()
                try reader.read(lines: &lines, name: file.name, path: file.path, emit: emit)
            }
        case .jsonLines:
            var reader = JSONLinesReader()
            try reader.read(lines: &lines, name: file.name, path: file.path, emit: emit)
        }
    }
}

/// Standard input carries no file name: a first line starting with `{` means JSON Lines.
struct StdinSniffer {
    var lines: LineReader

    mutating func read(name: String, path: String, emit: (LoadEvent) throws -> Void) throws {
        var first: [Line] = []
        while let line = try lines.next(path: path) {
            first.append(line)
            if !line.isBlank { break }
        }
        let isJSON = first.last?.bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{")
        var replay = ReplayLines(head: first, rest: lines)
        if isJSON {
            for line in replay.head where !line.isBlank {
                try emit(line.tooLong ? .rejected(.tooLong(path, line)) : JSONLinesReader.parse(line, name: name, path: path))
            }
            var reader = JSONLinesReader()
            try reader.read(lines: &replay.rest, name: name, path: path, emit: emit)
        } else {
            var combined = replay.rest
            combined.unread(replay.head)
            var reader = SearchExportReader()
            try reader.read(lines: &combined, name: name, path: path, emit: emit)
        }
    }

    struct ReplayLines {
        var head: [Line]
        var rest: LineReader
    }
}
