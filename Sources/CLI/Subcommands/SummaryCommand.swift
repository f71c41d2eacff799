import Foundation
import Pipeline
import Scoring

/// `stance summary`: the aggregate table per country × outlet × period.
enum SummaryCommand {
    static let help = """
        USAGE: stance summary [PATH...] [--by country,outlet,period] [--period day|week|month|quarter]
                              [--format table|jsonl|csv] [--model DIR] [--output PATH] [--threads N]

        Per group: articles, mean score with its 95% interval (Student's t), the count of each label,
        net stance = (favorable - unfavorable) / articles, and the mean article tone. --by takes any
        combination of country, outlet and period (default: country). Weeks are ISO weeks; dates are China
        time (UTC+8); undated articles form their own period. With no PATH, runs on the bundled corpus.

        Example: stance summary Evaluations/seeds --by country,period --period week
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ["--by", "--period", "--format", "--model", "--output", "--threads"],
            flags: ["--quiet", "--timing"], help: help)
        guard let args = parsed else { return exit }
        var dimensions: Set<Aggregator.Dimension> = []
        for name in (args.options["--by"] ?? "country").split(separator: ",") {
            guard let d = Aggregator.Dimension(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                Frontend.error("unknown --by `\(name)` — use country, outlet and/or period, comma-separated")
                return .usage
            }
            dimensions.insert(d)
        }
        guard let period = Period(rawValue: args.options["--period"] ?? "week") else {
            Frontend.error("unknown --period `\(args.options["--period"] ?? "")` — use day, week, month or quarter")
            return .usage
        }
        let format = args.options["--format"] ?? "table"
        guard ["table", "jsonl", "json", "csv"].contains(format) else {
            Frontend.error("unknown format `\(format)` — use table, jsonl or csv")
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
        var aggregator = Aggregator(by: dimensions, period: period)
        let run = ScoringRun(lexicon: lexicon, threads: threads)
        let account: RunAccount
        do {
            account = try run.run(
                inputs, result: { aggregator.add($0) }, rejected: Frontend.rejected,
                skipped: Frontend.skipped)
        } catch {
            Frontend.error("\(error)")
            return .fatal
        }
        if account.read == 0 {
            sink.discard()
            return Frontend.nothingRead(account)
        }
        let text = SummaryReport(aggregator: aggregator, model: lexicon.model.identifier).render(format: format)
        sink.write(text)
        do { try sink.commit() } catch { return Frontend.outputFailed(error, account) }
        if timing { Frontend.reportRun(account, since: started) }
        return Frontend.finish(account, quiet: args.flags.contains("--quiet"))
    }
}
