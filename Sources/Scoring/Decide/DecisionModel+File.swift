import Foundation

/// `decision.tsv`: the decision layer's weights as plain text a reader can check.
///
/// ```
/// format   1
/// lambda   0.1
/// trained  <what it was fitted on>
/// labels   favorable  neutral  unfavorable
/// bias     -  -  <b_fav>  <b_neu>  <b_unf>
/// feature  <name>  <mean>  <scale>  <w_fav>  <w_neu>  <w_unf>
/// ```
/// Features must be exactly `DecisionFeatures.names`, in order: a weights file written for other
/// features is refused with the line to fix (refit it with `stance tune`).
extension DecisionModel {
    public static let fileName = "decision.tsv"

    /// Reads and validates a weights file; every problem is an issue with file:line.
    public static func read(_ file: TSVFile, issues: inout [ModelIssue]) -> DecisionModel? {
        var names: [String] = [], means: [Double] = [], scales: [Double] = [], weights: [[Double]] = [[], [], []]
        var bias: [Double]?
        var lambda = 0.0, trained = "", labelsSeen = false
        // Feature rows seen, so one wrong name is one issue and the rows after it are still checked by position.
        var position = 0
        let before = issues.count
        func issue(_ row: TSVFile.Row, _ message: String) {
            issues.append(ModelIssue(path: file.path, line: row.line, message))
        }
        for row in file.rows {
            let c = row.columns
            switch c[0] {
            case "lambda":
                guard c.count == 2, let v = Double(c[1]), v >= 0 else {
                    issue(row, "`lambda` takes one number ≥ 0 — write `lambda<TAB>0.1`")
                    continue
                }
                lambda = v
            case "trained":
                trained = c.dropFirst().joined(separator: " ")
            case "labels":
                guard Array(c.dropFirst()) == DecisionModel.labels.map(\.rawValue) else {
                    issue(row, "labels must be `favorable<TAB>neutral<TAB>unfavorable`, in that order")
                    continue
                }
                labelsSeen = true
            case "bias", "feature":
                guard c.count == 7 else {
                    issue(row, "`\(c[0])` rows have 7 columns: \(c[0]), name, mean, scale and one weight per label")
                    continue
                }
                let w = c[4...].compactMap { Double($0) }
                guard w.count == 3, w.allSatisfy(\.isFinite) else {
                    issue(row, "the three weights must be numbers — refit with `stance tune`")
                    continue
                }
                if c[0] == "bias" {
                    bias = w
                    continue
                }
                let expected = position < DecisionFeatures.names.count ? DecisionFeatures.names[position] : nil
                position += 1
                guard c[1] == expected else {
                    issue(
                        row,
                        "feature `\(c[1])` where this build expects "
                            + (expected.map { "`\($0)`" } ?? "no more features")
                            + " — the file was fitted for other features; refit it with `stance tune`")
                    continue
                }
                guard let mean = Double(c[2]), let scale = Double(c[3]), mean.isFinite, scale.isFinite, scale > 0
                else {
                    issue(row, "mean and scale must be numbers, the scale above 0 — refit with `stance tune`")
                    continue
                }
                names.append(c[1])
                means.append(mean)
                scales.append(scale)
                for k in 0..<3 { weights[k].append(w[k]) }
            default:
                issue(row, "unknown row `\(c[0])` — use lambda, trained, labels, bias or feature")
            }
        }
        let end = TSVFile.Row(line: max(file.rows.last?.line ?? 1, 1), columns: [])
        if !labelsSeen { issue(end, "no `labels` row — add `labels<TAB>favorable<TAB>neutral<TAB>unfavorable`") }
        if bias == nil { issue(end, "no `bias` row — refit with `stance tune`") }
        if issues.count == before, position < DecisionFeatures.names.count {
            issue(
                end,
                "\(names.count) features, this build reads \(DecisionFeatures.names.count) (next: `\(DecisionFeatures.names[names.count])`) — refit with `stance tune`"
            )
        }
        guard issues.count == before, let bias else { return nil }
        return DecisionModel(
            names: names, means: means, scales: scales,
            weights: (0..<3).map { [bias[$0]] + weights[$0] }, lambda: lambda, trainedOn: trained)
    }

    /// The weights file's text, with a header that says what it is.
    public func fileText() -> String {
        func n(_ x: Double) -> String { "\(x)" }
        var lines = [
            "# The decision layer: multinomial logistic regression over the rules' evidence (Documentation/Scoring.md).",
            "# Written by `stance tune`; refit it rather than editing weights by hand. A feature x is standardised",
            "# as z = (x - mean) / scale; the label with the largest bias + sum(weight * z) wins.",
            "# Rows: lambda (L2 strength), trained (what it was fitted on), labels, bias, then one row per feature:",
            "#   feature <TAB> name <TAB> mean <TAB> scale <TAB> w_favorable <TAB> w_neutral <TAB> w_unfavorable",
            "format\t1",
            "",
            "lambda\t\(n(lambda))",
            "trained\t\(trainedOn)",
            "labels\t" + DecisionModel.labels.map(\.rawValue).joined(separator: "\t"),
            "bias\t-\t-\t-\t" + weights.map { n($0[0]) }.joined(separator: "\t"),
        ]
        for j in 0..<names.count {
            lines.append(
                "feature\t\(names[j])\t\(n(means[j]))\t\(n(scales[j]))\t"
                    + weights.map { n($0[j + 1]) }.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
