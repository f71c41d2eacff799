import Foundation
import Pipeline
import Scoring

/// `stance summary`: the aggregate table per country × outlet × period.
enum SummaryCommand {
    static let help = """
        USAGE: stance summary [PATH...] [--by country,outlet,period] [--period day|week|month|quarter]
                              [--format table|jsonl|csv|partial] [--duplicates fold|keep]
                              [--countries CN,US,...] [--top N] [--model DIR] [--output PATH] [--threads N]

        Per group: articles, mean score with its 95% interval (Student's t), the count of each label,
        net stance = (favorable - unfavorable) / articles, and the mean article tone. --by takes any
        combination of country, outlet and period (default: country). Weeks are ISO weeks; dates are China
        time (UTC+8); undated articles form their own period. With no PATH, runs on the bundled corpus.

        Syndicated copies (the same body up to spacing, punctuation, case and Traditional/Simplified
        characters, or near-identical by MinHash) count once per country, by the earliest copy; per
        outlet, each outlet's copy counts. Folding keeps one record per distinct story (about 2.6 KB)
        until the end; --duplicates keep counts every copy, in memory that does not grow.
        --format partial writes the sufficient statistics as JSON Lines for `stance merge`.
        --countries CN,US,... keeps those countries' rows, in that order; --top N the rows of the N
        countries most covered (as `stance chart` picks them). Both need country in --by.

        Example: stance summary Evaluations/seeds --by country,period --period week
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ChartOptions.names.union(["--by", "--format", "--model", "--output", "--threads"]),
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
        guard let options = ChartOptions.parse(args) else { return .usage }
        let format = args.options["--format"] ?? "table"
        guard ["table", "jsonl", "json", "csv", "partial"].contains(format) else {
            Frontend.error("unknown format `\(format)` — use table, jsonl, csv or partial")
            return .usage
        }
        let selects = options.countries != nil || options.top != nil
        if selects && (format == "partial" || !dimensions.contains(.country)) {
            Frontend.error(
                format == "partial"
                    ? "--countries and --top do not apply to --format partial (a partial keeps every group) — select when merging"
                    : "--countries and --top choose country rows — add country to --by")
            return .usage
        }
        let setup: Frontend.RunSetup, sink: OutputSink
        do { (setup, sink) = try Frontend.openRun(args, options: options).map { ($0.setup, $0.sink) }.get() } catch {
            return error.code
        }
        var partial = SummaryPartial(
            model: setup.lexicon.model.identifier, by: dimensions, period: options.period,
            foldsDuplicates: options.foldsDuplicates)
        let run = ScoringRun(lexicon: setup.lexicon, threads: setup.threads)
        let account: RunAccount
        do {
            account = try Frontend.aggregate(into: sink) {
                try run.summarise(
                    setup.inputs, into: &partial, progress: Frontend.progress(args, setup.inputs),
                    rejected: Frontend.rejected, skipped: Frontend.skipped)
            }.get()
        } catch { return error.code }
        let text =
            format == "partial"
            ? partial.encoded()
            : SummaryReport(
                aggregator: partial.resolved().selecting(options.countries, top: options.top),
                model: setup.lexicon.model.identifier
            ).render(format: format)
        guard Frontend.deliver(text, to: sink, account: account) else { return .fatal }
        if setup.timing { Frontend.reportRun(account, since: setup.started) }
        return Frontend.finish(account, quiet: args.flags.contains("--quiet"))
    }
}
