import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `--output PATH` names, and so how it may be written.
enum OutputTarget {
    /// A regular file or a new path: written to a temporary file and renamed over `target`; `existing`
    /// holds the mode and owner of the file replaced.
    case replace(target: String, existing: (mode: mode_t, owner: (uid_t, gid_t))?)
    /// A device, FIFO or symbolic link: opened as it is and written in place.
    case inPlace(String)

    /// Decides how `path` is written, or why it cannot be.
    static func resolve(_ path: String) throws(OutputError) -> OutputTarget {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            let code = errno
            if code == ENOENT { return .replace(target: path, existing: nil) }
            throw .cannotCreate(path: path, reason: String(cString: strerror(code)).lowercased())
        }
        if link.st_mode & S_IFMT == S_IFLNK {
            // The link's target is written (through the link), never the link replaced by a file.
            var target = stat()
            if stat(path, &target) == 0 {
                if target.st_mode & S_IFMT == S_IFDIR { throw .unsupported(path: path, what: "a folder") }
                if target.st_mode & S_IFMT == S_IFSOCK { throw .unsupported(path: path, what: "a socket") }
            }
            return .inPlace(path)
        }
        switch link.st_mode & S_IFMT {
        case S_IFREG: return .replace(target: path, existing: (link.st_mode & 0o7777, (link.st_uid, link.st_gid)))
        case S_IFDIR: throw .unsupported(path: path, what: "a folder")
        case S_IFSOCK: throw .unsupported(path: path, what: "a socket")
        default: return .inPlace(path)  // character or block device, FIFO
        }
    }

    /// `.NAME.PID.tmp` beside `target`, the name shortened so the temporary name stays within the
    /// 255-byte limit of a file name whenever `target`'s own name does.
    static func temporaryPath(for target: String) -> String {
        let directory = (target as NSString).deletingLastPathComponent
        var name = (target as NSString).lastPathComponent
        while name.utf8.count > 200 { name.removeLast() }
        return ((directory.isEmpty ? "." : directory) as NSString)
            .appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    /// The first of `inputs` that is the same file as `output` (same device and inode, through links),
    /// or nil: writing it would destroy an input of the run.
    public static func input(among inputs: [String], sameAs output: String) -> String? {
        var out = stat()
        guard stat(output, &out) == 0, out.st_mode & S_IFMT == S_IFREG else { return nil }
        for input in inputs where input != "-" {
            var st = stat()
            if stat(input, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino { return input }
        }
        return nil
    }
}

extension OutputSink {
    /// Refuses an output that is one of the inputs (`--output` naming a file the run reads).
    public static func checkNotInput(_ output: String, inputs: [String]) throws(OutputError) {
        if let input = OutputTarget.input(among: inputs, sameAs: output) {
            throw .isInput(path: output, input: input)
        }
    }
}
