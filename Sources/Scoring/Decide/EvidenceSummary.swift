/// What the rules found for one country in one article, summed as the decision layer reads it: the
/// contributions by sign and attribution role, in the title, how many, how many a modifier flipped,
/// and in how many segments.
///
/// Kept by the accumulator for every contribution at the cost of a few additions, so the decision
/// layer needs no `--explain` evidence (no strings) and scoring stays fast.
public struct EvidenceSummary: Sendable, Equatable {
    /// Positive and negative (as a magnitude) sums by role: subject, object, nearest, distant.
    public var positive = SIMD4<Double>()
    public var negative = SIMD4<Double>()
    public var titlePositive = 0.0
    public var titleNegative = 0.0
    public var positiveCount = 0
    public var negativeCount = 0
    /// Contributions whose sign a modifier turned (negation, a reducer, a mocked claim).
    public var flipped = 0
    /// Segments with at least one contribution.
    public var segments = 0
    private var lastSegment = -1

    public init() {}

    /// Adds one contribution of `value` from a cue of weight `weight`, reached through `role`.
    public mutating func add(_ value: Double, weight: Double, role: Evidence.Role, segment: Int, title: Bool) {
        let r = EvidenceSummary.index(role)
        if value > 0 {
            positive[r] += value
            positiveCount += 1
            if title { titlePositive += value }
        } else if value < 0 {
            negative[r] -= value
            negativeCount += 1
            if title { titleNegative -= value }
        }
        if value != 0 && (value < 0) != (weight < 0) { flipped += 1 }
        if segment != lastSegment {
            segments += 1
            lastSegment = segment
        }
    }

    public var positiveSum: Double { positive.sum() }
    public var negativeSum: Double { negative.sum() }

    static func index(_ role: Evidence.Role) -> Int {
        switch role {
        case .subject: 0
        case .object: 1
        // Tone words never reach a country's summary (they hold no country); counted as nearest if they did.
        case .nearest, .tone: 2
        case .distant: 3
        }
    }
}
