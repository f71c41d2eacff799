/// The tone layer compiled for matching: one automaton over every tone word and rule word, in both
/// languages and in traditional spellings.
///
/// Kept apart from the stance automaton: a tone word that overlapped a stance cue or a country form
/// would otherwise hide it (leftmost-longest), and stance must not move when the tone lexicon grows.
public struct ToneLexicon: Sendable {
    public let model: ToneModel
    let entries: [Lexicon.Entry]
    let finder: TokenFinder?
    public let patternCount: Int
    public let stateCount: Int
    /// Code point (BMP) → its simplified code point, 0 when none: the text is folded before matching,
    /// so each tone word needs one spelling only (and the automaton stays small).
    let fold: [UInt16]

    public var isEmpty: Bool { model.words.isEmpty }

    public init(model: Model) {
        let tone = model.tone
        self.model = tone
        var fold = [UInt16](repeating: 0, count: 0x10000)
        for (from, to) in model.variants + tone.variants {
            if let f = from.unicodeScalars.first, let t = to.unicodeScalars.first, f.value < 0x10000, t.value < 0x10000,
                f.utf8.count == 3, t.utf8.count == 3
            {
                fold[Int(f.value)] = UInt16(t.value)
            }
        }
        self.fold = fold
        var entries: [Lexicon.Entry] = []
        var patterns: [[UInt8]] = []
        var patternEntry: [Int32] = []
        func add(_ text: String, _ kind: Lexicon.Kind) {
            var form = text
            var wildcard = false
            if form.hasSuffix("*") && form.utf8.allSatisfy({ $0 < 0x80 }) {
                wildcard = true
                form.removeLast()
            }
            let bytes = Array(form.utf8)
            guard let first = bytes.first, let last = bytes.last else { return }
            let entryIndex = Int32(entries.count)
            entries.append(
                Lexicon.Entry(
                    kind: kind, text: text, exact: nil, latinStart: Lexicon.isWordByte(first),
                    latinEnd: Lexicon.isWordByte(last), wildcard: wildcard))
            patterns.append(Lexicon.lowercasedASCII(form))
            patternEntry.append(entryIndex)
        }
        // Words are `.cue(i)` into `model.tone.words`, rule words `.modifier(i)` into `model.tone.rules`.
        for (index, word) in tone.words.enumerated() { add(word.term, .cue(index)) }
        for (index, rule) in tone.rules.enumerated() { add(rule.term, .modifier(index)) }
        self.entries = entries
        patternCount = patterns.count
        if patterns.isEmpty {
            finder = nil
            stateCount = 0
        } else {
            let automaton = Automaton(patterns: patterns)
            stateCount = automaton.stateCount
            finder = TokenFinder(automaton: automaton, patternEntry: patternEntry, entries: entries)
        }
    }

    /// Writes `bytes` with every traditional character folded to simplified into `scratch`, and says
    /// whether any was found (when none is, `scratch` is left alone and `bytes` is read as it is).
    func folded(_ bytes: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8]) -> Bool {
        let n = bytes.count
        var i = 0
        var first = -1
        fold.withUnsafeBufferPointer { table in
            while i + 2 < n {
                let b = bytes[i]
                if b >= 0xE0 && b < 0xF0 {
                    let cp = Int(b & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                    if table[cp] != 0 {
                        first = i
                        return
                    }
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        guard first >= 0 else { return false }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
        i = first
        fold.withUnsafeBufferPointer { table in
            while i + 2 < n {
                let b = scratch[i]
                if b >= 0xE0 && b < 0xF0 {
                    let cp = Int(b & 0x0F) << 12 | Int(scratch[i + 1] & 0x3F) << 6 | Int(scratch[i + 2] & 0x3F)
                    let to = Int(table[cp])
                    if to != 0 {
                        scratch[i] = 0xE0 | UInt8(to >> 12)
                        scratch[i + 1] = 0x80 | UInt8((to >> 6) & 0x3F)
                        scratch[i + 2] = 0x80 | UInt8(to & 0x3F)
                    }
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        return true
    }

    /// The tone tokens of `bytes`, leftmost-longest; `tokens` is cleared first.
    func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Lexicon.Token]) {
        guard let finder else {
            tokens.removeAll(keepingCapacity: true)
            return
        }
        finder.tokens(in: bytes, into: &tokens)
    }
}
