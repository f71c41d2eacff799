import Foundation

/// Reading the files about what is said: cues.tsv and modifiers.tsv.
extension ModelReader {
    mutating func readCues() throws(ModelError) -> [Model.Cue] {
        let file = self.file("cues.tsv")
        var cues: [Model.Cue] = []
        var seen: [String: (value: Double, line: Int)] = [:]
        for row in file.rows {
            guard columns(file, row, min: 3, max: 4, layout: "term<TAB>weight<TAB>kind[<TAB>note]") else { continue }
            let term = row.columns[0]
            guard let weight = ModelReader.decimal(row.columns[1]) else {
                issue(file, row, "weight `\(row.columns[1])` is not a number — write a number from -4 to 4")
                continue
            }
            guard (-4...4).contains(weight), weight != 0 else {
                issue(file, row, "weight \(row.columns[1]) out of range — cue weights run from -4 to 4 and are not 0")
                continue
            }
            guard let kind = Model.CueKind(rawValue: row.columns[2]) else {
                issue(file, row, "unknown kind `\(row.columns[2])` — use cue, rel or tone")
                continue
            }
            if term.containsUTF8("{X}") {
                let parts = term.components(separatedBy: "{X}")
                if kind != .rel || parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                    issue(file, row, "`{X}` stands once, inside a rel term, with text on both sides (卡{X}脖子)")
                    continue
                }
            }
            if term.dropLast().containsUTF8("*") || (term.hasSuffix("*") && !term.unicodeScalars.allSatisfy(\.isASCII))
            {
                issue(file, row, "`*` is allowed only at the end of a Latin term")
                continue
            }
            let key = term.lowercased()
            let isNew = isFirst(
                key, value: weight, entry: term, seen: &seen, file, row,
                conflict: { previous, line in
                    "conflicting weights for `\(term)`: \(previous) on line \(line), \(weight) here — keep one"
                })
            guard isNew else { continue }
            cues.append(
                Model.Cue(term: term, weight: weight, kind: kind, source: .init(file: "cues.tsv", line: row.line)))
        }
        return cues
    }

    mutating func readModifiers() throws(ModelError) -> [Model.Modifier] {
        let file = self.file("modifiers.tsv")
        var modifiers: [Model.Modifier] = []
        var seen: [String: (value: Double, line: Int)] = [:]
        for row in file.rows {
            guard columns(file, row, min: 3, max: 3, layout: "term<TAB>type<TAB>factor") else { continue }
            let term = row.columns[0]
            guard let type = Model.ModifierType(rawValue: row.columns[1]) else {
                issue(
                    file, row,
                    "unknown type `\(row.columns[1])` — use one of "
                        + Model.ModifierType.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            guard let factor = ModelReader.decimal(row.columns[2]) else {
                issue(file, row, "factor `\(row.columns[2])` is not a number")
                continue
            }
            let valid: Bool
            switch type {
            case .negator, .irony: valid = factor >= -1 && factor < 0
            case .intensifier: valid = factor > 1 && factor <= 3
            case .diminisher, .contrast, .concessive, .reducer, .lessening, .past: valid = factor > 0 && factor < 1
            case .intent: valid = factor > 0 && factor <= 1
            case .question: valid = factor >= -1 && factor < 1 && factor != 0
            case .blocker, .barrier, .scope: valid = factor == 1
            }
            guard valid else {
                issue(
                    file, row,
                    "factor \(row.columns[2]) out of range for a \(type.rawValue) — negator/irony take -1..<0, question -1..<1 (not 0), intensifier 1<..3, diminisher/contrast/concessive/reducer/lessening/past 0<..<1, intent 0<..1, blocker/barrier/scope 1"
                )
                continue
            }
            let key = term.lowercased()
            let isNew = isFirst(
                key, value: factor, entry: term, seen: &seen, file, row,
                conflict: { _, line in "conflicting factors for `\(term)`: line \(line) and here — keep one" })
            guard isNew else { continue }
            modifiers.append(
                .init(term: term, type: type, factor: factor, source: .init(file: "modifiers.tsv", line: row.line)))
        }
        return modifiers
    }
}
