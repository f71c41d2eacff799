import Pipeline
import Scoring

/// Domain assertions: an article's text in, each country's stance out, scored with the bundled model.
extension Fixture {
    /// Scores one article (title and body) with the bundled model: every country and the tone.
    public static func article(_ title: String, _ body: String) -> ArticleStance {
        var scorer = ArticleScorer(lexicon: lexicon)
        let article = Article(
            id: "t:1", file: "t", index: 1, line: 1, title: title, outlet: nil, published: nil,
            topic: nil, body: body)
        return scorer.score(article).stance
    }

    /// Each country's stance in one article.
    public static func score(_ title: String, _ body: String) -> [CountryStance] {
        article(title, body).countries
    }

    /// Each country's label.
    public static func stances(_ title: String, _ body: String = "") -> [String: StanceLabel] {
        Dictionary(uniqueKeysWithValues: score(title, body).map { ($0.code, $0.label) })
    }

    /// Each country's score.
    public static func scores(_ title: String, _ body: String = "") -> [String: Double] {
        Dictionary(uniqueKeysWithValues: score(title, body).map { ($0.code, $0.score) })
    }
}
