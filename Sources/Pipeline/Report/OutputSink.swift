import Foundation

/// Where output goes: standard output, or a file written atomically — to a temporary file beside it,
/// renamed over the target only when the run succeeds, so a failed or interrupted run leaves the
/// previous file intact and no partial file behind.
///
/// A write that fails (disk full, a closed pipe such as `stance score | head`) never crashes: writing
/// stops, and `commit()` throws the error.
public final class OutputSink {
    private let handle: FileHandle
    private let temporaryPath: String?
    private let targetPath: String?
    private var buffer: [UInt8] = []
    private var finished = false
    /// The first write error; later writes are dropped.
    private var failure: String?

    static let standardOutputName = "standard output"

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
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError.cannotCreate(path: path)
        }
        // Registered before the file exists, so an interrupt at any point removes it.
        OutputSink.register(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            OutputSink.unregister(temporary)
            unlink(temporary)
            throw OutputError.cannotCreate(path: path)
        }
        self.handle = handle
        temporaryPath = temporary
        targetPath = path
    }

    public func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes UTF-8 bytes as they are (rows formatted as bytes need no `String` on the way).
    public func write(bytes: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = OutputSink.reason(error)
        }
    }

    /// Flushes and, for a file, moves it into place; throws when any write failed (and then the
    /// target is left as it was).
    public func commit() throws {
        flush()
        if let failure {
            discard()
            throw OutputError.writeFailed(path: targetPath ?? OutputSink.standardOutputName, reason: failure)
        }
        finished = true
        guard let temporaryPath, let targetPath else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw OutputError.writeFailed(path: targetPath, reason: OutputSink.reason(error))
        }
        if rename(temporaryPath, targetPath) != 0 {
            unlink(temporaryPath)
            OutputSink.unregister(temporaryPath)
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

    static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return error.localizedDescription
    }

    // Temporary files to remove if the process is interrupted (SIGINT/SIGTERM). Kept as C strings in
    // fixed slots, so the signal handler neither locks nor allocates (both unsafe in a handler).
    private static let slotCount = 16
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
        slots.initialize(repeating: nil, count: slotCount)
        return slots
    }()
    private static let lock = NSLock()
    /// Set once a slot was used: until then the handler does not touch `slots` (whose lazy
    /// initialisation allocates).
    nonisolated(unsafe) private static var active = false

    private static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for k in 0..<slotCount where slots[k] == nil {
            slots[k] = strdup(path)
            active = true
            return
        }
    }

    private static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for k in 0..<slotCount {
            guard let slot = slots[k], String(cString: slot) == path else { continue }
            slots[k] = nil
            free(slot)
            return
        }
    }

    /// Removes temporary files of unfinished outputs; async-signal-safe, called from the signal handler.
    public static func removePending() {
        guard active else { return }
        for k in 0..<slotCount {
            if let slot = slots[k] { unlink(slot) }
        }
    }
}

public enum OutputError: Error, CustomStringConvertible {
    case cannotCreate(path: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): "\(path): cannot write the output — check that the folder exists and is writable"
        case .writeFailed(let path, let reason):
            path == OutputSink.standardOutputName
                ? "\(path): writing the output failed (\(reason)) — the output was cut short; check what reads it (a closed pipe, a full disk)"
                : "\(path): writing the output failed (\(reason)) — the previous file was left as it was; free some space and run again"
        }
    }
}
