import Foundation
import Pipeline
import Scoring

/// `stance tune`: fits the decision layer on labelled sets and reports its nested cross-validated figures.
enum TuneCommand {
    static let help = """
        USAGE: stance tune SET... [--folds K] [--exclude FILE[,FILE]] [--weight SET=N] [--output PATH] [--model DIR]

        Fits the decision layer (a multinomial logistic regression over the rules' evidence, see
        Documentation/Scoring.md) on the labelled sets and reports, per set and pooled, the macro-F1 of
        nested cross-validation: each pair is labelled by a layer fitted without its article, and the L2
        strength is chosen inside each outer training part. Only tuning sets belong here — never a held-out set.
          --folds K          outer folds by article (default 0: leave-one-file-out)
          --exclude FILES    leave these article files out of every set (e.g. the held-out seeds file)
          --weight SET=N     let the pairs of SET count N times in fitting (e.g. realistic=2); figures unweighted
          --output PATH      also fit on everything and write the weights file there (e.g. Models/decision.tsv)

        Example: stance tune Evaluations/dev Evaluations/realistic --folds 0 --output Models/decision.tsv
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        let (parsed, exit) = Stance.parse(
            arguments, options: ["--folds", "--exclude", "--output", "--model", "--weight"], flags: [], help: help)
        guard let args = parsed else { return exit }
        let folds: Int
        do { folds = try args.int("--folds") ?? 0 } catch {
            Frontend.error("\(error)")
            return .usage
        }
        if folds == 1 {
            Frontend.error("--folds 1 leaves nothing to fit on — use 2 or more, or 0 for leave-one-file-out")
            return .usage
        }
        guard !args.positionals.isEmpty else {
            Frontend.error(
                "give the labelled set folders to fit on, e.g. stance tune Evaluations/dev Evaluations/realistic")
            return .usage
        }
        // The rules only: decision.tsv is what this command refits (it may be stale).
        guard let lexicon = Frontend.loadModel(args.options["--model"], decision: false) else { return .fatal }
        var weights: [String: Double] = [:]
        for spec in (args.options["--weight"] ?? "").split(separator: ",") {
            let parts = spec.split(separator: "=")
            guard parts.count == 2, let w = Double(parts[1]), w > 0 else {
                Frontend.error("--weight \(spec): write SET=N with N > 0, e.g. --weight realistic=2")
                return .usage
            }
            weights[String(parts[0])] = w
        }
        let excluded = Set((args.options["--exclude"] ?? "").split(separator: ",").map(String.init))
        var items: [DecisionTuning.Item] = []
        var seen = Set<String>()
        var rejected = false
        for directory in args.positionals {
            let set: LabelSet
            do {
                set = try LabelSet(directory: directory, knownCodes: lexicon.model.countryCodes)
            } catch {
                Frontend.error(error.description)
                return .fatal
            }
            for r in set.rejections { Frontend.rejected(r); rejected = true }
            let files = Set(set.articles.map(\.file))
            seen.formUnion(files)
            let only = excluded.isEmpty ? [] : files.subtracting(excluded)
            if !excluded.isEmpty && only.isEmpty { continue }
            let evaluation = Evaluation(sets: [set], lexicon: lexicon, only: only)
            items += DecisionTuning.items(evaluation, set: set.name).map { item in
                var item = item
                item.weight = weights[set.name] ?? 1
                return item
            }
        }
        if let unknown = excluded.subtracting(seen).sorted().first {
            Frontend.error(
                "--exclude \(unknown): no such article file in the sets — use a file name as listed in labels.tsv")
            return .usage
        }
        let tuning = DecisionTuning(items: items)
        let result = tuning.crossValidate(folds: folds)
        print(result.text(folds: folds, innerFolds: tuning.innerFolds, model: lexicon.model.identifier))
        if let output = args.options["--output"] {
            let names = args.positionals.map { ($0 as NSString).lastPathComponent }.joined(separator: " ")
            let note = excluded.isEmpty ? "" : " (without \(excluded.sorted().joined(separator: ",")))"
            let model = tuning.final(
                trainedOn: "\(items.count) gold pairs of \(names)\(note), rules \(lexicon.model.identifier)")
            do {
                try Data(model.fileText().utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Frontend.error(
                    "\(output): cannot write the weights file (\(error.localizedDescription)) — check the folder exists and is writable"
                )
                return .fatal
            }
            Frontend.note("wrote \(output): L2 strength \(model.lambda), \(model.names.count) features")
        }
        return rejected ? .rejected : .ok
    }
}
