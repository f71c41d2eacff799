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
