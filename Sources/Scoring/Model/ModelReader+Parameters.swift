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
            /// Whether the value lies in its range (`isInRange`); if not, says so: `` `key` `` then `rule`.
            func bounded(_ isInRange: Bool, _ rule: String) -> Bool {
                if !isInRange { issue(file, row, "`\(key)` \(rule)") }
                return isInRange
            }
            func positive() -> Bool { bounded(value > 0, "must be greater than 0") }
            /// A window is a whole count of characters or words: `Int(1e300)` would trap.
            func window() -> Int? {
                if value >= 1 && value <= 1000 && value == value.rounded() { return Int(value) }
                issue(file, row, "`\(key)` must be a whole number from 1 to 1000")
                return nil
            }
            switch key {
            case "favorable": p.favorable = value
            case "unfavorable": p.unfavorable = value
            case "tone_favorable": p.toneFavorable = value
            case "tone_unfavorable": p.toneUnfavorable = value
            case "title_weight": if positive() { p.titleWeight = value }
            case "scale": if positive() { p.scale = value }
            case "contrast_after": if positive() { p.contrastAfter = value }
            case "quoted_question":
                if bounded(value >= -1 && value <= 1, "must lie in -1...1") { p.quotedQuestion = value }
            case "distant_attribution":
                if bounded(value > 0 && value <= 1, "must lie in (0, 1]") { p.distantAttribution = value }
            case "prior_segments": if bounded(value >= 0, "must be 0 or more") { p.priorSegments = value }
            case "share_min":
                if bounded(value > 0 && value <= 100, "is a percentage in (0, 100]") { p.shareMin = value }
            case "share_weight":
                if bounded(value > 0 && value <= 4, "must lie in (0, 4], like a cue weight") { p.shareWeight = value }
            case "negation_window_cjk": if let w = window() { p.negationWindowCJK = w }
            case "negation_window_words": if let w = window() { p.negationWindowWords = w }
            case "intensifier_window_cjk": if let w = window() { p.intensifierWindowCJK = w }
            case "intensifier_window_words": if let w = window() { p.intensifierWindowWords = w }
            default: issue(file, row, "unknown parameter `\(key)` — see the comment at the top of params.tsv")
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
