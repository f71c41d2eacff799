import Foundation

/// Reading params.tsv: the numbers the scoring rules use.
extension ModelReader {
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
            switch key {
            case "favorable": p.favorable = value
            case "unfavorable": p.unfavorable = value
            case "tone_favorable": p.toneFavorable = value
            case "tone_unfavorable": p.toneUnfavorable = value
            case "title_weight": p.titleWeight = value
            case "scale": p.scale = value
            case "contrast_after": p.contrastAfter = value
            case "prior_segments": p.priorSegments = value
            case "quoted_question": p.quotedQuestion = value
            case "distant_attribution": p.distantAttribution = value
            case "share_min": p.shareMin = value
            case "share_weight": p.shareWeight = value
            case "negation_window_cjk": p.negationWindowCJK = Int(value)
            case "negation_window_words": p.negationWindowWords = Int(value)
            case "intensifier_window_cjk": p.intensifierWindowCJK = Int(value)
            case "intensifier_window_words": p.intensifierWindowWords = Int(value)
            default: break
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
