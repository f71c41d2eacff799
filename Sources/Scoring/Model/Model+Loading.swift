import Foundation

extension Model {
    /// The files a model directory holds, in the order they are read.
    public static let fileNames = [
        "manifest.tsv", "countries.tsv", "falsefriends.tsv", "pairing.tsv", "cues.tsv", "modifiers.tsv",
        "variants.tsv", "outlets.tsv", "params.tsv",
    ]

    /// Loads and validates the model in `directory`; any error-level issue makes it unusable.
    /// `decision: false` ignores `decision.tsv` (what `stance tune` does: it refits that file, which
    /// may be stale or for other features).
    public static func load(directory: String, decision: Bool = true) throws(ModelError) -> Model {
        var reader = ModelReader(directory: directory)
        reader.readsDecision = decision
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

    /// Whether `decision.tsv` is read (when present).
    var readsDecision = true

    init(directory: String) { self.directory = directory }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

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
        if row.columns[0].unicodeScalars.allSatisfy(ModelReader.isSpace) {
            issue(file, row, "empty first column — write the entry's text or delete the line")
            return false
        }
        return true
    }

    /// Whether `entry` (under `key`) is met for the first time, and if so remembers it with its `value`.
    /// Met again with the same value it is a duplicate (a warning); with another value, a conflict
    /// (an error, worded by `conflict` from the earlier value and its line).
    mutating func isFirst<Value: Equatable>(
        _ key: String, value: Value, entry: String, seen: inout [String: (value: Value, line: Int)],
        _ file: TSVFile, _ row: TSVFile.Row, conflict: (_ previous: Value, _ line: Int) -> String
    ) -> Bool {
        guard let previous = seen[key] else {
            seen[key] = (value, row.line)
            return true
        }
        if previous.value == value {
            issue(file, row, "duplicate entry `\(entry)` (also line \(previous.line)) — delete one", severity: .warning)
        } else {
            issue(file, row, conflict(previous.value, previous.line))
        }
        return false
    }

    /// A space or tab as `CharacterSet.whitespaces` means it, without Foundation's slow bridging
    /// (every row of every model file is checked at each load).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
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
        let pairing = try readPairing()
        let cues = try readCues()
        let modifiers = try readModifiers()
        let variants = try readVariants()
        let outlets = try readOutlets()
        let parameters = try readParameters()
        // Optional: without decision.tsv the thresholds of params.tsv label the scores.
        let decisionPath = path(DecisionModel.fileName)
        let decision =
            readsDecision && FileManager.default.fileExists(atPath: decisionPath)
            ? DecisionModel.read(self.file(DecisionModel.fileName), issues: &issues) : nil
        var model = Model(
            name: name, version: version, directory: directory, countries: countries,
            falseFriends: falseFriends, prefixes: pairing.prefixes, suffixes: pairing.suffixes, joins: pairing.joins,
            cues: cues,
            modifiers: modifiers, variants: variants, outlets: outlets, parameters: parameters, decision: decision)
        model.tone = readTone()
        return model
    }
}
