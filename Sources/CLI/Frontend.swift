import Foundation
import Pipeline
import Scoring

/// Shared plumbing of the subcommands: exit codes, standard error, model loading.
enum Frontend {
    enum Exit: Int32 {
        case ok = 0
        case fatal = 1
        case usage = 2
        case rejected = 3
    }

    static func error(_ message: String) {
        note("stance: " + message)
    }

    /// One line on standard error. A closed or full standard error loses the line, never crashes
    /// (`FileHandle.write(_:)` traps on a failed write; `write(contentsOf:)` throws).
    static func note(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }

    /// Writes `text` to standard output, checking the write: a full disk or a closed pipe is an error
    /// (exit 1) with a message, never a silent success.
    static func output(_ text: String) -> Exit {
        let sink = OutputSink()
        sink.write(text)
        do {
            try sink.commit()
            return .ok
        } catch {
            Frontend.error(error.description)
            return .fatal
        }
    }

    /// The checkout this binary was built from, for finding `Models/` and `Evaluations/`.
    static let checkout: String? = ModelLocator.checkoutRoot(fromSourceFile: #filePath)

    /// Loads the model from `--model`, `$STANCE_MODEL` or the checkout; prints the error and returns nil.
    /// With `timing` (the hidden `--timing` flag), prints how long reading and compiling took.
    static func loadModel(_ explicit: String?, timing: Bool = false, decision: Bool = true) -> Lexicon? {
        do {
            let started = DispatchTime.now()
            let directory = try ModelLocator.locate(
                explicit: explicit, environment: ProcessInfo.processInfo.environment, checkout: checkout)
            let model = try Model.load(directory: directory, decision: decision)
            let read = DispatchTime.now()
            let lexicon = Lexicon(model: model)
            if timing {
                let done = DispatchTime.now()
                note(
                    "timing: model load \(milliseconds(started, done)) ms (read \(milliseconds(started, read)) ms, compile \(milliseconds(read, done)) ms; \(lexicon.patternCount) patterns, \(lexicon.stateCount) states)"
                )
            }
            return lexicon
        } catch {
            Frontend.error(error.description)
            return nil
        }
    }

    /// Milliseconds between two instants, with two decimals.
    static func milliseconds(_ from: DispatchTime, _ to: DispatchTime) -> String {
        String(format: "%.2f", Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e6)
    }

    /// With `--timing`: the run's wall time and throughput on standard error.
    static func reportRun(_ account: RunAccount, since started: DispatchTime) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        note(
            "timing: run \(String(format: "%.0f", seconds * 1000)) ms, \(account.read) records, \(String(format: "%.0f", Double(account.read) / max(seconds, 1e-9))) articles/s"
        )
    }

    /// The bundled corpus used when no path is given.
    static var bundledCorpus: String? {
        guard let checkout else { return nil }
        let path = (checkout as NSString).appendingPathComponent("Evaluations/seeds")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Reports rejections and skipped files as they come, and the account at the end.
    static func finish(_ account: RunAccount, quiet: Bool = false) -> Exit {
        if !quiet || !account.isClean { note(account.summary) }
        return account.isClean ? .ok : .rejected
    }

    /// A run that read no record at all: says why, then the account, and fails (exit 1).
    static func nothingRead(_ account: RunAccount) -> Exit {
        error(
            account.skippedFiles.isEmpty
                ? LoadError.noInput.description
                : "nothing could be read: every input was skipped (listed above)")
        note(account.summary)
        return .fatal
    }

    static func rejected(_ r: Rejection) { note(r.description) }
    static func skipped(_ e: LoadError) { note(e.description) }

    /// What `score` and `summary` both need before a run: the model, the inputs (the bundled corpus
    /// when no path is given), the thread count and the timing switch.
    struct RunSetup {
        var lexicon: Lexicon
        var inputs: InputSource
        var threads: Int
        var timing: Bool
        var started: DispatchTime
    }

    /// An exit status carried as an error, so `setUpRun` can return a `Result`.
    struct Failure: Error {
        var code: Exit
    }

    static func setUpRun(_ args: Arguments) -> Result<RunSetup, Failure> {
        let threads: Int
        // 0 means every core; more than 256 threads only wastes memory on a machine of any size.
        do { threads = try args.int("--threads", in: 0...256) ?? 0 } catch {
            Frontend.error("\(error)")
            return .failure(Failure(code: .usage))
        }
        let timing = args.flags.contains("--timing")
        let paths = args.positionals.isEmpty ? bundledCorpus.map { [$0] } ?? [] : args.positionals
        // Listing the inputs needs no model: it runs on another core while the model loads.
        let listing = Listing(paths)
        guard let lexicon = loadModel(args.options["--model"], timing: timing) else {
            return .failure(Failure(code: .fatal))
        }
        let started = DispatchTime.now()
        guard !paths.isEmpty else {
            Frontend.error(LoadError.noInput.description)
            return .failure(Failure(code: .fatal))
        }
        let inputs = listing.inputs()
        for shared in inputs.sharedNames {
            note(
                "warning: \(shared.paths.joined(separator: " and ")) share the name \(shared.name): their article ids (\(shared.name):n) collide — rename one to keep ids unique"
            )
        }
        if timing {
            note("timing: \(inputs.files.count) input files listed in \(listing.milliseconds) ms")
        }
        return .success(RunSetup(lexicon: lexicon, inputs: inputs, threads: threads, timing: timing, started: started))
    }
}
