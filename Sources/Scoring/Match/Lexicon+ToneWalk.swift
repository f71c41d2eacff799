extension Lexicon {
    /// Dense table entries allowed for the automaton that also holds the Latin tone words (8 M: 16 MB
    /// of 16-bit entries), so all its states stay dense and its walk the fast one.
    static let combinedDenseBudget = 1 << 23

    /// The automaton over the stance patterns followed by the tone layer's Latin patterns, and its
    /// finder: one walk of a segment finds the tokens of both (`tokens(in:into:tone:)`), where two
    /// automata took two walks. The stance tokens are what the stance patterns alone give (an
    /// automaton reports every occurrence of every pattern, whatever else it holds), the tone tokens
    /// what the tone layer's Latin automaton gives.
    ///
    /// When the two together need more than 65,536 states (the 16-bit table) the stance patterns get
    /// an automaton of their own, as before, and the tone layer walks its own.
    static func compile(
        _ patterns: [[UInt8]], _ patternEntry: [Int32], _ entries: [Entry], tone: ToneLexicon.Patterns
    ) -> (Automaton, TokenFinder) {
        if !tone.latin.patterns.isEmpty {
            let both = Automaton(patterns: patterns + tone.latin.patterns, denseBudget: combinedDenseBudget)
            if both.stateCount <= 1 << 16 {
                let finder = TokenFinder(
                    automaton: both, patternEntry: patternEntry, entries: entries,
                    second: (tone.latin.entries, tone.entries))
                return (both, finder)
            }
        }
        let automaton = Automaton(patterns: patterns)
        return (automaton, TokenFinder(automaton: automaton, patternEntry: patternEntry, entries: entries))
    }

    /// Whether `tokens(in:into:tone:)` finds the tone layer's Latin tokens (else `tone` stays empty).
    public var findsLatinToneTokens: Bool { finder.hasSecond }

    /// `tokens(in:into:)`, and in the same walk the tokens of the tone layer's Latin automaton, as
    /// `ToneLexicon` would find them (`findsLatinToneTokens`).
    public func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], tone: inout [Token]) {
        if finder.hasSecond {
            finder.tokens(in: bytes, into: &tokens, second: &tone)
        } else {
            finder.tokens(in: bytes, into: &tokens)
        }
    }
}
