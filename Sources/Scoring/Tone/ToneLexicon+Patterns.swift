extension ToneLexicon {
    /// The tone words and rule words as patterns, split by their first byte: an ASCII one goes to the
    /// Latin automaton, any other to the Chinese one.
    struct Patterns: Sendable {
        /// Words are `.cue(i)` into `model.tone.words`, rule words `.modifier(i)` into `model.tone.rules`.
        var entries: [Lexicon.Entry] = []
        /// Lower-cased pattern bytes, and the entry each stands for.
        var latin: (patterns: [[UInt8]], entries: [Int32]) = ([], [])
        var cjk: (patterns: [[UInt8]], entries: [Int32]) = ([], [])
        var count: Int { latin.patterns.count + cjk.patterns.count }
    }

    static func patterns(of tone: ToneModel) -> Patterns {
        var compiled = Patterns()
        func add(_ text: String, _ kind: Lexicon.Kind) {
            guard let (entry, form) = Lexicon.entry(text, kind) else { return }
            let pattern = Lexicon.lowercasedASCII(form)
            let id = Int32(compiled.entries.count)
            compiled.entries.append(entry)
            if pattern[0] < 0x80 {
                compiled.latin.patterns.append(pattern)
                compiled.latin.entries.append(id)
            } else {
                compiled.cjk.patterns.append(pattern)
                compiled.cjk.entries.append(id)
            }
        }
        for (index, word) in tone.words.enumerated() { add(word.term, .cue(index)) }
        for (index, rule) in tone.rules.enumerated() { add(rule.term, .modifier(index)) }
        return compiled
    }
}
