import Foundation
import Scoring

/// Renders an `Evaluation` for people (text) or scripts (JSON).
public struct EvalReport {
    public let title: String
    public let evaluation: Evaluation
    public let folds: Int?
    public let model: String

    public init(title: String, evaluation: Evaluation, folds: Int?, model: String) {
        self.title = title
        self.evaluation = evaluation
        self.folds = folds
        self.model = model
    }

    static func f(_ x: Double) -> String { String(format: "%.3f", x) }

    static func metricsRow(_ name: String, _ m: Metrics) -> [String] {
        [
            name, String(m.count), f(m.accuracy), f(m.macroF1), f(m.f1(.favorable)), f(m.f1(.neutral)),
            f(m.f1(.unfavorable)), f(m.fAvg), f(m.kappa),
        ]
    }

    static let metricsHeaders = ["", "pairs", "acc", "macro-F1", "F1 fav", "F1 neu", "F1 unf", "F_avg", "kappa"]

    public func text(errors: Bool) -> String {
        let e = evaluation
        var out = "== \(title) — model \(model)\n"
        let d = e.detection
        out += "\(e.articleCount) articles, \(e.goldPairs.count) gold (article, country) pairs\n\n"
        out +=
            "Country detection: precision \(EvalReport.f(d.precision))  recall \(EvalReport.f(d.recall))  F1 \(EvalReport.f(d.f1))"
        out += "  (\(d.truePositives) found, \(d.falsePositives) false, \(d.falseNegatives) missed)\n\n"
        var table = TextTable(headers: EvalReport.metricsHeaders, rightAligned: Set(1..<9))
        table.add(
            EvalReport.metricsRow(
                e.pairs.contains { $0.decided != nil } ? "stance (decision layer)" : "stance (model thresholds)",
                e.stance()))
        var cv: (folds: [Evaluation.Fold], pooled: Metrics)?
        if let folds {
            let result = e.crossValidate(folds: folds)
            cv = result
            table.add(
                EvalReport.metricsRow(
                    folds == 0 ? "stance (leave-one-file-out)" : "stance (\(folds)-fold held out)", result.pooled))
        }
        table.add(EvalReport.metricsRow("baseline: majority label", e.majorityBaseline()))
        table.add(EvalReport.metricsRow("baseline: article tone", e.toneBaseline()))
        out += table.render() + "\n"
        out += toneText(errors: errors)
        let fitted = e.fit(e.goldPairs)
        let fittedMetrics = e.stance(fitted)
        out +=
            "Thresholds that fit these pairs best (in-sample, what params.tsv should hold if this is the tuning set): "
        out +=
            "favorable \(EvalReport.f(fitted.favorable)), unfavorable \(EvalReport.f(fitted.unfavorable)) → macro-F1 \(EvalReport.f(fittedMetrics.macroF1))\n\n"
        if let cv {
            out += "Thresholds fitted on the other folds (favorable / unfavorable):\n"
            for fold in cv.folds {
                out +=
                    "  \(fold.name): \(EvalReport.f(fold.thresholds.favorable)) / \(EvalReport.f(fold.thresholds.unfavorable))"
                out +=
                    "  → \(fold.metrics.count) pairs, acc \(EvalReport.f(fold.metrics.accuracy)), macro-F1 \(EvalReport.f(fold.metrics.macroF1))\n"
            }
            out += "\n"
        }
        let m = e.stance()
        out += "Confusion matrix (rows gold, columns predicted):\n"
        var confusion = TextTable(headers: ["", "favorable", "neutral", "unfavorable"], rightAligned: [1, 2, 3])
        for (i, l) in StanceLabel.allCases.enumerated() {
            confusion.add([l.rawValue] + m.confusion[i].map(String.init))
        }
        out += confusion.render() + "\n"
        for (name, rows) in [("country", e.breakdown { $0.country }), ("language", e.breakdown { $0.language })] {
            var t = TextTable(
                headers: [name, "gold", "acc", "macro-F1*", "kappa", "det P", "det R", "det F1"],
                rightAligned: Set(1..<8))
            for b in rows where b.metrics.count > 0 || b.detection.falsePositives > 0 {
                t.add([
                    b.key, String(b.metrics.count), EvalReport.f(b.metrics.accuracy),
                    EvalReport.f(b.metrics.macroF1Present),
                    EvalReport.f(b.metrics.kappa), EvalReport.f(b.detection.precision),
                    EvalReport.f(b.detection.recall),
                    EvalReport.f(b.detection.f1),
                ])
            }
            out += "By \(name) (* macro-F1 over the labels that occur in that group):\n" + t.render() + "\n"
        }
        if errors { out += errorList() }
        return out
    }

