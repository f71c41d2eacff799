import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An `errno` value carried as an error.
struct Errno: Error, Equatable {
    var code: Int32
}

/// The type of a file system entry, found from its path as bytes (names need not be UTF-8).
enum FileKind: Equatable, CustomStringConvertible {
    case regular, directory, fifo, socket, characterDevice, blockDevice, link

    var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .link: "a symbolic link"
        }
    }

    /// The kind of `path`, through symbolic links when `follow`; on failure, `errno`.
    static func of(_ path: [UInt8], follow: Bool) -> Result<FileKind, Errno> {
        var st = stat()
        let status = withCString(path) { follow ? stat($0, &st) : lstat($0, &st) }
        guard status == 0 else { return .failure(Errno(code: errno)) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .success(.regular)
        case S_IFDIR: return .success(.directory)
        case S_IFIFO: return .success(.fifo)
        case S_IFSOCK: return .success(.socket)
        case S_IFCHR: return .success(.characterDevice)
        case S_IFBLK: return .success(.blockDevice)
        default: return .success(.link)
        }
    }

    /// The names in folder `path` (without `.` and `..`), or `errno`.
    static func list(_ path: [UInt8]) -> Result<[[UInt8]], Errno> {
        guard let dir = withCString(path, { opendir($0) }) else { return .failure(Errno(code: errno)) }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(Errno(code: errno)) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return .success(names)
    }

    static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        // A NUL inside the path would end it early: it names no file (open gives ENOENT for "").
        let bytes = path.contains(0) ? [0] : path + [0]
        return bytes.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in
                c.baseAddress.map(body) ?? body("")
            }
        }
    }

    /// `errno` as lower-case text.
    static func text(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
