import Foundation
import Pipeline

/// `stance convert`: exports of every variant → JSON Lines, one article a line.
enum ConvertCommand {
    static let help = """
        USAGE: stance convert PATH... [--output FILE.jsonl] [--quiet]

        Writes every article of the inputs (export .txt files of any variant, .jsonl, folders, - for
        standard input) as JSON Lines, one article a line: id (file:n of the original record), title,
        outlet, published, topic, body. Engines such as Spark split that by line; scoring it gives the
        same rows, under the same ids, as scoring the exports. Rejected records are listed on
        standard error, as for score, and the account says how many were converted.

        Example: stance convert Evaluations/seeds --output seeds.jsonl
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(arguments, options: ["--output"], flags: ["--quiet"], help: help)
        guard let args = parsed else { return exit }
        guard !args.positionals.isEmpty else {
            Frontend.error("no input given — stance convert PATH... (export files, folders or -)")
            return .usage
        }
        let inputs = InputSource(pathBytes: args.positionals.map(RawArguments.bytes))
        let sink: OutputSink
        do { sink = try Frontend.sink(args, inputs: inputs).get() } catch { return error.code }
        return Frontend.stream(into: sink, quiet: args.flags.contains("--quiet")) {
            try ArticleConverter.convert(
                inputs, progress: Frontend.progress(args, inputs), write: Frontend.rows(to: sink),
                rejected: Frontend.rejected, skipped: Frontend.skipped)
        }
    }
}
