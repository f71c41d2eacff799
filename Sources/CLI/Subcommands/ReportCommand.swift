import Foundation
import Pipeline
import Scoring

/// `stance report`: one self-contained HTML page of a run.
enum ReportCommand {
    static let help = """
        USAGE: stance report [PATH...] [--output report.html] [--labels DIR] [--period day|week|month|quarter]
                             [--countries CN,US,...] [--top N] [--duplicates fold|keep] [--model DIR]
                             [--threads N] [--quiet]

        One HTML file with inline CSS and SVG (no script, nothing fetched: opens offline, prints):
        what was read (files, account, rejected records with reasons, syndicated copies folded), the
        summary per country (the rows of `stance summary`, copies folded alike; --duplicates keep), the
        timeline, outlet and label charts (--period, --countries, --top as for `stance chart`; default
        the 6 most covered countries), and per country the 3 most favorable and unfavorable articles
        with the cue and sentence that weighed most. --labels DIR adds the accuracy on that labelled set
        (as `stance eval DIR`) with the confusion matrix as a heatmap. Without --output the page goes to
        standard output. With no PATH, runs on the bundled corpus.

        Example: stance report --output report.html --labels Evaluations/seeds
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ChartOptions.names.union(["--labels", "--model", "--output", "--threads"]),
            flags: ["--quiet", "--timing"], help: help)
        guard let args = parsed, let options = ChartOptions.parse(args) else {
            return parsed == nil ? exit : .usage
        }
        let setup: Frontend.RunSetup
        do { setup = try Frontend.setUpRun(args).get() } catch { return error.code }
        guard options.codesKnown(to: setup.lexicon) else { return .usage }
        // The labelled set is read too: the page must not be written over one of its files.
        let labelFiles = args.options["--labels"].map { directory in
            InputSource(paths: [directory]).files.map(\.path) + [
                (directory as NSString).appendingPathComponent("labels.tsv")
            ]
        }
        let sink: OutputSink
        do {
            sink = try Frontend.sink(args, reading: setup.inputs.files.map(\.path) + (labelFiles ?? [])).get()
        } catch { return error.code }
        var accuracy: HTMLReport.Accuracy?
        var labelsRejected = false
        if let directory = args.options["--labels"] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                sink.discard()
                Frontend.error(
                    "--labels \(directory): no such folder — give the folder of a labelled set (articles and labels.tsv)"
                )
                return .fatal
            }
            do {
                let set = try LabelSet(directory: directory, knownCodes: setup.lexicon.model.countryCodes)
                for r in set.rejections { Frontend.rejected(r); labelsRejected = true }
                accuracy = HTMLReport.Accuracy(
                    name: set.name, evaluation: Evaluation(sets: [set], lexicon: setup.lexicon))
            } catch {
                sink.discard()
                Frontend.error(error.description)
                return .fatal
            }
        }
        var collector = ReportCollector(
            model: setup.lexicon.model.identifier, period: options.period, foldsDuplicates: options.foldsDuplicates)
        let account: RunAccount
        do {
            account = try Frontend.aggregate(into: sink) {
                try ScoringRun(lexicon: setup.lexicon, threads: setup.threads).runWithStories(
                    setup.inputs, printing: options.foldsDuplicates, result: { collector.add($0, print: $1) },
                    rejected: {
                        Frontend.rejected($0); collector.reject($0)
                    }, skipped: Frontend.skipped)
            }.get()
        } catch { return error.code }
        collector.resolve()
        // Paths under the working folder are shown relative to it: the page reads the same on every machine.
        let here = FileManager.default.currentDirectoryPath + "/"
        let files = setup.inputs.files.map { file in
            var shown = file
            if file.path.hasPrefix(here) { shown.path = String(file.path.dropFirst(here.count)) }
            return shown
        }
        let report = HTMLReport(
            collector: collector, account: account, files: files, model: setup.lexicon.model.identifier,
            countries: collector.charts.select(options.countries, top: options.top ?? 6),
            evidence: collector.evidence.items(lexicon: setup.lexicon), accuracy: accuracy)
        guard Frontend.deliver(report.render(), to: sink, account: account) else { return .fatal }
        if setup.timing { Frontend.reportRun(account, since: setup.started) }
        let status = Frontend.finish(account, quiet: args.flags.contains("--quiet"))
        return labelsRejected && status == .ok ? .rejected : status
    }
}
