import Foundation

/// The `stance` command: hands each subcommand its arguments and returns the exit status.
enum Stance {
    static let help = """
        stance — how rare-earth news frames each country's position (favorable / neutral / unfavorable)

        USAGE: stance <subcommand> [options] [PATH...]

        SUBCOMMANDS
          score [PATH...]     One row per (article, country): score in [-1, 1], label, mentions, tone.
                              Example: stance score Evaluations/seeds --format jsonl --explain
          summary [PATH...]   Aggregate per country × outlet × period: articles, mean score with 95% interval,
                              label counts, net stance. With no PATH, runs on the bundled corpus.
                              Example: stance summary --by country,period --period month
          convert PATH...     Exports (every variant) → JSON Lines, one article a line, ids kept.
                              Example: stance convert Evaluations/seeds --output seeds.jsonl
          merge PARTIAL...    Combine `summary --format partial` outputs into one summary, byte for byte.
                              Example: stance merge part-*.jsonl --format csv
          eval [DIR...]       Accuracy against labelled sets (labels.tsv): detection P/R/F1, stance accuracy,
                              macro-F1, kappa, confusion matrix, baselines, per country and language.
                              Example: stance eval Evaluations/seeds --folds 3 --errors
          tune SET...         Fit the decision layer (Models/decision.tsv) and report its nested cross-validated macro-F1.
                              Example: stance tune Evaluations/dev Evaluations/realistic --output Models/decision.tsv
          chart [PATH...]     One chart as SVG: --kind timeline|outlets|labels --output FILE.svg.
                              Example: stance chart --kind timeline --period month --output timeline.svg
          report [PATH...]    One self-contained HTML report: inputs, summary, charts, evidence (--labels DIR: accuracy).
                              Example: stance report --output report.html --labels Evaluations/seeds
          model check [DIR]   Validate the model files; every problem with file:line.
                              Example: stance model check Models

        PATHS are export .txt files, .jsonl files, folders (searched recursively) or - for standard input.

        OPTIONS
          --model DIR         Model folder (default: $STANCE_MODEL, then Models/ of the checkout). All subcommands.
          --output PATH       score, summary, convert, merge, chart, report: write to PATH instead of standard
                              output (a file atomically, a device or FIFO in place; never one of the inputs).
          --threads N         score, summary, chart, report: worker threads, 0-256 (default 0: all cores). Same
                              output for any N.
          --quiet             score, summary, convert, merge, chart, report: no closing account on standard error
                              when nothing was rejected.
          --duplicates M      summary, chart, report: fold (default) counts a syndicated story once per country;
                              keep counts every copy.
          -h, --help          This help; `stance <subcommand> --help` for one subcommand.

        EXIT STATUS
          0 all records read and scored; 1 fatal (model unreadable, no input, nothing readable); 2 usage error;
          3 some records rejected or files skipped (listed on standard error as file:line: reason — what to do).
        """

    static func main(_ arguments: [String]) -> Frontend.Exit {
        guard let command = arguments.first else {
            Frontend.note(help)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "score": return ScoreCommand.run(rest)
        case "summary": return SummaryCommand.run(rest)
        case "eval": return EvalCommand.run(rest)
        case "tune": return TuneCommand.run(rest)
        case "convert": return ConvertCommand.run(rest)
        case "merge": return MergeCommand.run(rest)
        case "model": return ModelCommand.run(rest)
        case "chart": return ChartCommand.run(rest)
        case "report": return ReportCommand.run(rest)
        case "-h", "--help", "help":
            return Frontend.output(help + "\n")
        default:
            Frontend.error(
                "unknown subcommand `\(command)` — use score, summary, chart, report, eval, tune, model, convert or merge (stance --help)"
            )
            return .usage
        }
    }

    /// Parses arguments or prints the usage error; `nil` means exit with `.usage` (or `.ok` for --help).
    static func parse(_ arguments: [String], options: Set<String>, flags: Set<String>, help: String) -> (
        Arguments?, Frontend.Exit
    ) {
        if arguments.contains("--help") || arguments.contains("-h") {
            return (nil, Frontend.output(help + "\n"))
        }
        do {
            return (try Arguments(arguments, options: options, flags: flags), .ok)
        } catch {
            Frontend.error("\(error) — see `stance --help`")
            return (nil, .usage)
        }
    }
}
