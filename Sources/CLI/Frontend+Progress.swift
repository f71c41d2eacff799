import Foundation
import Pipeline

extension Frontend {
    /// The progress line for a run over `inputs`, or `nil` when standard error is no terminal or
    /// `--quiet` was given.
    static func progress(_ args: Arguments, _ inputs: InputSource) -> ProgressMeter? {
        guard
            ProgressMeter.shouldShow(
                standardErrorIsTerminal: ProgressMeter.standardErrorIsTerminal, quiet: args.flags.contains("--quiet"),
                environment: ProcessInfo.processInfo.environment)
        else { return nil }
        return ProgressMeter(totalBytes: ProgressMeter.totalBytes(of: inputs))
    }

    /// The sink for `--output` (written atomically) or standard output; prints the error and
    /// returns nil when the path cannot be written.
    static func sink(_ args: Arguments) -> OutputSink? {
        do {
            return try args.options["--output"].map { try OutputSink(path: $0) } ?? OutputSink()
        } catch {
            Frontend.error("\(error)")
            return nil
        }
    }
}
