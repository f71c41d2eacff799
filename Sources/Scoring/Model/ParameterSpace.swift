/// The values `params.tsv` accepts, in one place: the checker reads its ranges from here, and the
/// property test and the scorer fuzz target draw models from it.
public enum ParameterSpace {
    /// One parameter's accepted values: `lower...upper`, an open end excluded, whole numbers only
    /// for the windows.
    public struct Range: Sendable {
        public var lower: Double
        public var upper: Double
        public var lowerOpen = false
        public var upperOpen = false
        public var whole = false

        public func contains(_ x: Double) -> Bool {
            x.isFinite && (lowerOpen ? x > lower : x >= lower) && (upperOpen ? x < upper : x <= upper)
                && (!whole || x == x.rounded())
        }

        public var text: String {
            func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
            let range = "\(lowerOpen ? "(" : "[")\(number(lower)), \(number(upper))\(upperOpen ? ")" : "]")"
            return whole ? "a whole number in \(range)" : range
        }
    }

    /// Every parameter and its range. Within them every score stays finite: tanh of a bounded sum.
    public static let ranges: [String: Range] = [
        "favorable": Range(lower: 0, upper: 1, lowerOpen: true),
        "unfavorable": Range(lower: -1, upper: 0, upperOpen: true),
        "tone_favorable": Range(lower: -1, upper: 1),
        "tone_unfavorable": Range(lower: -1, upper: 1),
        "title_weight": Range(lower: 0.01, upper: 20),
        "scale": Range(lower: 0.01, upper: 100),
        "contrast_after": Range(lower: 0.01, upper: 10),
        "prior_segments": Range(lower: 0, upper: 100),
        "quoted_question": Range(lower: -1, upper: 1),
        "distant_attribution": Range(lower: 0, upper: 1, lowerOpen: true),
        "share_min": Range(lower: 0, upper: 100, lowerOpen: true),
        "share_weight": Range(lower: 0, upper: 4, lowerOpen: true),
        "negation_window_cjk": Range(lower: 1, upper: 100, whole: true),
        "negation_window_words": Range(lower: 1, upper: 100, whole: true),
        "intensifier_window_cjk": Range(lower: 1, upper: 100, whole: true),
        "intensifier_window_words": Range(lower: 1, upper: 100, whole: true),
    ]

    /// A random parameter file inside the ranges (edges drawn often), keys in a fixed order; the tone
    /// thresholds are drawn in order (`tone_unfavorable < tone_favorable`).
    public static func draw<G: RandomNumberGenerator>(_ rng: inout G) -> [(key: String, value: String)] {
        var values: [String: Double] = [:]
        for key in ranges.keys.sorted() {
            guard let r = ranges[key] else { continue }
            let edge = Int.random(in: 0..<4, using: &rng)
            var x: Double
            switch edge {
            case 0: x = r.lowerOpen ? r.lower + (r.upper - r.lower) * 1e-6 : r.lower
            case 1: x = r.upperOpen ? r.upper - (r.upper - r.lower) * 1e-6 : r.upper
            default: x = Double.random(in: r.lower...r.upper, using: &rng)
            }
            if r.whole { x = min(r.upper, max(r.lower, x.rounded())) }
            if !r.contains(x) { x = (r.lower + r.upper) / 2 }
            values[key] = x
        }
        if let a = values["tone_favorable"], let b = values["tone_unfavorable"], !(b < a) {
            values["tone_favorable"] = max(a, b) == -1 ? 1 : max(a, b)
            values["tone_unfavorable"] = min(a, b) == max(a, b) ? -1 : min(a, b)
        }
        return values.keys.sorted().map { key in
            let x = values[key] ?? 0
            return (key, x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x))
        }
    }
}

extension Lexicon {
    /// The same compiled lexicon with other parameters (which no pattern depends on): trying many
    /// parameter files needs no new automaton.
    public func replacingParameters(_ parameters: Model.Parameters) -> Lexicon {
        var copy = self
        copy.model.parameters = parameters
        return copy
    }
}
