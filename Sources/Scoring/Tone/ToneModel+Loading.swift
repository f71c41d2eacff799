/// Reading the tone files: valences in range, no duplicates or conflicts, rule factors that make
/// sense for their type, every problem with its file and line.
extension ModelReader {
    /// The tone files; when none is present the tone layer is empty (the article tone is then only
    /// the market colour of `cues.tsv`).
    static let toneFiles = ["tone_en.tsv", "tone_zh.tsv", "tone_rules.tsv", "tone_variants.tsv"]

    mutating func readTone() -> ToneModel {
        var tone = ToneModel()
        guard ModelReader.toneFiles.contains(where: { exists($0) }) else { return tone }
        var seen: [String: (valence: Double, file: String, line: Int)] = [:]
        seen.reserveCapacity(8192)
        for name in ModelReader.toneFiles.prefix(2) {
            let file = self.file(name)
            for row in file.rows {
                guard columns(file, row, min: 2, max: 3, layout: "term<TAB>valence[<TAB>note]") else { continue }
                let term = row.columns[0]
                guard let valence = ModelReader.decimal(row.columns[1]), (-4...4).contains(valence), valence != 0
                else {
                    issue(file, row, "valence `\(row.columns[1])` must be a number from -4 to 4, not 0")
                    continue
                }
                // The byte test first: most terms hold no `*`, and the `Character`-level test is slow.
                if term.utf8.contains(0x2A),
                    term.dropLast().contains("*") || (term.hasSuffix("*") && !term.unicodeScalars.allSatisfy(\.isASCII))
                {
                    issue(file, row, "`*` is allowed only at the end of a Latin term")
                    continue
                }
                let key = term.lowercased()
                if let previous = seen[key] {
                    let at = "\(previous.file):\(previous.line)"
                    if previous.valence == valence {
                        issue(file, row, "duplicate entry `\(term)` (also \(at)) — delete one", severity: .warning)
                    } else {
                        issue(
                            file, row,
                            "conflicting valences for `\(term)`: \(previous.valence) at \(at), \(valence) here — keep one"
                        )
                    }
                    continue
                }
                seen[key] = (valence, name, row.line)
                tone.words.append(.init(term: term, valence: valence, source: .init(file: name, line: row.line)))
            }
        }
        readToneRules(into: &tone, seen: seen)
        if exists("tone_variants.tsv") { tone.variants = readVariantFile("tone_variants.tsv") }
        return tone
    }

