import Foundation
import Pipeline
import Scoring

/// `stance chart`: one chart as an SVG file.
enum ChartCommand {
    static let help = """
        USAGE: stance chart [PATH...] --kind timeline|outlets|labels [--output FILE.svg]
                            [--period day|week|month|quarter] [--countries CN,US,...] [--top N]
                            [--measure net|mean] [--duplicates fold|keep] [--model DIR] [--threads N]
                            [--quiet]

        Draws one chart of the summary as a self-contained SVG (opens in any browser; prints):
          timeline  net stance (--measure net, default) or mean score (--measure mean) per country over
                    periods (--period, default week): one line per country, 95% interval band, point
                    area = articles, a strip of articles per period; undated articles are left out (noted)
          outlets   outlet × country heatmap of net stance, n in each cell, blank where no article;
                    outlets merged through outlets.tsv
          labels    favorable / neutral / unfavorable articles per country as stacked bars
        Countries: --countries CN,US,... in that order, else the --top N most covered (default 6; the
        timeline draws at most 8). Every number is a `stance summary` row of the same grouping
        (timeline: --by country,period; outlets: --by country,outlet; labels: --by country), syndicated
        copies folded the same way (--duplicates fold|keep, default fold). The footer names the model,
        the account (N articles, M scored) and how many copies were folded into how many stories.
        Without --output the SVG goes to standard output. With no PATH, runs on the bundled corpus.

        Example: stance chart Evaluations/seeds --kind timeline --period month --output timeline.svg
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments,
            options: ChartOptions.names.union(["--kind", "--measure", "--model", "--output", "--threads"]),
            flags: ["--quiet", "--timing"], help: help)
        guard let args = parsed else { return exit }
        guard let kindName = args.options["--kind"] else {
            Frontend.error("chart needs --kind — use timeline, outlets or labels")
            return .usage
        }
        guard let kind = ChartKind(rawValue: kindName) else {
            Frontend.error("unknown --kind `\(kindName)` — use timeline, outlets or labels")
            return .usage
        }
        guard let measure = TimelineChart.Measure(rawValue: args.options["--measure"] ?? "net") else {
            Frontend.error("unknown --measure `\(args.options["--measure"] ?? "")` — use net or mean")
            return .usage
        }
        if args.options["--measure"] != nil && kind != .timeline {
            Frontend.error("--measure applies to --kind timeline only — drop it or use --kind timeline")
            return .usage
        }
        guard let options = ChartOptions.parse(args) else { return .usage }
        if kind == .timeline, let countries = options.countries, countries.count > TimelineChart.maxSeries {
            Frontend.error(
                "--countries: a timeline draws at most \(TimelineChart.maxSeries) countries, \(countries.count) given — pick fewer or use --kind outlets"
            )
            return .usage
        }
        let setup: Frontend.RunSetup, sink: OutputSink
        do { (setup, sink) = try Frontend.openRun(args, options: options).map { ($0.setup, $0.sink) }.get() } catch {
            return error.code
        }
        var partials = ChartPartials(
            model: setup.lexicon.model.identifier, period: options.period, foldsDuplicates: options.foldsDuplicates)
        let account: RunAccount
        do {
            account = try Frontend.aggregate(into: sink) {
                try ScoringRun(lexicon: setup.lexicon, threads: setup.threads).runWithStories(
                    setup.inputs, printing: options.foldsDuplicates, result: { partials.add($0, print: $1) },
                    rejected: Frontend.rejected, skipped: Frontend.skipped)
            }.get()
        } catch { return error.code }
        let data = partials.resolved()
        let context = ChartContext(
            model: setup.lexicon.model.identifier, account: account,
            countries: data.select(
                options.countries, top: min(options.top ?? 6, kind == .timeline ? TimelineChart.maxSeries : 100)),
            duplicates: ChartContext.Duplicates(data, foldsDuplicates: options.foldsDuplicates))
        let svg = kind.render(data, context: context, measure: measure)
        guard Frontend.deliver(svg, to: sink, account: account) else { return .fatal }
        if setup.timing { Frontend.reportRun(account, since: setup.started) }
        return Frontend.finish(account, quiet: args.flags.contains("--quiet"))
    }
}
