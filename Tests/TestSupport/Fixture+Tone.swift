import Pipeline
import Scoring

/// Tone assertions: a sentence in, its tone and its tone evidence out, scored with the bundled model.
extension Fixture {
    /// The tone of a one-sentence article (the sentence is the body; the title is neutral).
    public static func tone(_ sentence: String) -> Double { article("Notice", sentence).tone }

    /// The sentence's tone words and rules as `--explain` shows them.
    public static func toneEvidence(_ sentence: String) -> [Evidence] {
        var scorer = ArticleScorer(lexicon: lexicon, explain: true)
        let article = Article(
            id: "t:1", file: "t", index: 1, line: 1, title: "Notice", outlet: nil, published: nil, topic: nil,
            body: sentence)
        return scorer.score(article).toneEvidence
    }
}
