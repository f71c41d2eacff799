import Foundation
import Pipeline
import Scoring

/// `stance score`: one row per (article, country).
enum ScoreCommand {
    static let help = """
        USAGE: stance score [PATH...] [--format table|jsonl|csv] [--explain] [--by article|sentence] [--model DIR] [--output PATH] [--threads N]

        One row per (article, country) in input order: article id, title, outlet, published, topic, language,
        story id, country, score in [-1, 1], stance label, mentions, article tone, model name@version.
        Syndicated copies (same body up to spacing, punctuation, case, Traditional/Simplified, or
        near-identical) share a story id.
        --explain adds the evidence: every lexicon entry that moved the score, its weight, the modifiers
        applied, and the segment it stood in; and the tone's words, sentence by sentence, with the rules
        applied (Documentation/Tone.md). --by sentence writes one row per segment instead: article, story
        id, segment, kind, tone in [-1, 1], text. With no PATH, scores the bundled corpus.

        Example: stance score Evaluations/seeds/000_8ca8292280351d11.txt --explain
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ["--format", "--model", "--output", "--threads", "--by"],
            flags: ["--explain", "--quiet", "--timing"], help: help)
        guard let args = parsed else { return exit }
        let explain = args.flags.contains("--explain")
        let writer: ScoreWriter
        let bySentence: Bool
        switch args.options["--by"] ?? "article" {
        case "article": bySentence = false
        case "sentence": bySentence = true
        case let other:
            Frontend.error("unknown --by `\(other)` — use article or sentence")
            return .usage
        }
        switch args.options["--format"] ?? "table" {
        case let format where bySentence:
            guard let f = SentenceWriter.Format(rawValue: format == "json" ? "jsonl" : format) else {
                Frontend.error("unknown format `\(format)` — use table, jsonl or csv")
                return .usage
            }
            writer = SentenceWriter(format: f, explain: explain)
        case "table": writer = TableScoreWriter(explain: explain)
        case "jsonl", "json": writer = JSONLinesScoreWriter(explain: explain)
        case "csv": writer = CSVScoreWriter(explain: explain)
        case let other:
            Frontend.error("unknown format `\(other)` — use table, jsonl or csv")
            return .usage
        }
        let setup: Frontend.RunSetup
        do { setup = try Frontend.setUpRun(args).get() } catch { return error.code }
        let sink: OutputSink
        do { sink = try Frontend.sink(args, inputs: setup.inputs).get() } catch { return error.code }
        let run = ScoringRun(lexicon: setup.lexicon, explain: explain, sentences: bySentence, threads: setup.threads)
        let model = setup.lexicon.model.identifier
        sink.write(writer.header())
        return Frontend.stream(
            into: sink, quiet: args.flags.contains("--quiet"),
            committed: { if setup.timing { Frontend.reportRun($0, since: setup.started) } }
        ) {
            // Rows are formatted on the worker threads and written here in input order.
            // A failed write (a closed pipe, a full disk) stops the run: nothing more can be delivered.
            let account = try run.scoreRows(
                setup.inputs, writer: writer, model: model, progress: Frontend.progress(args, setup.inputs),
                write: Frontend.rows(to: sink), rejected: Frontend.rejected, skipped: Frontend.skipped)
            sink.write(writer.footer())
            return account
        }
    }
}
