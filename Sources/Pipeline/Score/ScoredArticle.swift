import Scoring

/// An article with its language, canonical outlet and stances.
public struct ScoredArticle: Sendable, Equatable {
    public var article: Article
    /// `zh`, `en` or `mixed`, from the body's script.
    public var language: String
    /// The outlet under its canonical name (`Sou Hu Cai Jing` → `搜狐财经`), `nil` when unknown.
    public var outlet: String?
    public var stance: ArticleStance
    /// Each segment's tone, when the scorer was asked for sentences or evidence.
    public var sentences: [SentenceTone] = []
    /// The words that made the tone, with `--explain`.
    public var toneEvidence: [Evidence] = []
    /// The story id (`StoryPrint.text`) when the run assigns stories; written on score rows.
    public var story: String? = nil
}
