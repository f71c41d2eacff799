import Pipeline
import Scoring

/// The options `chart`, `report` and `summary` share: the period, which countries to show, and
/// whether syndicated copies are folded.
struct ChartOptions {
    var period: Period
    /// `--countries CN,US`: these, in this order; `nil` means the `top` most covered.
    var countries: [String]?
    /// `--top N`; `nil` when not given.
    var top: Int?
    /// `--duplicates fold` (default) or `keep`.
    var foldsDuplicates: Bool

    static let names: Set<String> = ["--period", "--countries", "--top", "--duplicates"]

    /// Reads the options, printing a usage error and returning nil when one is wrong.
    static func parse(_ args: Arguments) -> ChartOptions? {
        guard let period = Period(rawValue: args.options["--period"] ?? "week") else {
            Frontend.error("unknown --period `\(args.options["--period"] ?? "")` — use day, week, month or quarter")
            return nil
        }
        let duplicates = args.options["--duplicates"] ?? "fold"
        guard ["fold", "keep"].contains(duplicates) else {
            Frontend.error("unknown --duplicates `\(duplicates)` — use fold or keep")
            return nil
        }
        let top: Int?
        do { top = try args.int("--top", in: 1...100) } catch {
            Frontend.error("\(error)")
            return nil
        }
        var countries: [String]?
        if let list = args.options["--countries"] {
            let codes = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                .filter { !$0.isEmpty }
            guard !codes.isEmpty else {
                Frontend.error("--countries is empty — give country codes separated by commas, e.g. CN,US,JP")
                return nil
            }
            var seen = Set<String>()
            countries = codes.filter { seen.insert($0).inserted }
        }
        return ChartOptions(period: period, countries: countries, top: top, foldsDuplicates: duplicates == "fold")
    }

    /// False (after saying which) when a `--countries` code is not one of the model's countries.
    func codesKnown(to lexicon: Lexicon) -> Bool {
        guard let unknown = countries?.first(where: { !lexicon.model.countryCodes.contains($0) }) else { return true }
        Frontend.error(
            "--countries: unknown country code `\(unknown)` — use codes of the model's countries.tsv, e.g. CN,US,EU,JP")
        return false
    }
}
