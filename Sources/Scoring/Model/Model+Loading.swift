import Foundation

extension Model {
    /// The files a model directory holds, in the order they are read.
    public static let fileNames = [
        "manifest.tsv", "countries.tsv", "falsefriends.tsv", "pairing.tsv", "cues.tsv", "modifiers.tsv",
        "variants.tsv", "outlets.tsv", "params.tsv",
    ]

    /// Loads and validates the model in `directory`; any error-level issue makes it unusable.
    public static func load(directory: String) throws(ModelError) -> Model {
        var reader = ModelReader(directory: directory)
        let model = try reader.read()
        let errors = reader.issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .invalid(errors) }
        return model
    }

    /// Every problem in the model in `directory`, errors and warnings, for `stance model check`.
    public static func check(directory: String) -> [ModelIssue] {
        var reader = ModelReader(directory: directory)
        do {
            _ = try reader.read()
        } catch {
            return reader.issues + error.issues
        }
        return reader.issues
    }
}

/// Reads the model files one by one, collecting every issue instead of stopping at the first.
struct ModelReader {
    let directory: String
    var issues: [ModelIssue] = []

    init(directory: String) { self.directory = directory }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Reads one model file; a file that cannot be used at all (missing, not UTF-8, bad format line) is
    /// an issue and reads as empty, so the other files are still checked.
    mutating func file(_ name: String) -> TSVFile {
        do {
            return try TSVFile(path: path(name))
        } catch {
            issues += error.issues
            return TSVFile(emptyAt: path(name))
        }
    }

    mutating func issue(
        _ file: TSVFile, _ row: TSVFile.Row, _ message: String,
        severity: ModelIssue.Severity = .error
    ) {
        issues.append(ModelIssue(path: file.path, line: row.line, severity: severity, message))
    }

    mutating func columns(_ file: TSVFile, _ row: TSVFile.Row, min: Int, max: Int, layout: String) -> Bool {
        let count = row.columns.count
        if count < min || count > max {
            issue(
                file, row,
                "expected \(layout) (\(min == max ? "\(min)" : "\(min) to \(max)") tab-separated columns), found \(count) — separate columns with one tab"
            )
            return false
        }
        if row.columns[0].trimmingCharacters(in: .whitespaces).isEmpty {
            issue(file, row, "empty first column — write the entry's text or delete the line")
            return false
        }
        return true
    }

