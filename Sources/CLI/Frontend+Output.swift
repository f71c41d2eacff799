import Pipeline

/// Every subcommand writes its output through one `OutputSink` made here: atomic for a regular
/// file, in place for a device, FIFO or symlink's target, never over one of the run's inputs.
extension Frontend {
    /// The `--output` sink, or standard output; refuses (exit 2) an output that is one of `inputs`.
    static func sink(_ args: Arguments, reading inputs: [String]) -> Result<OutputSink, Failure> {
        guard let path = args.options["--output"] else { return .success(OutputSink()) }
        do {
            try OutputSink.checkNotInput(path, inputs: inputs)
            return .success(try OutputSink(path: path))
        } catch {
            Frontend.error(error.description)
            if case .isInput = error { return .failure(Failure(code: .usage)) }
            return .failure(Failure(code: .fatal))
        }
    }

    /// The sink for a run over `inputs` (see `sink(_:reading:)`).
    static func sink(_ args: Arguments, inputs: InputSource) -> Result<OutputSink, Failure> {
        sink(args, reading: inputs.files.map(\.path))
    }

    /// A row writer for streamed output: a failed write (a closed pipe, a full disk) throws at once,
    /// so the run stops reading instead of scoring input nobody will see.
    static func rows(to sink: OutputSink) -> ([UInt8]) throws -> Void {
        { row in
            sink.write(bytes: row)
            if sink.failed { try sink.commit() }
        }
    }

    /// Writes `text` through `sink` and commits it; when that fails, prints the error and the
    /// account of what was read and returns false (exit 1).
    static func deliver(_ text: String, to sink: OutputSink, account: RunAccount?) -> Bool {
        sink.write(text)
        do {
            try sink.commit()
            return true
        } catch {
            _ = outputFailed(error, account)
            return false
        }
    }

    /// A run whose output could not be written: the error, then the account of what was read; exit 1.
    static func outputFailed(_ error: Error, _ account: RunAccount?) -> Exit {
        Frontend.error("\(error)")
        if let account { note(account.summary + " (stopped: the output could not be written)") }
        return .fatal
    }
}
