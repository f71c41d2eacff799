import Foundation
import Scoring

/// The tone part of `stance eval`, for sets with `tone.tsv`.
extension EvalReport {
    /// Text lines: correlations, macro-F1 and the confusion matrix, with both neutral bands stated.
    func toneText() -> String {
        guard let t = evaluation.tone, t.count > 0 else { return "" }
        let m = t.labels
        var out = "Tone against \(t.count) rated items (\(t.rated) numeric):\n"
        out +=
            "  Pearson r \(EvalReport.f(t.pearson))  Spearman rho \(EvalReport.f(t.spearman))  macro-F1 \(EvalReport.f(m.macroF1))  accuracy \(EvalReport.f(m.accuracy))\n"
        out +=
            "  neutral: predicted tone in (\(EvalReport.f(t.neutralBand.lowerBound)), \(EvalReport.f(t.neutralBand.upperBound))) (params.tsv tone_unfavorable, tone_favorable); gold rating in [\(t.goldNeutralBand.lowerBound), \(t.goldNeutralBand.upperBound)] (tone.tsv)\n"
        var confusion = TextTable(
            headers: ["gold \\ predicted", "positive", "neutral", "negative"], rightAligned: [1, 2, 3])
        for (i, l) in ["positive", "neutral", "negative"].enumerated() {
            confusion.add([l] + m.confusion[i].map(String.init))
        }
        out += confusion.render()
        out +=
            "  F1 positive \(EvalReport.f(m.f1(.favorable)))  neutral \(EvalReport.f(m.f1(.neutral)))  negative \(EvalReport.f(m.f1(.unfavorable)))\n\n"
        return out
    }

    /// The `tone` member of the JSON report, or nil.
    func toneJSON() -> (String, String)? {
        guard let t = evaluation.tone, t.count > 0 else { return nil }
        let m = t.labels
        return (
            "tone",
            JSON.object([
                ("items", String(t.count)), ("numeric", String(t.rated)), ("pearson", JSON.number(t.pearson)),
                ("spearman", JSON.number(t.spearman)), ("macro_f1", JSON.number(m.macroF1)),
                ("accuracy", JSON.number(m.accuracy)),
                ("f1_positive", JSON.number(m.f1(.favorable))), ("f1_neutral", JSON.number(m.f1(.neutral))),
                ("f1_negative", JSON.number(m.f1(.unfavorable))),
                (
                    "neutral_band",
                    JSON.array([JSON.number(t.neutralBand.lowerBound), JSON.number(t.neutralBand.upperBound)])
                ),
                (
                    "gold_neutral_band",
                    JSON.array([JSON.number(t.goldNeutralBand.lowerBound), JSON.number(t.goldNeutralBand.upperBound)])
                ),
            ])
        )
    }
}
