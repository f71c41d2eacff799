import Foundation
import Pipeline
import Scoring

/// `stance eval`: accuracy against labelled sets.
enum EvalCommand {
    static let help = """
        USAGE: stance eval [DIR...] [--folds N] [--only FILE[,FILE]] [--errors] [--format text|json] [--model DIR]

        Scores every article of each labelled set (a folder with labels.tsv, FORMATS.md §5) and reports:
        country detection precision/recall/F1; stance accuracy, macro-F1, F1 per label, SemEval F_avg,
        Cohen's kappa and the confusion matrix; the same per country and per language; and two baselines
        (majority label; the article's tone applied to every country). With several DIRs, each set and
        all of them together. Without DIR: Evaluations/seeds of the checkout.
          --folds N      refit the thresholds on N-1 folds and report the held-out figures (0 = leave-one-file-out);
                         with tone.tsv, also each language's tone neutral band (folds by item)
          --only FILES   evaluate only these files of the set (e.g. the held-out file)
          --errors       list every wrong, missed or false pair with its title and evidence, and every
                         wrongly labelled tone item with its tone words

        Example: stance eval Evaluations/seeds --folds 0 --errors
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ["--folds", "--only", "--format", "--model"],
            flags: ["--errors"], help: help)
        guard let args = parsed else { return exit }
        let folds: Int?
        do { folds = try args.int("--folds") } catch {
            Frontend.error("\(error)")
            return .usage
        }
        if folds == 1 {
            Frontend.error("--folds 1 leaves nothing to fit on — use 2 or more, or 0 for leave-one-file-out")
            return .usage
        }
        let format = args.options["--format"] ?? "text"
        guard format == "text" || format == "json" else {
            Frontend.error("unknown format `\(format)` — use text or json")
            return .usage
        }
        guard let lexicon = Frontend.loadModel(args.options["--model"]) else { return .fatal }
        var directories = args.positionals
        if directories.isEmpty {
            guard let checkout = Frontend.checkout else {
                Frontend.error("give a labelled set folder")
                return .usage
            }
            directories = [(checkout as NSString).appendingPathComponent("Evaluations/seeds")]
        }
        let only = Set((args.options["--only"] ?? "").split(separator: ",").map(String.init))
        var sets: [LabelSet] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                Frontend.error(
                    "\(directory): no such folder — give the folder of a labelled set (articles and labels.tsv)")
                return .fatal
            }
            do {
                sets.append(try LabelSet(directory: directory, knownCodes: lexicon.model.countryCodes))
            } catch {
                Frontend.error(error.description)
                return .fatal
            }
        }
        let files = Set(sets.flatMap { $0.articles.map(\.file) })
        if let unknown = only.subtracting(files).sorted().first {
            Frontend.error(
                "--only \(unknown): no such article file in the set(s) — use a file name as listed in labels.tsv")
            return .usage
        }
        var rejected = false
        for set in sets {
            for r in set.rejections { Frontend.rejected(r); rejected = true }
            for warning in set.warnings { Frontend.note("stance: warning: " + warning) }
        }
        var reports: [EvalReport] = []
        for set in sets {
            // Name only the files of this set that --only kept (all of them: no note).
            let all = Set(set.articles.map(\.file))
            let own = only.intersection(all)
            let note =
                only.isEmpty || own == all
                ? ""
                : own.isEmpty
                    ? " (none of its files: --only names others)" : " (only \(own.sorted().joined(separator: ",")))"
            reports.append(
                EvalReport(
                    title: set.name + note,
                    evaluation: Evaluation(sets: [set], lexicon: lexicon, only: only),
                    folds: folds, model: lexicon.model.identifier))
        }
        if sets.count > 1 {
            reports.append(
                EvalReport(
                    title: "all sets", evaluation: Evaluation(sets: sets, lexicon: lexicon, only: only),
                    folds: folds, model: lexicon.model.identifier))
        }
        let errors = args.flags.contains("--errors")
        var text = ""
        for report in reports {
            text += format == "json" ? report.json(errors: errors) : report.text(errors: errors) + "\n"
        }
        guard Frontend.output(text) == .ok else { return .fatal }
        return rejected ? .rejected : .ok
    }
}
