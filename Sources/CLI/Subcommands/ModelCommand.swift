import Foundation
import Pipeline
import Scoring

/// `stance model check [DIR]`: validates the model files.
enum ModelCommand {
    static let help = """
        USAGE: stance model check [DIR]

        Reads every model file and reports each problem as file:line: error|warning: message — duplicate
        entries, conflicting weights, unknown country codes, bad columns, weights out of range, unknown
        format versions. Exit 0 when there is no error (warnings allowed), 1 otherwise.
        Without DIR: --model, $STANCE_MODEL, then Models/ of the checkout.

        Example: stance model check Models
        """

    static func run(_ arguments: [String]) -> Frontend.Exit {
        guard arguments.first == "check" else {
            if arguments.contains("--help") || arguments.contains("-h") { return Frontend.output(help + "\n") }
            Frontend.error("use `stance model check [DIR]`")
            return .usage
        }
        let (parsed, exit) = Stance.parse(
            Array(arguments.dropFirst()), options: ["--model"], flags: ["--timing"], help: help)
        guard let args = parsed else { return exit }
        guard args.positionals.count <= 1, args.positionals.isEmpty || args.options["--model"] == nil else {
            Frontend.error("`stance model check` takes one model folder — check each folder in its own run")
            return .usage
        }
        let directory: String
        do {
            directory = try ModelLocator.locate(
                explicit: args.positionals.first ?? args.options["--model"],
                environment: ProcessInfo.processInfo.environment, checkout: Frontend.checkout)
        } catch {
            Frontend.error(error.description)
            return .fatal
        }
        let issues = Model.check(directory: directory)
        var text = issues.map { $0.description + "\n" }.joined()
        let errors = issues.filter { $0.severity == .error }.count
        let warnings = issues.count - errors
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        let started = DispatchTime.now()
        if errors == 0, let lexicon = Frontend.loadModel(directory, timing: args.flags.contains("--timing")) {
            let model = lexicon.model
            let built = Frontend.milliseconds(started, DispatchTime.now())
            let megabytes = String(format: "%.1f", Double(lexicon.memoryBytes) / 1_048_576)
            text +=
                "\(directory): model \(model.identifier): \(model.countries.count) country forms for \(model.countryCodes.count) countries, \(model.cues.count) cues, \(model.modifiers.count) modifiers, \(model.falseFriends.count) false friends; \(model.decision.map { "decision layer \($0.names.count) features; " } ?? "")tone \(model.tone.words.count) words, \(model.tone.rules.count) rules (\(lexicon.tone.patternCount) patterns, \(lexicon.tone.stateCount) states); \(lexicon.patternCount) patterns (\(lexicon.patternBytes) bytes), \(lexicon.stateCount) automaton states, \(megabytes) MB compiled, loaded and built in \(built) ms; \(plural(warnings, "warning"))\n"
            return Frontend.output(text) == .ok ? .ok : .fatal
        }
        text += "\(directory): \(plural(errors, "error")), \(plural(warnings, "warning"))\n"
        _ = Frontend.output(text)
        return .fatal
    }
}
