import Foundation

/// Reading params.tsv: the numbers the scoring rules use.
extension ModelReader {
    /// Where each parameter goes (its range is in `ParameterSpace.ranges`).
    static let realParameters: [String: WritableKeyPath<Model.Parameters, Double> & Sendable] = [
        "favorable": \.favorable, "unfavorable": \.unfavorable, "tone_favorable": \.toneFavorable,
        "tone_unfavorable": \.toneUnfavorable, "title_weight": \.titleWeight, "scale": \.scale,
        "contrast_after": \.contrastAfter, "prior_segments": \.priorSegments, "quoted_question": \.quotedQuestion,
        "distant_attribution": \.distantAttribution, "share_min": \.shareMin, "share_weight": \.shareWeight,
    ]
    static let wholeParameters: [String: WritableKeyPath<Model.Parameters, Int> & Sendable] = [
        "negation_window_cjk": \.negationWindowCJK, "negation_window_words": \.negationWindowWords,
        "intensifier_window_cjk": \.intensifierWindowCJK, "intensifier_window_words": \.intensifierWindowWords,
    ]

    mutating func readParameters() throws(ModelError) -> Model.Parameters {
        let file = self.file("params.tsv")
        var p = Model.Parameters()
        var seen: [String: Int] = [:]
        // Keys written at all, even on a malformed row (which is reported on its own).
        let written = Set(file.rows.compactMap { $0.columns.first })
        for row in file.rows {
            guard columns(file, row, min: 2, max: 2, layout: "key<TAB>value") else { continue }
            let key = row.columns[0]
            guard let value = ModelReader.decimal(row.columns[1]) else {
                issue(file, row, "value `\(row.columns[1])` is not a number — write a decimal such as 0.15")
                continue
            }
            if let line = seen[key] {
                issue(file, row, "duplicate key `\(key)` (also line \(line)) — keep one"); continue
            }
            seen[key] = row.line
            // One table of ranges (ParameterSpace) for every parameter: outside them a score can
            // overflow or vanish (title_weight 1e308 made NaN), and `Int(1e300)` would trap.
            guard let range = ParameterSpace.ranges[key] else {
                issue(file, row, "unknown parameter `\(key)` — see the comment at the top of params.tsv")
                continue
            }
            guard range.contains(value) else {
                issue(file, row, "`\(key)` \(row.columns[1]) out of range — it must be \(range.text)")
                continue
            }
            if let field = ModelReader.realParameters[key] {
                p[keyPath: field] = value
            } else if let field = ModelReader.wholeParameters[key] {
                p[keyPath: field] = Int(value)
            }
        }
        // The thresholds and the scale decide every label: a missing line must not fall back silently.
        let lastLine = file.rows.last?.line ?? 1
        for key in ["favorable", "unfavorable", "tone_favorable", "tone_unfavorable", "title_weight", "scale"]
        where !written.contains(key) {
            issues.append(
                ModelIssue(
                    path: file.path, line: lastLine,
                    "no `\(key)` row — add `\(key)<TAB>value` (see the comment at the top)"))
        }
        if !(p.unfavorable < 0 && p.favorable > 0 && p.unfavorable < p.favorable) {
            issues.append(
                ModelIssue(
                    path: file.path, line: seen["favorable"] ?? seen["unfavorable"] ?? lastLine,
                    "thresholds must satisfy unfavorable < 0 < favorable"))
        }
        if !(p.toneUnfavorable < p.toneFavorable) {
            issues.append(
                ModelIssue(
                    path: file.path, line: seen["tone_favorable"] ?? seen["tone_unfavorable"] ?? lastLine,
                    "tone thresholds must satisfy tone_unfavorable < tone_favorable"))
        }
        return p
    }
}