    /// Every wrong, missed or falsely detected pair with the title and the evidence behind its score.
    public func errorList() -> String {
        let e = evaluation
        var out = "Errors (gold → predicted):\n"
        var count = 0
        for p in e.pairs {
            let predicted = p.score == nil ? "not detected" : e.predicted(p).rawValue
            let gold = p.gold?.rawValue ?? "not labelled"
            if let g = p.gold, p.score != nil, e.predicted(p) == g { continue }
            if p.gold == nil && p.score == nil { continue }
            if p.gold == .neutral && p.score == nil { /* missed but neutral: still a detection miss */  }
            count += 1
            let score = p.score.map { String(format: "%+.2f", $0) } ?? "—"
            out +=
                "- \(p.article) \(p.country): \(gold) → \(predicted) (score \(score), tone \(String(format: "%+.2f", p.tone)))\n"
            out += "    \(p.title)\n"
            for ev in p.evidence {
                let mods = ev.modifiers.isEmpty ? "" : " " + ev.modifiers.joined(separator: " ")
                out +=
                    "    \(String(format: "%+.2f", ev.value)) \(ev.matched) [\(ev.entry) \(JSON.number(ev.weight)), \(ev.source)\(mods), \(ev.role.rawValue)] \(ev.segmentKind.rawValue) \(ev.segment): \(TextTable.truncate(ev.segmentText, 100))\n"
            }
        }
        return count == 0 ? "No errors.\n" : out
    }

    static func metricsJSON(_ m: Metrics) -> String {
        JSON.object([
            ("pairs", String(m.count)), ("accuracy", JSON.number(m.accuracy)), ("macro_f1", JSON.number(m.macroF1)),
            ("f1_favorable", JSON.number(m.f1(.favorable))), ("f1_neutral", JSON.number(m.f1(.neutral))),
            ("f1_unfavorable", JSON.number(m.f1(.unfavorable))), ("f_avg", JSON.number(m.fAvg)),
            ("kappa", JSON.number(m.kappa)),
            ("confusion", JSON.array(m.confusion.map { JSON.array($0.map(String.init)) })),
        ])
    }

    public func json(errors: Bool) -> String {
        let e = evaluation
        let d = e.detection
        var pairs: [(String, String)] = [
            ("set", JSON.string(title)), ("model", JSON.string(model)), ("articles", String(e.articleCount)),
            (
                "detection",
                JSON.object([
                    ("precision", JSON.number(d.precision)), ("recall", JSON.number(d.recall)),
                    ("f1", JSON.number(d.f1)),
                    ("found", String(d.truePositives)), ("false", String(d.falsePositives)),
                    ("missed", String(d.falseNegatives)),
                ])
            ),
            ("stance", EvalReport.metricsJSON(e.stance())),
            ("baseline_majority", EvalReport.metricsJSON(e.majorityBaseline())),
            ("baseline_tone", EvalReport.metricsJSON(e.toneBaseline())),
        ]
        if let tone = toneJSON() { pairs.append(tone) }
        if let folds {
            let cv = e.crossValidate(folds: folds)
            pairs.append(
                (
                    "held_out",
                    JSON.object([
                        ("scheme", JSON.string(folds == 0 ? "leave-one-file-out" : "\(folds)-fold")),
                        ("stance", EvalReport.metricsJSON(cv.pooled)),
                        (
                            "folds",
                            JSON.array(
                                cv.folds.map { f in
                                    JSON.object([
                                        ("name", JSON.string(f.name)),
                                        ("favorable", JSON.number(f.thresholds.favorable)),
                                        ("unfavorable", JSON.number(f.thresholds.unfavorable)),
                                        ("stance", EvalReport.metricsJSON(f.metrics)),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        for (name, rows) in [("by_country", e.breakdown { $0.country }), ("by_language", e.breakdown { $0.language })] {
            pairs.append(
                (
                    name,
                    JSON.object(
                        rows.map { b in
                            (
                                b.key,
                                JSON.object([
                                    ("stance", EvalReport.metricsJSON(b.metrics)),
                                    ("macro_f1_present", JSON.number(b.metrics.macroF1Present)),
                                    ("detection_f1", JSON.number(b.detection.f1)),
                                ])
                            )
                        })
                ))
        }
        if errors {
            let items = e.pairs.compactMap { p -> String? in
                if let g = p.gold, p.score != nil, e.predicted(p) == g { return nil }
                if p.gold == nil && p.score == nil { return nil }
                return JSON.object([
                    ("article", JSON.string(p.article)), ("country", JSON.string(p.country)),
                    ("title", JSON.string(p.title)),
                    ("gold", JSON.optional(p.gold?.rawValue)),
                    ("predicted", p.score == nil ? "null" : JSON.string(e.predicted(p).rawValue)),
                    ("score", p.score.map(JSON.number) ?? "null"),
                    ("evidence", JSON.array(p.evidence.map(JSONLinesScoreWriter.evidence))),
                ])
            }
            pairs.append(("errors", JSON.array(items)))
        }
        return JSON.object(pairs) + "\n"
    }
}
