import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Temporary files to remove if the process is ended by a signal. Kept as C strings in fixed slots, so
/// the signal handler neither locks nor allocates (both unsafe in a handler).
extension OutputSink {
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

    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for k in 0..<slotCount where slots[k] == nil {
            slots[k] = strdup(path)
            active = true
            return
        }
    }

    static func unregister(_ path: String) {
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

    /// Every signal whose default action ends the process and that a handler can catch (SIGKILL and
    /// SIGSTOP cannot be; SIGPIPE is ignored instead, so a closed pipe becomes a write error).
    public static let terminatingSignals: [Int32] = [
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
        SIGIO, SIGPWR, SIGSTKFLT,
    ]

    /// Makes sure descriptors 0, 1 and 2 are open (on `/dev/null` where closed), so no file the run
    /// opens (an output's temporary file) becomes standard error or standard output by accident.
    public static func openStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // open returns the lowest free descriptor: this one.
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd { close(opened) }
        }
    }
}
