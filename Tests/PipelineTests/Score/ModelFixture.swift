import Foundation
import Pipeline
import Scoring

/// The bundled model and labelled sets, found from this file's path (never the current directory).
enum Fixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    static let lexicon: Lexicon = {
        do {
            return Lexicon(model: try Model.load(directory: path("Models")))
        } catch {
            preconditionFailure("the bundled model does not load: \(error)")
        }
    }()

    /// The bundled rules without the fitted decision layer: what the rule tests (text in, rule
    /// labels out) are about. The decision layer is tested on its own (Decide/).
    static let rules: Lexicon = {
        var model = lexicon.model
        model.decision = nil
        return Lexicon(model: model)
    }()

    /// Scores one article (title and body) with the bundled rules: every country and the tone.
    static func article(_ title: String, _ body: String) -> ArticleStance {
        var scorer = ArticleScorer(lexicon: rules)
        let article = Article(
            id: "t:1", file: "t", index: 1, line: 1, title: title, outlet: nil, published: nil,
            topic: nil, body: body)
        return scorer.score(article).stance
    }

    /// Each country's stance in one article.
    static func score(_ title: String, _ body: String) -> [CountryStance] {
        article(title, body).countries
    }

    /// Each country's label.
    static func stances(_ title: String, _ body: String = "") -> [String: StanceLabel] {
        Dictionary(uniqueKeysWithValues: score(title, body).map { ($0.code, $0.label) })
    }

    /// Each country's score.
    static func scores(_ title: String, _ body: String = "") -> [String: Double] {
        Dictionary(uniqueKeysWithValues: score(title, body).map { ($0.code, $0.score) })
    }
}
