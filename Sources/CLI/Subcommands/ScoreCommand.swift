import Foundation
import Pipeline
import Scoring

/// `stance score`: one row per (article, country).
enum ScoreCommand {
    static let help = """
        USAGE: stance score [PATH...] [--format table|jsonl|csv] [--explain] [--model DIR] [--output PATH] [--threads N]

        One row per (article, country) in input order: article id, title, outlet, published, topic, language,
        country, score in [-1, 1], stance label, mentions, article tone, model name@version.
        --explain adds the evidence: every lexicon entry that moved the score, its weight, the modifiers
        applied, and the segment it stood in. With no PATH, scores the bundled corpus.

        Example: stance score Evaluations/seeds/000_8ca8292280351d11.txt --explain
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ["--format", "--model", "--output", "--threads"],
            flags: ["--explain", "--quiet", "--timing"], help: help)
        guard let args = parsed else { return exit }
        let explain = args.flags.contains("--explain")
        let writer: ScoreWriter
        switch args.options["--format"] ?? "table" {
        case "table": writer = TableScoreWriter(explain: explain)
        case "jsonl", "json": writer = JSONLinesScoreWriter(explain: explain)
        case "csv": writer = CSVScoreWriter(explain: explain)
        case let other:
            Frontend.error("unknown format `\(other)` — use table, jsonl or csv")
            return .usage
        }
        let setup: Frontend.RunSetup
        switch Frontend.setUpRun(args) {
        case .success(let s): setup = s
        case .failure(let failure): return failure.code
        }
        let (lexicon, inputs, threads, timing, started) = (
            setup.lexicon, setup.inputs, setup.threads, setup.timing, setup.started
        )
        let sink: OutputSink
        switch Frontend.sink(args, inputs: inputs) {
        case .success(let s): sink = s
        case .failure(let failure): return failure.code
        }
        let run = ScoringRun(lexicon: lexicon, explain: explain, threads: threads)
        let model = lexicon.model.identifier
        sink.write(writer.header())
        do {
            // Rows are formatted on the worker threads and written here in input order.
            // A failed write (a closed pipe, a full disk) stops the run: nothing more can be delivered.
            let account = try run.run(
                inputs, render: { writer.rowBytes($0, model: model) },
                result: { row in
                    sink.write(bytes: row)
                    if sink.failed { try sink.commit() }
                },
                rejected: Frontend.rejected, skipped: Frontend.skipped)
            sink.write(writer.footer())
            if account.read == 0 {
                sink.discard()
                return Frontend.nothingRead(account)
            }
            do { try sink.commit() } catch { return Frontend.outputFailed(error, account) }
            if timing { Frontend.reportRun(account, since: started) }
            return Frontend.finish(account, quiet: args.flags.contains("--quiet"))
        } catch let stopped as RunStopped {
            sink.discard()
            return Frontend.outputFailed(stopped.reason, stopped.account)
        } catch {
            sink.discard()
            return Frontend.outputFailed(error, nil)
        }
    }
}
