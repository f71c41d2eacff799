/// A cue's weight carried through every modifier that touches it, with a record of each factor applied.
///
/// Every change to the value goes through `apply`, which also writes the `--explain` label: what
/// `--explain` shows is the arithmetic that produced the value, and cannot drift from it.
struct Contribution {
    /// The cue's weight as the model gives it, before any modifier.
    let weight: Double
    /// The weight times every factor applied so far.
    private(set) var value: Double
    /// Each factor applied, in order, as `term×factor` (`未×-0.5`, `title×2`); kept only when explaining.
    private(set) var applied: [String] = []
    /// Whether labels are kept (`--explain`): building them costs a string per factor.
    let isExplaining: Bool

    init(weight: Double, isExplaining: Bool) {
        self.weight = weight
        self.value = weight
        self.isExplaining = isExplaining
    }

    /// Multiplies the value by `factor`, recorded as `term×factor`.
    mutating func apply(_ factor: Double, by term: @autoclosure () -> String) {
        value *= factor
        if isExplaining { applied.append("\(term())×\(Contribution.format(factor))") }
    }

    /// Applies a reducer: it shrinks the value toward zero whatever its sign (a negative value takes
    /// the factor with its sign turned), so a lessened shortage is less unfavourable, not favourable.
    mutating func applyReducer(_ factor: Double, by term: @autoclosure () -> String) {
        apply(value < 0 ? -factor : factor, by: term())
    }

    /// Whether the modifiers have left the weight's sign as it was (no negation flipped it).
    var keepsSign: Bool { (value < 0) == (weight < 0) }

    /// A factor as `--explain` prints it: at most two decimals, no trailing `.0`.
    static func format(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