    /// A plain decimal number (`-2`, `0.15`, `1e-3`); Swift's `Double("0x3")` reads hexadecimal and
    /// `Double("inf")` infinity, neither of which a model file should hold.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty,
            text.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45
            }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    mutating func read() throws(ModelError) -> Model {
        let manifest = self.file("manifest.tsv")
        var name = "", version = ""
        for row in manifest.rows {
            guard columns(manifest, row, min: 2, max: 2, layout: "key<TAB>value") else { continue }
            switch row.columns[0] {
            case "name": name = row.columns[1]
            case "version": version = row.columns[1]
            case "description": break
            default: issue(manifest, row, "unknown manifest key `\(row.columns[0])` — use name, version or description")
            }
        }
        if name.isEmpty {
            issues.append(ModelIssue(path: manifest.path, line: 1, "no `name` row — add `name<TAB>...`"))
        }
        if version.isEmpty {
            issues.append(ModelIssue(path: manifest.path, line: 1, "no `version` row — add `version<TAB>x.y.z`"))
        }

        let countries = try readCountries()
        let falseFriends = try readFalseFriends(countries: countries)
        let (prefixes, suffixes, joins) = try readPairing()
        let cues = try readCues()
        let modifiers = try readModifiers()
        let variants = try readVariants()
        let outlets = try readOutlets()
        let parameters = try readParameters()
        var model = Model(
            name: name, version: version, directory: directory, countries: countries,
            falseFriends: falseFriends, prefixes: prefixes, suffixes: suffixes, joins: joins, cues: cues,
            modifiers: modifiers, variants: variants, outlets: outlets, parameters: parameters)
        model.tone = readTone()
        return model
    }

    private mutating func readCountries() throws(ModelError) -> [Model.CountryForm] {
        let file = self.file("countries.tsv")
        var forms: [Model.CountryForm] = []
        var seen: [String: (code: String, line: Int)] = [:]
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
            if form.trimmingCharacters(in: .whitespaces) != form || form.isEmpty {
                issue(file, row, "form has leading or trailing spaces — remove them")
                continue
            }
            if kind == .bare && form.unicodeScalars.count != 1 {
                issue(file, row, "a bare form is one character — list longer forms as name, demonym or slang")
                continue
            }
            let key = flags == "case" ? form : form.lowercased()
            if let previous = seen[key] {
                if previous.code == code {
                    issue(
                        file, row, "duplicate entry `\(form)` (also line \(previous.line)) — delete one",
                        severity: .warning)
                } else {
                    issue(
                        file, row,
                        "`\(form)` is given to \(previous.code) on line \(previous.line) and to \(code) here — a form names one country; keep one"
                    )
                }
                continue
            }
            seen[key] = (code, row.line)
            forms.append(
                Model.CountryForm(
                    code: code, kind: kind, form: form, caseSensitive: flags == "case",
                    source: .init(file: "countries.tsv", line: row.line)))
        }
        return forms
    }

    private mutating func readFalseFriends(countries: [Model.CountryForm]) throws(ModelError) -> [String] {
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

    private mutating func readPairing() throws(ModelError) -> ([Model.Affix], [Model.Affix], [Model.Join]) {
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
                // The scorer trims spaces around a join and looks no further than 16 bytes between names.
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    issue(
                        file, row, "a join of spaces only never matches (spaces are always skipped) — delete it",
                        severity: .warning)
                    continue
                }
                if trimmed.utf8.count > 14 {
                    issue(
                        file, row,
                        "join `\(text)` is longer than the 14 bytes looked at between two names — shorten it",
                        severity: .warning)
                    continue
                }
                joins.append(.init(text: trimmed, series: role == "series"))
                continue
            }
            guard let affixRole = Model.Affix.Role(rawValue: role) else {
                issue(file, row, "unknown role `\(role)` — use plain, object or aside")
                continue
            }
            guard seen.insert(kind + "\t" + text).inserted else {
                issue(file, row, "duplicate entry `\(text)` — delete one", severity: .warning)
                continue
            }
            if kind == "suffix" && affixRole != .plain {
                issue(
                    file, row,
                    "role `\(role)` means nothing on a suffix (only prefixes mark an object or a companion) — write plain",
                    severity: .warning)
            }
            switch kind {
            case "prefix": prefixes.append(.init(text: text, role: affixRole))
            case "suffix": suffixes.append(.init(text: text, role: .plain))
            default: issue(file, row, "unknown kind `\(kind)` — use prefix, suffix or join")
            }
        }
        return (prefixes, suffixes, joins)
    }

    private mutating func readCues() throws(ModelError) -> [Model.Cue] {
        let file = self.file("cues.tsv")
        var cues: [Model.Cue] = []
        var seen: [String: (weight: Double, line: Int)] = [:]
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
            if term.contains("{X}") {
                let parts = term.components(separatedBy: "{X}")
                if kind != .rel || parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                    issue(file, row, "`{X}` stands once, inside a rel term, with text on both sides (卡{X}脖子)")
                    continue
                }
            }
            if term.dropLast().contains("*") || (term.hasSuffix("*") && !term.unicodeScalars.allSatisfy(\.isASCII)) {
                issue(file, row, "`*` is allowed only at the end of a Latin term")
                continue
            }
            let key = term.lowercased()
            if let previous = seen[key] {
                if previous.weight == weight {
                    issue(
                        file, row, "duplicate entry `\(term)` (also line \(previous.line)) — delete one",
                        severity: .warning)
                } else {
                    issue(
                        file, row,
                        "conflicting weights for `\(term)`: \(previous.weight) on line \(previous.line), \(weight) here — keep one"
                    )
                }
                continue
            }
            seen[key] = (weight, row.line)
            cues.append(
                Model.Cue(term: term, weight: weight, kind: kind, source: .init(file: "cues.tsv", line: row.line)))
        }
        return cues
    }

    private mutating func readModifiers() throws(ModelError) -> [Model.Modifier] {
        let file = self.file("modifiers.tsv")
        var modifiers: [Model.Modifier] = []
        var seen: [String: (factor: Double, line: Int)] = [:]
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
            case .diminisher, .contrast, .concessive, .reducer, .lessening: valid = factor > 0 && factor < 1
            case .question: valid = factor >= -1 && factor < 1 && factor != 0
            case .blocker, .barrier, .scope: valid = factor == 1
            }
            guard valid else {
                issue(
                    file, row,
                    "factor \(row.columns[2]) out of range for a \(type.rawValue) — negator/irony take -1..<0, question -1..<1 (not 0), intensifier 1<..3, diminisher/contrast/concessive/reducer/lessening 0<..<1, blocker/barrier/scope 1"
                )
                continue
            }
            let key = term.lowercased()
            if let previous = seen[key] {
                if previous.factor == factor {
                    issue(
                        file, row, "duplicate entry `\(term)` (also line \(previous.line)) — delete one",
                        severity: .warning)
                } else {
                    issue(file, row, "conflicting factors for `\(term)`: line \(previous.line) and here — keep one")
                }
                continue
            }
            seen[key] = (factor, row.line)
            modifiers.append(
                .init(term: term, type: type, factor: factor, source: .init(file: "modifiers.tsv", line: row.line)))
        }
        return modifiers
    }

    private mutating func readVariants() throws(ModelError) -> [(String, String)] {
        readVariantFile("variants.tsv")
    }

    /// A file of traditional → simplified characters (variants.tsv, tone_variants.tsv).
    mutating func readVariantFile(_ name: String) -> [(String, String)] {
        let file = self.file(name)
        var result: [(String, String)] = []
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

    private mutating func readOutlets() throws(ModelError) -> [String: String] {
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

    private mutating func readParameters() throws(ModelError) -> Model.Parameters {
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
            func positive() -> Bool {
                if value > 0 { return true }
                issue(file, row, "`\(key)` must be greater than 0")
                return false
            }
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
                if value >= -1 && value <= 1 {
                    p.quotedQuestion = value
                } else {
                    issue(file, row, "`quoted_question` must lie in -1...1")
                }
            case "distant_attribution":
                if value > 0 && value <= 1 {
                    p.distantAttribution = value
                } else {
                    issue(file, row, "`distant_attribution` must lie in (0, 1]")
                }
            case "prior_segments":
                if value >= 0 {
                    p.priorSegments = value
                } else {
                    issue(file, row, "`prior_segments` must be 0 or more")
                }
            case "share_min":
                if value > 0 && value <= 100 {
                    p.shareMin = value
                } else {
                    issue(file, row, "`share_min` is a percentage in (0, 100]")
                }
            case "share_weight":
                if value > 0 && value <= 4 {
                    p.shareWeight = value
                } else {
                    issue(file, row, "`share_weight` must lie in (0, 4], like a cue weight")
                }
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
