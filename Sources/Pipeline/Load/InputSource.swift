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

    /// Base names held by more than one input file, with their paths: article ids (`<file>:<n>`,
    /// FORMATS.md §3) use the base name, so such files give colliding ids.
    public var sharedNames: [(name: String, paths: [String])] {
        var byName: [String: [String]] = [:]
        for file in files where file.path != "-" { byName[file.name, default: []].append(file.path) }
        return byName.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

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
            let fd = open(file.path, O_RDONLY)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno)).lowercased()
                throw LoadError.unreadable(path: file.path, reason: reason)
            }
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        }
        defer { if file.path != "-" { try? handle.close() } }
        var lines = LineReader(handle: handle)
        try read(
            lines: &lines, format: file.format, sniff: file.path == "-", name: file.name, path: file.path, emit: emit)
    }

    /// Reads in-memory bytes exactly as a file of that name would be read (tests and fuzzing);
    /// `chunkSize` and the limits can be made small to reach the code paths of large inputs.
    static func read(
        bytes: [UInt8], name: String, format: Format, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
        maxRecordBytes: Int = SearchExportReader.defaultMaxRecordBytes,
        chunkSize: Int = LineReader.chunkBytes, emit: (LoadEvent) throws -> Void
    ) throws {
        var lines = LineReader(bytes: bytes, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        try read(
            lines: &lines, format: format, sniff: false, name: name, path: name,
            maxRecordBytes: maxRecordBytes, emit: emit)
    }

    private static func read(
        lines: inout LineReader, format: Format, sniff: Bool, name: String, path: String,
        maxRecordBytes: Int = SearchExportReader.defaultMaxRecordBytes,
        emit: (LoadEvent) throws -> Void
    ) throws {
        var isJSON = format == .jsonLines
        if sniff {
            // Standard input may hold either format: a first non-blank line starting with `{` means JSON Lines.
            var first: [Line] = []
            while let line = try lines.next(path: path) {
                first.append(line)
                if !line.isBlank || line.tooLong { break }
            }
            isJSON = first.last?.bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{")
            lines.unread(first)
        }
        if isJSON {
            var reader = JSONLinesReader()
            try reader.read(lines: &lines, name: name, path: path, emit: emit)
        } else {
            var reader = SearchExportReader(maxRecordBytes: maxRecordBytes)
            try reader.read(lines: &lines, name: name, path: path, emit: emit)
        }
    }
}
