import Foundation
import Scoring

/// The tone part of `stance eval`, for sets with `tone.tsv`.
extension EvalReport {
    /// Text lines: correlations, macro-F1 and the confusion matrix, with both neutral bands stated;
    /// with `--folds`, the held-out macro-F1 of a band fitted on the other folds; with `--errors`,
    /// every item whose label is wrong.
    func toneText(errors: Bool = false) -> String {
        guard let t = evaluation.tone, t.count > 0 else { return "" }
        let m = t.labels
        var out = "Tone against \(t.count) rated items (\(t.rated) numeric):\n"
        out +=
            "  Pearson r \(EvalReport.f(t.pearson))  Spearman rho \(EvalReport.f(t.spearman))  macro-F1 \(EvalReport.f(m.macroF1))  accuracy \(EvalReport.f(m.accuracy))\n"
        out +=
            "  neutral: predicted tone in (\(EvalReport.f(t.neutralBand.lowerBound)), \(EvalReport.f(t.neutralBand.upperBound))) (params.tsv tone_unfavorable, tone_favorable)"
        for (language, width) in t.languageBands.sorted(by: { $0.key < $1.key }) {
            out += ", ±\(EvalReport.f(width)) for \(language) (tone_rules.tsv neutral_band_\(language))"
        }
        out += "; gold rating in [\(t.goldNeutralBand.lowerBound), \(t.goldNeutralBand.upperBound)] (tone.tsv)\n"
        var confusion = TextTable(
            headers: ["gold \\ predicted", "positive", "neutral", "negative"], rightAligned: [1, 2, 3])
        for (i, l) in ["positive", "neutral", "negative"].enumerated() {
            confusion.add([l] + m.confusion[i].map(String.init))
        }
        out += confusion.render()
        out +=
            "  F1 positive \(EvalReport.f(m.f1(.favorable)))  neutral \(EvalReport.f(m.f1(.neutral)))  negative \(EvalReport.f(m.f1(.unfavorable)))\n"
        if let folds {
            let cv = t.crossValidate(folds: folds)
            let scheme = folds == 0 ? "leave-one-file-out" : "\(folds)-fold by item"
            out +=
                "  tone held out (\(scheme), neutral band fitted on the other folds): macro-F1 \(EvalReport.f(cv.pooled.macroF1))  accuracy \(EvalReport.f(cv.pooled.accuracy))  F1 neutral \(EvalReport.f(cv.pooled.f1(.neutral)))\n"
            for fold in cv.folds {
                let bands = fold.bands.sorted { $0.key < $1.key }.map { "\($0.key) ±\(EvalReport.f($0.value))" }
                out +=
                    "    \(fold.name): \(bands.isEmpty ? "params.tsv band" : bands.joined(separator: ", ")) → \(fold.metrics.count) items, macro-F1 \(EvalReport.f(fold.metrics.macroF1))\n"
            }
        }
        if errors {
            let wrong = t.items.filter { t.predictedLabel($0) != $0.gold }
            out += "  tone errors (\(wrong.count)):\n"
            for i in wrong {
                let rating = i.rating.map { " (\($0))" } ?? ""
                out +=
                    "  - \(i.article) \(i.gold.rawValue)\(rating) → \(t.predictedLabel(i).rawValue) (tone \(String(format: "%+.3f", i.predicted))) \(i.title)\n"
                if !i.words.isEmpty { out += "      \(i.words)\n" }
            }
        }
        return out + "\n"
    }

    /// The `tone` member of the JSON report, or nil.
    func toneJSON() -> (String, String)? {
        guard let t = evaluation.tone, t.count > 0 else { return nil }
        let m = t.labels
        var members = [
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
                "language_bands",
                JSON.object(t.languageBands.sorted { $0.key < $1.key }.map { ($0.key, JSON.number($0.value)) })
            ),
            (
                "gold_neutral_band",
                JSON.array([JSON.number(t.goldNeutralBand.lowerBound), JSON.number(t.goldNeutralBand.upperBound)])
            ),
        ]
        if let folds {
            // The pooled held-out labels of the cross-validated band.
            let pooled = t.crossValidate(folds: folds).pooled
            let scheme = JSON.string(folds == 0 ? "leave-one-file-out" : "\(folds)-fold")
            let figures = [
                ("macro_f1", pooled.macroF1), ("accuracy", pooled.accuracy), ("f1_neutral", pooled.f1(.neutral)),
            ]
            members.append(("held_out", JSON.object([("scheme", scheme)] + figures.map { ($0.0, JSON.number($0.1)) })))
        }
        return ("tone", JSON.object(members))
    }
}
