import Foundation

/// Reading the files about who is named: countries.tsv, falsefriends.tsv and pairing.tsv.
extension ModelReader {
    mutating func readCountries() throws(ModelError) -> [Model.CountryForm] {
        let file = self.file("countries.tsv")
        var forms: [Model.CountryForm] = []
        var seen: [String: (value: String, line: Int)] = [:]
        for row in file.rows {
            guard columns(file, row, min: 3, max: 4, layout: "code<TAB>kind<TAB>form[<TAB>flags]") else { continue }
            let code = row.columns[0], kindText = row.columns[1], form = row.columns[2]
            guard CountryCodes.isKnown(code) else {
                issue(file, row, "unknown country code `\(code)` — use an ISO 3166-1 alpha-2 code (GB, not UK) or EU")
                continue
            }
            guard let kind = Model.FormKind(rawValue: kindText) else {
                issue(
                    file, row,
                    "unknown kind `\(kindText)` — use one of "
                        + Model.FormKind.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            let flags = row.columns.count > 3 ? row.columns[3] : ""
            if !flags.isEmpty && flags != "case" {
                issue(file, row, "unknown flag `\(flags)` — the only flag is `case`")
                continue
            }
            if form.isEmpty || ModelReader.isSpace(form.unicodeScalars.first ?? " ")
                || ModelReader.isSpace(form.unicodeScalars.last ?? " ")
            {
                issue(file, row, "form has leading or trailing spaces — remove them")
                continue
            }
            if kind == .bare && form.unicodeScalars.count != 1 {
                issue(file, row, "a bare form is one character — list longer forms as name, demonym or slang")
                continue
            }
            let key = flags == "case" ? form : form.lowercased()
            let isNew = isFirst(
                key, value: code, entry: form, seen: &seen, file, row,
                conflict: { previous, line in
                    "`\(form)` is given to \(previous) on line \(line) and to \(code) here — a form names one country; keep one"
                })
            guard isNew else { continue }
            forms.append(
                Model.CountryForm(
                    code: code, kind: kind, form: form, caseSensitive: flags == "case",
                    source: .init(file: "countries.tsv", line: row.line)))
        }
        // Bare forms (美, 华) name a country only in a pairing: alone they detect nothing.
        if !forms.contains(where: { $0.kind != .bare }) {
            issues.append(
                ModelIssue(
                    path: file.path, line: file.rows.last?.line ?? 1,
                    "no usable country form — the model could detect no country; add code<TAB>name<TAB>form rows"))
        }
        return forms
    }

    mutating func readFalseFriends(countries: [Model.CountryForm]) throws(ModelError) -> [String] {
        let file = self.file("falsefriends.tsv")
        var result: [String] = []
        var seen: [String: Int] = [:]
        let countryForms = Set(countries.map { $0.form.lowercased() })
        for row in file.rows {
            guard columns(file, row, min: 1, max: 2, layout: "form[<TAB>note]") else { continue }
            let form = row.columns[0]
            if let line = seen[form.lowercased()] {
                issue(file, row, "duplicate entry `\(form)` (also line \(line)) — delete one", severity: .warning)
                continue
            }
            if countryForms.contains(form.lowercased()) {
                issue(file, row, "`\(form)` is also a country form in countries.tsv — it cannot be both; remove one")
                continue
            }
            seen[form.lowercased()] = row.line
            result.append(form)
        }
        return result
    }

    mutating func readPairing() throws(ModelError) -> (
        prefixes: [Model.Affix], suffixes: [Model.Affix], joins: [Model.Join]
    ) {
        let file = self.file("pairing.tsv")
        var prefixes: [Model.Affix] = [], suffixes: [Model.Affix] = [], joins: [Model.Join] = []
        var seen: Set<String> = []
        for row in file.rows {
            guard columns(file, row, min: 3, max: 3, layout: "kind<TAB>text<TAB>role") else { continue }
            let kind = row.columns[0], text = row.columns[1], role = row.columns[2]
            if kind == "join" {
                guard role == "list" || role == "series" else {
                    issue(file, row, "unknown role `\(role)` for a join — use list or series")
                    continue
                }
                guard seen.insert(kind + "\t" + text.lowercased()).inserted else {
                    issue(file, row, "duplicate entry `\(text)` — delete one", severity: .warning)
                    continue
                }
                // The scorer trims spaces around a join and looks no further than
                // `maximumListGap` bytes between names: a join leaves room for a space on each side.
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    issue(
                        file, row, "a join of spaces only never matches (spaces are always skipped) — delete it",
                        severity: .warning)
                    continue
                }
                let limit = SegmentScorer.Vocabulary.maximumJoinLength
                if trimmed.utf8.count > limit {
                    issue(
                        file, row,
                        "join `\(text)` is longer than the \(limit) bytes looked at between two names — shorten it",
                        severity: .warning)
                    continue
                }
                joins.append(.init(text: trimmed, isSeries: role == "series"))
                continue
            }
            guard let mark = Model.Affix.Mark(rawValue: role) else {
                issue(file, row, "unknown role `\(role)` — use plain, object or aside")
                continue
            }
            guard seen.insert(kind + "\t" + text).inserted else {
                issue(file, row, "duplicate entry `\(text)` — delete one", severity: .warning)
                continue
            }
            if kind == "suffix" && mark != .plain {
                issue(
                    file, row,
                    "role `\(role)` means nothing on a suffix (only prefixes mark an object or a companion) — write plain",
                    severity: .warning)
            }
            switch kind {
            case "prefix": prefixes.append(.init(text: text, mark: mark))
            case "suffix": suffixes.append(.init(text: text, mark: .plain))
            default: issue(file, row, "unknown kind `\(kind)` — use prefix, suffix or join")
            }
        }
        return (prefixes, suffixes, joins)
    }
}
