import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where output goes, and the one way `stance` writes it: standard output, a file replaced
/// atomically, or a special file written in place.
///
/// A regular file (or a new path) is written to a hidden temporary file beside it (`.NAME.PID.tmp`),
/// given the target's mode and owner, and renamed over the target only when the run succeeds, so a
/// failed or interrupted run leaves the previous file intact. A device, FIFO or terminal is never
/// replaced (renaming over `/dev/null` would break it for the whole machine): it is opened and
/// written in place. A symbolic link is followed: its target is written, never the link itself.
///
/// A write that fails (disk full, a closed pipe such as `stance score | head`) never crashes: writing
/// stops, `failed` turns true (so a run can stop reading at once), and `commit()` throws the error.
public final class OutputSink {
    private var fd: Int32
    private let ownsDescriptor: Bool
    /// Set for an atomic file output: the hidden temporary file and the target it replaces.
    private let temporaryPath: String?
    private let targetPath: String?
    /// The name used in messages (standard output, or the path as given).
    public let name: String
    private var buffer: [UInt8] = []
    private var finished = false
    /// The first write error; later writes are dropped.
    private var failure: String?

    static let standardOutputName = "standard output"

    /// Standard output.
    public init() {
        fd = 1
        ownsDescriptor = false
        temporaryPath = nil
        targetPath = nil
        name = OutputSink.standardOutputName
    }

    /// The file at `path`: replaced atomically on `commit()` when it is a regular file or does not exist,
    /// written in place when it is a device or a FIFO (through any symbolic link).
    public init(path: String) throws(OutputError) {
        name = path
        switch try OutputTarget.resolve(path) {
        case .inPlace(let resolved):
            let fd = open(resolved, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotCreate(path: path, reason: OutputSink.errnoText()) }
            self.fd = fd
            ownsDescriptor = true
            temporaryPath = nil
            targetPath = nil
        case .replace(let target, let existing):
            let temporary = OutputTarget.temporaryPath(for: target)
            // Registered before the file exists, so a signal at any point removes it.
            OutputSink.register(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing.map { $0.mode } ?? 0o666)
            guard fd >= 0 else {
                let reason = OutputSink.errnoText()
                OutputSink.unregister(temporary)
                throw .cannotCreate(path: path, reason: reason)
            }
            if let existing {
                // A 600 file stays 600 and keeps its owner (the umask applied at creation is undone).
                _ = fchmod(fd, existing.mode)
                if existing.owner != (geteuid(), getegid()) { _ = fchown(fd, existing.owner.0, existing.owner.1) }
            }
            self.fd = fd
            ownsDescriptor = true
            temporaryPath = temporary
            targetPath = target
        }
    }

    /// True once a write failed: the rest of the output would be lost, so a run should stop.
    public var failed: Bool { failure != nil }

    public func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes UTF-8 bytes as they are (rows formatted as bytes need no `String` on the way).
    public func write(bytes: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        let fd = self.fd
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = OutputSink.errnoText()
                    return
                }
                done += n
            }
        }
    }

    /// Flushes and, for an atomic file, moves it into place; throws when any write failed (and then
    /// the target is left as it was).
    public func commit() throws(OutputError) {
        flush()
        if failure == nil, temporaryPath != nil, fsync(fd) != 0 { failure = OutputSink.errnoText() }
        if failure == nil, ownsDescriptor {
            let closed = close(fd)
            fd = -1
            if closed != 0 && errno != EINTR { failure = OutputSink.errnoText() }
        }
        if let failure {
            discard()
            throw .writeFailed(path: name, reason: failure, replaced: temporaryPath != nil)
        }
        finished = true
        guard let temporaryPath, let targetPath else { return }
        if rename(temporaryPath, targetPath) != 0 {
            let reason = OutputSink.errnoText()
            unlink(temporaryPath)
            OutputSink.unregister(temporaryPath)
            throw .cannotCreate(path: name, reason: reason)
        }
        OutputSink.unregister(temporaryPath)
    }

    /// Drops the output: an atomic file's temporary file is removed and the target left as it was.
    public func discard() {
        finished = true
        if ownsDescriptor && fd >= 0 {
            close(fd)
            fd = -1
        }
        guard let temporaryPath else { return }
        unlink(temporaryPath)
        OutputSink.unregister(temporaryPath)
    }

    deinit { if !finished { discard() } }

    /// The current `errno` as lower-case text (`broken pipe`, `no space left on device`).
    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}

public enum OutputError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String, replaced: Bool)
    /// `--output` names a file the run reads.
    case isInput(path: String, input: String)
    case unsupported(path: String, what: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason):
            let hint =
                reason.contains("name too long")
                ? "use a shorter file name"
                : reason.contains("no such file")
                    ? "check that the folder exists" : "check the folder and its permissions"
            return "\(path): cannot write the output (\(reason)) — \(hint)"
        case .writeFailed(let path, let reason, let replaced):
            return replaced
                ? "\(path): writing the output failed (\(reason)) — the previous file was left as it was; free some space and run again"
                : "\(path): writing the output failed (\(reason)) — the output was cut short; check what reads it (a closed pipe, a full disk)"
        case .isInput(let path, let input):
            return
                "\(path): --output names an input of this run (\(input)) — writing it would destroy that input; choose another output file"
        case .unsupported(let path, let what):
            return "\(path): cannot write the output to \(what) — give a regular file, a new path, a device or a FIFO"
        }
    }
}
