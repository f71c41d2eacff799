import Foundation

/// Reading the lookup tables: variants.tsv and tone_variants.tsv (traditional characters), outlets.tsv
/// (outlet aliases).
extension ModelReader {
    mutating func readVariants() throws(ModelError) -> [(traditional: String, simplified: String)] {
        readVariantFile("variants.tsv")
    }

    /// A file of traditional → simplified characters (variants.tsv, tone_variants.tsv).
    mutating func readVariantFile(_ name: String) -> [(traditional: String, simplified: String)] {
        let file = self.file(name)
        var result: [(traditional: String, simplified: String)] = []
        var seen: [String: Int] = [:]
        for row in file.rows {
            guard columns(file, row, min: 2, max: 2, layout: "traditional<TAB>simplified") else { continue }
            let from = row.columns[0], to = row.columns[1]
            guard from.unicodeScalars.count == 1, to.unicodeScalars.count == 1, from.utf8.count == to.utf8.count else {
                issue(file, row, "a variant maps one character to one character of the same UTF-8 length")
                continue
            }
            if let line = seen[from] {
                issue(file, row, "duplicate entry `\(from)` (also line \(line)) — delete one", severity: .warning)
                continue
            }
            seen[from] = row.line
            if from != to { result.append((from, to)) }
        }
        return result
    }

    mutating func readOutlets() throws(ModelError) -> [String: String] {
        let file = self.file("outlets.tsv")
        var result: [String: String] = [:]
        var lines: [String: Int] = [:]
        for row in file.rows {
            guard columns(file, row, min: 2, max: 2, layout: "canonical<TAB>alias") else { continue }
            let canonical = row.columns[0], alias = row.columns[1]
            for name in [alias, alias.lowercased()] {
                if let existing = result[name], existing != canonical {
                    issue(
                        file, row,
                        "`\(alias)` is an alias of `\(existing)` on line \(lines[name] ?? 0) — an alias belongs to one outlet"
                    )
                    continue
                }
                result[name] = canonical
                lines[name] = row.line
            }
            result[canonical] = canonical
        }
        return result
    }
}
