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
            if arguments.contains("--help") || arguments.contains("-h") { print(help); return .ok }
            Frontend.error("use `stance model check [DIR]`")
            return .usage
        }
        let (parsed, exit) = Stance.parse(
            Array(arguments.dropFirst()), options: ["--model"], flags: ["--timing"], help: help)
        guard let args = parsed else { return exit }
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
        for issue in issues { print(issue.description) }
        let errors = issues.filter { $0.severity == .error }.count
        let warnings = issues.count - errors
        if errors == 0, let lexicon = Frontend.loadModel(directory, timing: args.flags.contains("--timing")) {
            let model = lexicon.model
            print(
                "\(directory): model \(model.identifier): \(model.countries.count) country forms for \(model.countryCodes.count) countries, \(model.cues.count) cues, \(model.modifiers.count) modifiers, \(model.falseFriends.count) false friends; \(lexicon.patternCount) patterns, \(lexicon.stateCount) automaton states; \(model.decision.map { "decision layer \($0.names.count) features; " } ?? "")tone: \(model.tone.words.count) words, \(model.tone.rules.count) rules, \(lexicon.tone.patternCount) patterns, \(lexicon.tone.stateCount) states; \(warnings) warning\(warnings == 1 ? "" : "s")"
            )
            return .ok
        }
        print("\(directory): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return .fatal
    }
}
