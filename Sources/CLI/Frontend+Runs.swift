import Pipeline

extension Frontend {
    /// An aggregating run set up and its output open: what `summary`, `chart` and `report` start from.
    struct OpenedRun {
        var setup: RunSetup
        var sink: OutputSink
    }

    /// Sets up the run, checks `--countries` against its model, then opens the output (never one of
    /// the inputs): one opening for every aggregating subcommand, so all refuse the same things alike.
    static func openRun(_ args: Arguments, options: ChartOptions) -> Result<OpenedRun, Failure> {
        let setup: RunSetup
        do { setup = try setUpRun(args).get() } catch { return .failure(error) }
        guard options.codesKnown(to: setup.lexicon) else { return .failure(Failure(code: .usage)) }
        return sink(args, inputs: setup.inputs).map { OpenedRun(setup: setup, sink: $0) }
    }

    /// Runs an aggregation whose output is written only at the end: a failure or a run that read
    /// nothing discards the output and says why, so no half-written file is left behind.
    static func aggregate(into sink: OutputSink, _ body: () throws -> RunAccount) -> Result<RunAccount, Failure> {
        let account: RunAccount
        do { account = try body() } catch {
            sink.discard()
            Frontend.error("\(error)")
            return .failure(Failure(code: .fatal))
        }
        guard account.read > 0 else {
            sink.discard()
            return .failure(Failure(code: nothingRead(account)))
        }
        return .success(account)
    }

    /// Runs a streaming subcommand (`score`, `convert`) whose rows go out as they come, then commits
    /// the output: a failed write stops the run and still prints the account; nothing read is exit 1.
    static func stream(
        into sink: OutputSink, quiet: Bool, committed: (RunAccount) -> Void = { _ in },
        _ body: () throws -> RunAccount
    ) -> Exit {
        do {
            let account = try body()
            if account.read == 0 {
                sink.discard()
                return nothingRead(account)
            }
            do { try sink.commit() } catch { return outputFailed(error, account) }
            committed(account)
            return finish(account, quiet: quiet)
        } catch let stopped as RunStopped {
            sink.discard()
            return outputFailed(stopped.reason, stopped.account)
        } catch {
            sink.discard()
            return outputFailed(error, nil)
        }
    }
}
