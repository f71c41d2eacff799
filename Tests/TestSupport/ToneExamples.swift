import Pipeline
import Scoring

/// A suite of tone examples: a sentence in, its tone and its `--explain` evidence out, so each
/// example reads `tone("…") < 0` (`Fixture.tone`, `Fixture.toneEvidence`).
public protocol ToneExamples {}

extension ToneExamples {
    /// The tone of a one-sentence article (the sentence is the body; the title is neutral).
    public func tone(_ sentence: String) -> Double { Fixture.tone(sentence) }

    /// The sentence's words and rules as `--explain` shows them.
    public func evidence(_ sentence: String) -> [Evidence] { Fixture.toneEvidence(sentence) }
}
