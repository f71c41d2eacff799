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

    public var isEmpty: Bool { model.words.isEmpty }

    public init(model: Model) {
        let tone = model.tone
        self.model = tone
        var traditional: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (from, to) in model.variants {
            if let f = from.unicodeScalars.first, let t = to.unicodeScalars.first {
                traditional[t, default: []].append(f)
            }
        }
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
            for spelling in Lexicon.spellings(of: form, traditional: traditional, limit: 8) {
                patterns.append(Lexicon.lowercasedASCII(spelling))
                patternEntry.append(entryIndex)
            }
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

    /// The tone tokens of `bytes`, leftmost-longest; `tokens` is cleared first.
    func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Lexicon.Token]) {
        guard let finder else {
            tokens.removeAll(keepingCapacity: true)
            return
        }
        finder.tokens(in: bytes, into: &tokens)
    }
}
