import Foundation

/// The inputs named on a command line — files, folders searched recursively for `*.txt` and
/// `*.jsonl`, and `-` for standard input — expanded to a list of files in a stable order.
public struct InputSource: Sendable {
    public enum Format: String, Sendable { case export, jsonLines }

    public struct File: Sendable, Equatable {
        /// The path as given or found (`-` for standard input), for messages; invalid UTF-8 shows as U+FFFD.
        public var path: String
        public var name: String
        /// What the name suggests; the content decides (`read`), the same way for a file and a pipe.
        public var format: Format
        /// The path's bytes, as the file system has them (names need not be UTF-8).
        public var bytes: [UInt8]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            path = String(decoding: bytes, as: UTF8.self)
            name = (path as NSString).lastPathComponent
            format = name.lowercased().hasSuffix(".jsonl") ? .jsonLines : .export
        }
    }

    public private(set) var files: [File] = []
    /// Inputs that could not be used: missing paths, unreadable folders, special files inside folders.
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
        self.init(pathBytes: paths.map { Array($0.utf8) })
    }

    /// Expands paths given as bytes (a name that is not UTF-8 still opens).
    public init(pathBytes: [[UInt8]]) {
        for path in pathBytes {
            if path == [0x2D] {
                files.append(File(bytes: path))
                continue
            }
            switch FileKind.of(path, follow: true) {
            case .failure(let error):
                let code = error.code
                let display = String(decoding: path, as: UTF8.self)
                errors.append(
                    code == ENOENT
                        ? .notFound(path: display) : .unreadable(path: display, reason: FileKind.text(code)))
            case .success(.directory): walk(path)
            // A FIFO, device or socket named explicitly is read as it is (`stance score <(cmd)`).
            case .success: files.append(File(bytes: path))
            }
        }
    }

    /// Adds the `*.txt` and `*.jsonl` files under `folder`, sorted by path; a special file with such a
    /// name, an unreadable subfolder or a name too long to open is listed as an error, never skipped
    /// silently and never opened (a FIFO would block the run).
    private mutating func walk(_ folder: [UInt8]) {
        var found: [[UInt8]] = []
        var pending: [[UInt8]] = [folder]
        while let directory = pending.popLast() {
            switch FileKind.list(directory) {
            case .failure(let error):
                let display = String(decoding: directory, as: UTF8.self)
                errors.append(.unreadable(path: display, reason: FileKind.text(error.code) + ": folder skipped"))
            case .success(let names):
                for name in names {
                    let full = directory.last == 0x2F ? directory + name : directory + [0x2F] + name
                    let kind = FileKind.of(full, follow: true)
                    if case .success(.directory) = kind {
                        // A link to a folder is not followed (it could loop).
                        if case .success(.directory) = FileKind.of(full, follow: false) { pending.append(full) }
                        continue
                    }
                    guard InputSource.hasInputExtension(name) else { continue }
                    found.append(full)
                }
            }
        }
        for path in found.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let display = String(decoding: path, as: UTF8.self)
            switch FileKind.of(path, follow: true) {
            case .success(.regular): files.append(File(bytes: path))
            case .success(let other): errors.append(.notRegular(path: display, kind: other.description))
            case .failure(let error): errors.append(.unreadable(path: display, reason: FileKind.text(error.code)))
            }
        }
    }

    static func hasInputExtension(_ name: [UInt8]) -> Bool {
        let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return lower.suffix(4).elementsEqual(".txt".utf8) || lower.suffix(6).elementsEqual(".jsonl".utf8)
    }

    static func file(_ path: String) -> File { File(bytes: Array(path.utf8)) }

    /// Streams every record of `file` through `emit`; a file-level problem is thrown.
    public static func read(_ file: File, emit: (LoadEvent) throws -> Void) throws {
        var fd: Int32 = 0
        if file.path != "-" {
            fd = FileKind.withCString(file.bytes) { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else {
                let code = errno
                if code == ENOENT { throw LoadError.notFound(path: file.path) }
                throw LoadError.unreadable(path: file.path, reason: FileKind.text(code))
            }
        }
        defer { if file.path != "-" { close(fd) } }
        var lines = LineReader(fd: fd)
        try read(lines: &lines, format: file.format, sniff: true, name: file.name, path: file.path, emit: emit)
    }

    /// Reads in-memory bytes exactly as a file of that name would be read (tests and fuzzing);
    /// `chunkSize` and the limits can be made small to reach the code paths of large inputs.
    static func read(
        bytes: [UInt8], name: String, format: Format, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
        maxRecordBytes: Int = SearchExportReader.defaultMaxRecordBytes,
        chunkSize: Int = LineReader.chunkBytes, sniff: Bool = false, emit: (LoadEvent) throws -> Void
    ) throws {
        var lines = LineReader(bytes: bytes, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        try read(
            lines: &lines, format: format, sniff: sniff, name: name, path: name,
            maxRecordBytes: maxRecordBytes, emit: emit)
    }

    private static func read(
        lines: inout LineReader, format: Format, sniff: Bool, name: String, path: String,
        maxRecordBytes: Int = SearchExportReader.defaultMaxRecordBytes,
        emit: (LoadEvent) throws -> Void
    ) throws {
        var isJSON = format == .jsonLines
        if sniff {
            // The content decides, the same way for a file and a pipe: a first non-blank line starting
            // with `{` (however long) is JSON Lines; a `.jsonl` name whose first line is not is JSON
            // Lines only if one of the first 40 non-blank lines starts with `{` (else it is an export
            // wrongly named, and one record per line would be wrong).
            var first: [Line] = []
            var nonBlank = 0
            var firstIsJSON: Bool?
            var anyJSON = false
            while nonBlank < 40, let line = try lines.next(path: path) {
                first.append(line)
                if line.isBlank && !line.tooLong { continue }
                nonBlank += 1
                let opens = (line.tooLong ? line.head : line.bytes).first(where: { $0 != 0x20 && $0 != 0x09 }) == 0x7B
                if firstIsJSON == nil { firstIsJSON = opens }
                anyJSON = anyJSON || opens
                if opens || format == .export { break }
            }
            isJSON = firstIsJSON == true || (format == .jsonLines && (anyJSON || firstIsJSON == nil))
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
