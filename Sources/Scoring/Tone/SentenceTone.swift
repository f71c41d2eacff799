/// The tone of one segment (title, heading, bullet or sentence).
public struct SentenceTone: Sendable, Equatable {
    public var segment: Int
    public var kind: SegmentKind
    /// The sum of its words after the rules, before normalisation.
    public var sum: Double
    /// `sum / √(sum² + alpha)`, in [−1, 1], rounded to 4 decimals.
    public var score: Double
    /// Whether any tone word or market colour stood in it (a sentence without one dilutes the
    /// article's mean only by `neutral_sentence`).
    public var carriesTone: Bool
    /// The segment's text (filled only when sentences or evidence are asked for).
    public var text: String
}
