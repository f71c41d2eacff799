import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension InputSource {
    /// The whole of a small input (a `merge` partial): `-` is standard input, a path is opened as its
    /// bytes, and a failure says what `errno` says (`no such file`, `is a directory`), not a
    /// Foundation error number.
    public static func contents(of path: [UInt8]) throws(LoadError) -> [UInt8] {
        let display = String(decoding: path, as: UTF8.self)
        let isStandardInput = path == [0x2D]
        let fd = isStandardInput ? 0 : FileKind.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw .notFound(path: display) }
            throw .unreadable(path: display, reason: FileKind.text(code))
        }
        defer { if !isStandardInput { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .unreadable(path: display, reason: FileKind.text(errno)) }
            if got == 0 { return bytes }
            bytes += chunk[0..<got]
        }
    }
}
