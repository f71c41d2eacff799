import Foundation

/// Where output goes: standard output, or a file written atomically — to a temporary file beside it,
/// renamed over the target only when the run succeeds, so a failed or interrupted run leaves the
/// previous file intact and no partial file behind.
public final class OutputSink {
    private let handle: FileHandle
    private let temporaryPath: String?
    private let targetPath: String?
    private var buffer: [UInt8] = []
    private var finished = false

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        temporaryPath = nil
        targetPath = nil
    }

    /// A file, replaced atomically on `commit()`.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = ((directory.isEmpty ? "." : directory) as NSString)
            .appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw OutputError.cannotCreate(path: path)
        }
        self.handle = handle
        temporaryPath = temporary
        targetPath = path
        OutputSink.register(temporary)
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place.
    public func commit() throws {
        flush()
        finished = true
        guard let temporaryPath, let targetPath else { return }
        try? handle.synchronize()
        try? handle.close()
        if rename(temporaryPath, targetPath) != 0 {
            unlink(temporaryPath)
            throw OutputError.cannotCreate(path: targetPath)
        }
        OutputSink.unregister(temporaryPath)
    }

    /// Drops a file output: the temporary file is removed, the target left as it was.
    public func discard() {
        finished = true
        guard let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
        OutputSink.unregister(temporaryPath)
    }

    deinit { if !finished { discard() } }

    // Temporary files to remove if the process is interrupted (SIGINT/SIGTERM).
    nonisolated(unsafe) private static var pending: [String] = []
    private static let lock = NSLock()

    private static func register(_ path: String) {
        lock.lock()
        pending.append(path)
        lock.unlock()
    }

    private static func unregister(_ path: String) {
        lock.lock()
        pending.removeAll { $0 == path }
        lock.unlock()
    }

    /// Removes temporary files of unfinished outputs; called from the signal handler path.
    public static func removePending() {
        lock.lock()
        for path in pending { unlink(path) }
        pending.removeAll()
        lock.unlock()
    }
}

public enum OutputError: Error, CustomStringConvertible {
    case cannotCreate(path: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): "\(path): cannot write the output — check that the folder exists and is writable"
        }
    }
}
