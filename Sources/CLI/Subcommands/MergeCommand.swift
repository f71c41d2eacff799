import Foundation
import Pipeline

/// `stance merge`: combines partials from `summary --format partial` into one summary.
enum MergeCommand {
    static let help = """
        USAGE: stance merge PARTIAL... [--by country,outlet,period] [--period day|week|month|quarter]
                            [--format table|jsonl|csv|partial] [--output PATH] [--quiet]

        Combines partials written by `stance summary --format partial` (on other machines, other
        parts of a corpus, Spark executors) into the summary one `stance summary` over all of their
        input gives, byte for byte. Every partial must come from the same model version, grouping
        and --duplicates; --by and --period, when given, must match them. `-` reads standard input.

        Example: stance summary a/ --format partial > a.jsonl; stance summary b/ --format partial > b.jsonl
                 stance merge a.jsonl b.jsonl --by country
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ["--by", "--period", "--format", "--output"], flags: ["--quiet"], help: help)
        guard let args = parsed else { return exit }
        let format = args.options["--format"] ?? "table"
        guard ["table", "jsonl", "json", "csv", "partial"].contains(format) else {
            Frontend.error("unknown format `\(format)` — use table, jsonl, csv or partial")
            return .usage
        }
        guard !args.positionals.isEmpty else {
            Frontend.error("no partial given — stance merge PARTIAL... (files from `stance summary --format partial`)")
            return .usage
        }
        let sink: OutputSink
        do { sink = try Frontend.sink(args, reading: args.positionals).get() } catch { return error.code }
        var merged: SummaryPartial?
        for path in args.positionals {
            do {
                let data = try InputSource.contents(of: RawArguments.bytes(path))
                let partial = try SummaryPartial(decoding: String(decoding: data, as: UTF8.self), source: path)
                if merged == nil { merged = partial } else { try merged?.merge(partial, from: path) }
            } catch let error as PartialError {
                sink.discard()
                Frontend.error(error.description)
                return .fatal
            } catch let error as LoadError {
                sink.discard()
                Frontend.error(error.description)
                return .fatal
            } catch {
                sink.discard()
                Frontend.error("\(path): cannot read (\(error)) — check the path")
                return .fatal
            }
        }
        guard let merged else {
            sink.discard()
            return .fatal
        }
        if let by = args.options["--by"] {
            let asked = Set(by.split(separator: ",").compactMap { Aggregator.Dimension(rawValue: String($0)) })
            guard asked == merged.dimensions, by.split(separator: ",").count == asked.count else {
                sink.discard()
                Frontend.error(
                    "--by \(by) does not match the partials (\(merged.grouping)) — summarise again with --by \(by)")
                return .usage
            }
        }
        if let period = args.options["--period"], period != merged.period.rawValue {
            sink.discard()
            Frontend.error(
                "--period \(period) does not match the partials (\(merged.grouping)) — summarise again with --period \(period)"
            )
            return .usage
        }
        let text =
            format == "partial"
            ? merged.encoded()
            : SummaryReport(aggregator: merged.resolved(), model: merged.model).render(format: format)
        var account = merged.account
        account.skippedFiles = []
        guard Frontend.deliver(text, to: sink, account: account) else { return .fatal }
        let clean = account.isClean && merged.skipped == 0
        if !args.flags.contains("--quiet") || !clean {
            Frontend.note(
                account.summary + (merged.skipped > 0 ? "; \(merged.skipped) files skipped" : "") + " (merged)")
        }
        return .ok
    }
}
