import Foundation
import Scoring
import TestSupport
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Helpers of the robustness tests: inputs written to temporary folders, loads that keep file-level
/// errors, scoring runs with their account, and the `stance` binary run as a child process.
enum Robust {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The package root (`Fixture.root`).
    static var packageRoot: String { Fixture.root }

    static func path(_ relative: String) -> String { (packageRoot as NSString).appendingPathComponent(relative) }

    static var modelDirectory: String { path("Models") }
    static var seedsDirectory: String { path("Evaluations/seeds") }
    static let seedNames = ["000_8ca8292280351d11.txt", "001_dc20efa79818f8e9.txt", "002_3260e73088ab1401.txt"]

    static func seedBytes(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: (seedsDirectory as NSString).appendingPathComponent(name))
        else {
            throw Failure(description: "cannot read seed \(name)")
        }
        return Array(data)
    }

    static var loadedLexicon: Result<Lexicon, ModelError> { Fixture.loadedLexicon }

    static func lexicon() throws -> Lexicon {
        switch loadedLexicon {
        case .success(let lexicon): return lexicon
        case .failure(let error): throw Failure(description: "the model in \(modelDirectory) does not load: \(error)")
        }
    }

    // MARK: - Files

    /// A new empty folder, removed by the caller.
    static func temporaryDirectory() throws -> String {
        try Fixture.temporaryDirectory(prefix: "stance-robust").path
    }

    @discardableResult
    static func write(_ bytes: [UInt8], _ name: String, in directory: String) throws -> String {
        let file = (directory as NSString).appendingPathComponent(name)
        let parent = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw Failure(description: "cannot write \(file)")
        }
        return file
    }

    @discardableResult
    static func write(_ text: String, _ name: String, in directory: String) throws -> String {
        try write(Array(text.utf8), name, in: directory)
    }

    // MARK: - Loading

    struct Loaded {
        var articles: [Article] = []
        var rejections: [Rejection] = []
        /// File-level problems, one per file that could not be read at all.
        var errors: [LoadError] = []
        var events: Int { articles.count + rejections.count }

        mutating func add(_ event: LoadEvent) {
            switch event {
            case .article(let a): articles.append(a)
            case .rejected(let r): rejections.append(r)
            }
        }
    }

    /// Loads `paths` the way the command line does, keeping file-level errors instead of throwing.
    static func load(paths: [String]) -> Loaded {
        let source = InputSource(paths: paths)
        var loaded = Loaded(errors: source.errors)
        for file in source.files {
            do {
                try InputSource.read(file) { loaded.add($0) }
            } catch let error as LoadError {
                loaded.errors.append(error)
            } catch {
                loaded.errors.append(.unreadable(path: file.path, reason: "unexpected \(error)"))
            }
        }
        return loaded
    }

    /// Loads in-memory bytes through the same readers (no file).
    static func load(
        bytes: [UInt8], name: String = "mem.txt", format: InputSource.Format = .export,
        maxLineBytes: Int = LineReader.defaultMaxLineBytes,
        maxRecordBytes: Int = SearchExportReader.defaultMaxRecordBytes,
        chunkSize: Int = LineReader.chunkBytes
    ) -> Loaded {
        var loaded = Loaded()
        do {
            try InputSource.read(
                bytes: bytes, name: name, format: format, maxLineBytes: maxLineBytes,
                maxRecordBytes: maxRecordBytes, chunkSize: chunkSize
            ) { loaded.add($0) }
        } catch let error as LoadError {
            loaded.errors.append(error)
        } catch {
            loaded.errors.append(.unreadable(path: name, reason: "unexpected \(error)"))
        }
        return loaded
    }

    static func load(text: String, name: String = "mem.txt", format: InputSource.Format = .export) -> Loaded {
        load(bytes: Array(text.utf8), name: name, format: format)
    }

    struct Run {
        var account: RunAccount
        var scored: [ScoredArticle] = []
        var rejections: [Rejection] = []
        var skipped: [LoadError] = []
    }

    /// A full scoring run over `paths`, as `stance score` does it.
    static func run(paths: [String], threads: Int = 2) throws -> Run {
        let scoring = ScoringRun(lexicon: try lexicon(), threads: threads)
        var scored: [ScoredArticle] = []
        var rejections: [Rejection] = []
        var skipped: [LoadError] = []
        let account = try scoring.run(
            InputSource(paths: paths), result: { scored.append($0) },
            rejected: { rejections.append($0) }, skipped: { skipped.append($0) })
        return Run(account: account, scored: scored, rejections: rejections, skipped: skipped)
    }

    /// `file:line: what is wrong — what to do`.
    static func isWellFormed(_ r: Rejection) -> Bool {
        r.line >= 1 && !r.reason.isEmpty && !r.hint.isEmpty && r.description.hasPrefix("\(r.file):\(r.line): ")
            && r.description.contains(" — ")
    }

    // MARK: - Building exports

    struct Record {
        var title: String
        var outlet: String? = "Sou Hu Cai Jing"
        var date: String = "2025-07-22 06:20"
        var body: String
    }

    static let chineseBody = "中国商务部宣布对部分中重稀土相关物项实施出口管制，美国和欧盟的制造商表示将寻找替代来源，但短期内难以摆脱依赖。"
    static let englishBody =
        "Core Viewpoint - The U.S. is looking for new sources of heavy rare earths [1]. Group 1: Supply - Australia's Lynas expands [2]"

    static func records(_ count: Int) -> [Record] {
        (1...max(count, 1)).map { k in
            Record(
                title: "第\(k)篇 稀土出口管制", outlet: k % 3 == 0 ? "Xin Lang Cai Jing" : "Sou Hu Cai Jing",
                date: "2025-07-\(10 + k % 18) 0\(k % 10):2\(k % 10)",
                body: (k % 2 == 0 ? englishBody : chineseBody) + " (\(k))")
        }
    }

    /// An export with a full header; records without outlet leave out the outlet line.
    static func export(_ records: [Record], topic: String = "稀土", lineEnd: String = "\n") -> String {
        var lines = ["Workflow", topic, "icon", "Search documents"]
        for r in records {
            lines.append(r.title)
            if let outlet = r.outlet { lines.append("\(outlet)· \(r.date)") }
            lines.append(r.body)
        }
        return lines.joined(separator: lineEnd) + lineEnd
    }

    // MARK: - The command line

    /// The `stance` binary built with the tests (`Fixture.stanceBinary`).
    static var stanceBinary: String? { Fixture.stanceBinary?.path }

    static func binary() throws -> String {
        guard let binary = stanceBinary else {
            throw Failure(
                description:
                    "no `stance` binary beside the test bundle (\(CommandLine.arguments.first ?? "?")) — build the CLI product first"
            )
        }
        return binary
    }

    struct Outcome {
        var status: Int32
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var stdout: [UInt8]
        var stderr: String
        /// Peak resident memory of the child, in bytes.
        var maxRSS: Int
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// Runs `argv[0]` with `argv[1...]`; standard input from `stdinPath` (or /dev/null), outputs captured.
    /// `whileRunning` gets the pid before the child is waited for.
    static func spawn(
        _ argv: [String], stdinPath: String = "/dev/null", stdinFD: Int32? = nil, stdoutFD: Int32? = nil,
        closeInChild: [Int32] = [], stdoutPath: String? = nil, closeStderr: Bool = false,
        whileRunning: (pid_t) throws -> Void = { _ in }
    ) throws -> Outcome {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = (directory as NSString).appendingPathComponent("stdout")
        let errPath = (directory as NSString).appendingPathComponent("stderr")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinFD {
            posix_spawn_file_actions_adddup2(&actions, stdinFD, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        }
        for fd in closeInChild { posix_spawn_file_actions_addclose(&actions, fd) }
        if let stdoutFD {
            posix_spawn_file_actions_adddup2(&actions, stdoutFD, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath ?? outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        if closeStderr {
            posix_spawn_file_actions_addclose(&actions, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var environment = ProcessInfo.processInfo.environment
        environment["STANCE_MODEL"] = modelDirectory
        var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cEnv { free(p) } }

        // The child starts with no signal blocked and default handlers: a test runner's thread may block
        // SIGTERM and SIGINT, and a child inherits that mask.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), reset = sigset_t()
        sigemptyset(&none)
        sigemptyset(&reset)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&reset, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &reset)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var thrown: Error?
        do { try whileRunning(pid) } catch { thrown = error; kill(pid, SIGKILL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        if let thrown { throw thrown }
        let termSignal = status & 0x7F
        let outcome = Outcome(
            status: termSignal == 0 ? (status >> 8) & 0xFF : 128 + termSignal,
            signal: termSignal == 0 ? nil : termSignal,
            stdout: Array(FileManager.default.contents(atPath: outPath) ?? Data()),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            maxRSS: Int(usage.ru_maxrss) * 1024)
        return outcome
    }

    /// `stance ARGS` with the checkout's model.
    static func stance(_ arguments: [String], stdinPath: String = "/dev/null") throws -> Outcome {
        try spawn([try binary()] + arguments, stdinPath: stdinPath)
    }

    /// Runs `stance arguments` on an endless JSON Lines input (at most 200 MB) and hangs up its
    /// standard output after the first block, as `head -1` does: what every broken-pipe test needs.
    static func runUntilOutputCloses(_ arguments: [String]) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)  // the feeding thread writes into a pipe whose reader exits
        let (inRead, inWrite) = try pipe()
        let (outRead, outWrite) = try pipe()
        let line = Array("{\"title\": \"稀土\", \"body\": \"美国依赖中国稀土。\"}\n".utf8)
        let writer = Thread {
            // Feeds input until the child is gone (EPIPE on this pipe), or at most 200 MB.
            var total = 0
            let chunk = Array(repeating: line, count: 1000).flatMap { $0 }
            while total < 200 << 20 {
                let n = chunk.withUnsafeBytes { Glibc.write(inWrite, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                total += n
            }
            close(inWrite)
        }
        writer.start()
        return try spawn([try binary()] + arguments, stdinFD: inRead, stdoutFD: outWrite) { _ in
            close(inRead)
            close(outWrite)
            var first = [UInt8](repeating: 0, count: 4096)
            _ = read(outRead, &first, first.count)  // read one block, then hang up like `head -1`
            close(outRead)
        }
    }

    /// A pipe whose ends are not inherited by children (dup2 into a child clears the flag there).
    static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// True when the process runs as root, where file permissions do not stop reads.
    static var isRoot: Bool { getuid() == 0 }

    /// `setpriv` and the `nobody` account, to run the CLI as a user that permissions apply to.
    /// Also checks that `nobody` can run the binary, read the model and reach the temporary folder (a
    /// checkout under /root, say, is closed to it).
    static var canDropToNobody: Bool {
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/test"), getpwnam("nobody") != nil,
            let binary = stanceBinary
        else { return false }
        let probe = [
            "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "/usr/bin/test",
            "-x", binary, "-a", "-r", (modelDirectory as NSString).appendingPathComponent("manifest.tsv"),
            "-a", "-x", NSTemporaryDirectory(),
        ]
        return (try? spawn(probe))?.status == 0
    }
}

/// The robustness tests' seeded generator (TestSupport's SplitMix64).
typealias RobustRNG = SplitMix64
