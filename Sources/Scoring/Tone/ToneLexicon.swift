/// The tone layer compiled for matching: two automata over the tone words and rule words, one for
/// those that start with a Latin byte and one for the rest (Chinese), so each dense table is small
/// enough to stay in cache and a segment walks only the automata its script needs.
///
/// Kept apart from the stance automaton: a tone word that overlapped a stance cue or a country form
/// would otherwise hide it (leftmost-longest), and stance must not move when the tone lexicon grows.
public struct ToneLexicon: Sendable {
    public let model: ToneModel
    let entries: [Lexicon.Entry]
    /// Words starting with an ASCII byte (English), and the rest (Chinese).
    let latin: TokenFinder?
    let cjk: TokenFinder?
    public let patternCount: Int
    /// Every Latin pattern is ASCII: its matches are the same in the text and in the text folded to
    /// simplified characters (which changes only characters of three bytes).
    let latinIsASCII: Bool
    public let stateCount: Int
    /// Code point (BMP) → its simplified code point, 0 when none: the text is folded before matching,
    /// so each tone word needs one spelling only (and the automaton stays small).
    let fold: [UInt16]

    public var isEmpty: Bool { model.words.isEmpty }

    public init(model: Model) {
        self.init(model: model, patterns: ToneLexicon.patterns(of: model.tone))
    }

    /// The tone layer compiled from `patterns` (`patterns(of:)` of `model.tone`), worked out once by
    /// the caller when it needs them too (`Lexicon` walks the Latin ones with its own).
    init(model: Model, patterns compiled: Patterns) {
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
        let entries = compiled.entries
        self.entries = entries
        patternCount = compiled.count
        latinIsASCII = compiled.latin.patterns.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
        func finder(_ patterns: [[UInt8]], _ ids: [Int32]) -> (TokenFinder?, Int) {
            guard !patterns.isEmpty else { return (nil, 0) }
            let automaton = Automaton(patterns: patterns)
            return (TokenFinder(automaton: automaton, patternEntry: ids, entries: entries), automaton.stateCount)
        }
        let (latin, latinStates) = finder(compiled.latin.patterns, compiled.latin.entries)
        let (cjk, cjkStates) = finder(compiled.cjk.patterns, compiled.cjk.entries)
        self.latin = latin
        self.cjk = cjk
        stateCount = latinStates + cjkStates
    }

    /// Writes `bytes` into `scratch` with every traditional character from `first` on folded to simplified.
    func fold(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, into scratch: inout [UInt8]) {
        let n = bytes.count
        var i = first
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
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
    }

    /// The tone tokens of `bytes`, leftmost-longest; `tokens` is cleared first. `latin` and `cjk` say
    /// which scripts the segment holds (`scan`); `spare` is scratch for the second automaton's tokens.
    /// `latinTokens`, when given, are the Latin automaton's tokens of `bytes`, found by the caller's
    /// own walk (`Lexicon.tokens(in:into:tone:)`): they are used instead of walking it again.
    func tokens(
        in bytes: UnsafeBufferPointer<UInt8>, latin hasLatin: Bool, cjk hasCJK: Bool,
        into tokens: inout [Lexicon.Token], spare: inout [Lexicon.Token], latinTokens: [Lexicon.Token]? = nil
    ) {
        tokens.removeAll(keepingCapacity: true)
        let latin = hasLatin ? self.latin : nil
        let cjk = hasCJK ? self.cjk : nil
        func addLatin(_ finder: TokenFinder) {
            if let found = latinTokens {
                tokens.append(contentsOf: found)
            } else {
                finder.tokens(in: bytes, into: &tokens)
            }
        }
        switch (latin, cjk) {
        case (nil, nil): return
        case (let l?, nil): addLatin(l)
        case (nil, let c?): c.tokens(in: bytes, into: &tokens)
        case (let l?, let c?):
            // A Latin token and a Chinese one never overlap (their bytes differ), so the two lists
            // only need merging by position.
            addLatin(l)
            c.tokens(in: bytes, into: &spare)
            guard !spare.isEmpty else { return }
            tokens.append(contentsOf: spare)
            tokens.sort { $0.start < $1.start }
        }
    }

    /// One pass over a segment: whether it holds Latin letters, whether it holds characters of three
    /// bytes or more (Chinese), where its first traditional character stands (-1: none), and whether
    /// it may hold an exclamation mark (`!`, `！`; true past a traditional character, where the pass
    /// stops), so that `ToneScorer.exclamations` reads only segments that do; and where its first
    /// opening quotation mark starts, as `ToneScorer.firstOpeningQuote` gives it (-1 past a
    /// traditional character: not known).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (
        latin: Bool, cjk: Bool, traditional: Int, exclaims: Bool, quote: Int
    ) {
        let n = bytes.count
        var latin = false, cjk = false, exclaims = false
        var quote = n
        var i = 0
        guard let base = bytes.baseAddress else { return (false, false, -1, false, 0) }
        return fold.withUnsafeBufferPointer { table in
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    // Eight ASCII bytes at a time: they can only tell whether there is a letter or a `!`.
                    if i &+ 8 <= n {
                        let v = ByteScan.load8(base + i)
                        if v & ByteScan.highBits == 0 {
                            if !latin { latin = ByteScan.hasASCIILetter(v) }
                            if !exclaims { exclaims = ByteScan.hasByte(v, 0x21) }
                            i &+= 8
                            continue
                        }
                    }
                    if !latin { latin = (b | 0x20) &- 0x61 < 26 }
                    exclaims = exclaims || b == 0x21
                    i += 1
                } else if b >= 0xE0 && b < 0xF0 && i + 2 < n {
                    cjk = true
                    let cp = Int(b & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                    if table[cp] != 0 { return (latin || ToneLexicon.hasLetter(bytes, from: i), true, i, true, -1) }
                    exclaims = exclaims || cp == 0xFF01  // ！
                    // “ 「 『: their bytes are lead bytes only, so the first here is the first anywhere.
                    if quote == n && (cp == 0x201C || cp == 0x300C || cp == 0x300E) { quote = i }
                    i += 3
                } else {
                    cjk = cjk || b >= 0xE0
                    i += 1
                }
            }
            return (latin, cjk, -1, exclaims, quote)
        }
    }

    private static func hasLetter(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        for i in from..<bytes.count where (bytes[i] | 0x20) &- 0x61 < 26 { return true }
        return false
    }
}
