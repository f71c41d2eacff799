/// One word's part in a sentence's tone, kept so a reader can see why an article reads as it does.
public struct ToneEvidence: Sendable, Equatable, Codable {
    /// The text matched in the segment.
    public var matched: String
    /// The tone entry as written in the model, or what stands in for one (`market colour`).
    public var entry: String
    /// Where the entry is defined (`tone_en.tsv:42`).
    public var source: String
    /// The entry's valence before the rules.
    public var weight: Double
    /// Rules applied, each as `term×factor` (`not×-0.74`, `but×0.5`, `CAPS+0.7`).
    public var modifiers: [String]
    /// What the word added to the sentence's sum.
    public var value: Double
    public var segment: Int
    public var segmentKind: SegmentKind
}

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

/// The article's tone from its sentences: a weighted mean in which titles count `title_weight` and a
/// sentence that carries no tone counts `neutral_sentence`, so a long article of facts with one
/// angry line is mildly negative, not as negative as the line.
public struct ToneAggregate: Sendable {
    public private(set) var weighted = 0.0
    public private(set) var weights = 0.0

    public init() {}

    public mutating func reset() {
        weighted = 0
        weights = 0
    }

    public mutating func add(_ sentence: SentenceTone, weight: Double, parameters: ToneModel.Parameters) {
        weighted += sentence.score * weight
        weights += sentence.carriesTone ? weight : weight * parameters.neutralSentence
    }

    /// The article tone in [−1, 1], rounded to 4 decimals.
    public var value: Double {
        guard weights > 0 else { return 0 }
        let mean = max(-1, min(1, weighted / weights))
        return (mean * 10_000).rounded() / 10_000
    }
}