    private mutating func readToneRules(
        into tone: inout ToneModel, seen words: [String: (valence: Double, file: String, line: Int)]
    ) {
        let file = self.file("tone_rules.tsv")
        var seen: [String: Int] = [:]
        // Where each tone word stands (the first of equal spellings), built once: a search through
        // every word per decrease, increase or reverser row made this file most of the model load.
        var wordIndex: [String: Int] = [:]
        for (index, word) in tone.words.enumerated() where wordIndex[word.term.lowercased()] == nil {
            wordIndex[word.term.lowercased()] = index
        }
        for row in file.rows {
            guard columns(file, row, min: 3, max: 3, layout: "term<TAB>type<TAB>factor") else { continue }
            let term = row.columns[0]
            guard let factor = ModelReader.decimal(row.columns[2]) else {
                issue(file, row, "factor `\(row.columns[2])` is not a number")
                continue
            }
            if let line = seen[term.lowercased() + "\t" + row.columns[1]] {
                issue(file, row, "duplicate entry `\(term)` (also line \(line)) — keep one")
                continue
            }
            seen[term.lowercased() + "\t" + row.columns[1]] = row.line
            if row.columns[1] == "parameter" {
                if let problem = ModelReader.setToneParameter(term, factor, in: &tone.parameters) {
                    issue(file, row, problem)
                }
                continue
            }
            guard let type = ToneModel.RuleType(rawValue: row.columns[1]) else {
                issue(
                    file, row,
                    "unknown type `\(row.columns[1])` — use parameter or one of "
                        + ToneModel.RuleType.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            let valid: Bool
            switch type {
            case .negator, .decrease, .reverser: valid = factor >= -1 && factor < 0
            case .intensifier, .increase, .raiser: valid = factor > 1 && factor <= 3
            case .diminisher, .concessive: valid = factor > 0 && factor < 1
            case .question: valid = factor >= -1 && factor < 1 && factor != 0
            case .contrast, .blocker, .neutral: valid = factor == 1
            case .prefix: valid = factor >= -1 && factor <= 3 && factor != 0 && factor != 1
            }
            guard valid else {
                issue(
                    file, row,
                    "factor \(row.columns[2]) out of range for a \(type.rawValue) — negator/decrease/reverser -1..<0, intensifier/increase/raiser 1<..3, diminisher/concessive 0<..<1, question -1..<1 (not 0; below 0 a rhetorical question turns the sentence), prefix -1...3 (not 0 or 1), contrast/blocker/neutral 1"
                )
                continue
            }
            if type == .decrease || type == .increase || type == .reverser || type == .raiser {
                guard let index = wordIndex[term.lowercased()] else {
                    issue(
                        file, row,
                        "\(type.rawValue) `\(term)` is not a tone word — add it to tone_zh.tsv or tone_en.tsv with its own valence"
                    )
                    continue
                }
                if type == .reverser || type == .raiser {
                    tone.words[index].reverses = factor
                } else {
                    tone.words[index].lowers = factor
                }
                continue
            }
            if let word = words[term.lowercased()] {
                issue(
                    file, row,
                    "`\(term)` is also a tone word (\(word.file):\(word.line)) — the longer match wins; keep one",
                    severity: .warning)
            }
            tone.rules.append(
                .init(term: term, type: type, factor: factor, source: .init(file: "tone_rules.tsv", line: row.line)))
        }
    }

    /// Sets one tone parameter; the problem, if the key or value is wrong.
    static func setToneParameter(_ key: String, _ value: Double, in p: inout ToneModel.Parameters) -> String? {
        func window(_ target: inout Int) -> String? {
            guard value >= 0, value <= 32, value == value.rounded() else {
                return "`\(key)` is a whole number from 0 to 32"
            }
            target = Int(value)
            return nil
        }
        func factor(_ target: inout Double, _ range: ClosedRange<Double>) -> String? {
            guard range.contains(value) else { return "`\(key)` must lie in \(range.lowerBound)...\(range.upperBound)" }
            target = value
            return nil
        }
        switch key {
        case "alpha": return factor(&p.alpha, 0.1...100)
        case "negation_window_words": return window(&p.negationWindowWords)
        case "negation_window_cjk": return window(&p.negationWindowCJK)
        case "intensifier_window_words": return window(&p.intensifierWindowWords)
        case "intensifier_window_cjk": return window(&p.intensifierWindowCJK)
        case "contrast_before": return factor(&p.contrastBefore, 0...1)
        case "contrast_after": return factor(&p.contrastAfter, 1...3)
        case "question": return factor(&p.question, 0...1)
        case "quoted_positive": return factor(&p.quotedPositive, -1...1)
        case "scare_quote_cjk": return window(&p.scareQuoteCJK)
        case "exclamation": return factor(&p.exclamation, 0...2)
        case "capitals": return factor(&p.capitals, 0...2)
        case "domain": return factor(&p.domain, 0...4)
        case "neutral_sentence": return factor(&p.neutralSentence, 0...1)
        case _ where key.hasPrefix("neutral_band_"):
            let language = String(key.dropFirst("neutral_band_".count))
            guard ToneModel.bandLanguages.contains(language) else {
                return "unknown language `\(language)` in `\(key)` — use "
                    + ToneModel.bandLanguages.map { "neutral_band_" + $0 }.joined(separator: ", ")
            }
            guard value > 0, value < 1 else {
                return "`\(key)` is the half-width of the neutral band: a number above 0 and below 1"
            }
            p.neutralBands[language] = value
            return nil
        default:
            return
                "unknown parameter `\(key)` — use alpha, negation_window_words, negation_window_cjk, intensifier_window_words, intensifier_window_cjk, contrast_before, contrast_after, question, quoted_positive, scare_quote_cjk, exclamation, capitals, domain, neutral_sentence or neutral_band_zh / _en / _mixed"
        }
    }
}
