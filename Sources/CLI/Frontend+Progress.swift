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
}
