import Foundation

/// Scores the general sentiment of one segment: finds the tone words, applies negation,
/// intensifiers, contrast, concession, questions, capitals and exclamation marks, and normalises the
/// sum to [−1, 1].
///
/// One per worker thread: the token buffer is reused from segment to segment.
public struct ToneScorer: Sendable {
    public let lexicon: ToneLexicon
    private var tokens: [Lexicon.Token] = []
    /// The segment folded to simplified characters, when it holds traditional ones.
    private var folded: [UInt8] = []
    /// The second automaton's tokens before they are merged.
    private var spare: [Lexicon.Token] = []
    /// The value each token added to the sum (a decrease rescales the word before it).
    private var values: [Double] = []
    /// Per token, the reverser before it that turns it (-1: none).
    private var turnedBy: [Int] = []
    /// Which scripts the current segment holds.
    private var script = (latin: false, cjk: false)
    /// Whether the segment may hold `!` or `！` (`ToneLexicon.scan`): most do not, and then
    /// `exclamations` need not read it.
    private var mayExclaim = true
    /// Where the segment's first opening quotation mark starts (`firstOpeningQuote`, found by the
    /// script scan), or -1 for a segment read folded until a positive word asks: most segments quote
    /// nothing, and then no word needs `quoteSpans`.
    private var openingQuote = -1
    /// The segment's outermost quotations (`quoteSpans`), built when a word first asks (`quotesBuilt`).
    private var quotes: [Range<Int>] = []
    private var quotesBuilt = false
    /// The segment's Latin tone tokens when the caller found them (`score(_:...:latinTokens:)`).
    private var latinTokens: [Lexicon.Token]?

    public init(lexicon: ToneLexicon) {
        self.lexicon = lexicon
        tokens.reserveCapacity(32)
    }

    /// The tone of `bytes`. `domain` is the market colour the stance cues gave this segment (before the
    /// title weight); `evidence`, when not nil, receives each word's part. `latinTokens`, when given,
    /// are the Latin tone tokens of `bytes` (`Lexicon.tokens(in:into:tone:)`), not looked for again.
    public mutating func score(
        _ bytes: UnsafeBufferPointer<UInt8>, kind: SegmentKind, segment: Int, domain: Double,
        evidence: inout [Evidence]?, latinTokens: [Lexicon.Token]? = nil
    ) -> SentenceTone {
        let scan = lexicon.scan(bytes)
        script = (scan.latin, scan.cjk)
        mayExclaim = scan.exclaims
        // Known when the segment is read unfolded (no traditional character); else found on demand.
        openingQuote = scan.quote
        quotesBuilt = false
        self.latinTokens = latinTokens
        // Not kept past the call: the caller refills that array for the next segment, and a second
        // reference to it would make that a copy into a new buffer every time.
        defer { self.latinTokens = nil }
        guard scan.traditional >= 0 else {
            return scoreFolded(bytes, kind: kind, segment: segment, domain: domain, evidence: &evidence)
        }
        // Folding changes only characters of three bytes: ASCII patterns match the folded text where
        // they matched the text.
        if !lexicon.latinIsASCII { self.latinTokens = nil }
        lexicon.fold(bytes, from: scan.traditional, into: &folded)
        var scratch: [UInt8] = []
        swap(&scratch, &folded)
        defer { swap(&scratch, &folded) }
        return scratch.withUnsafeBufferPointer {
            scoreFolded($0, kind: kind, segment: segment, domain: domain, evidence: &evidence)
        }
    }

    private mutating func scoreFolded(
        _ bytes: UnsafeBufferPointer<UInt8>, kind: SegmentKind, segment: Int, domain: Double,
        evidence: inout [Evidence]?
    ) -> SentenceTone {
        let p = lexicon.model.parameters
        lexicon.tokens(
            in: bytes, latin: script.latin, cjk: script.cjk, into: &tokens, spare: &spare, latinTokens: latinTokens)
        var sum = 0.0
        var words = 0
        if !tokens.isEmpty {
            let context = ToneScorer.context(of: tokens, lexicon: lexicon, bytes)
            values.removeAll(keepingCapacity: true)
            values.append(contentsOf: repeatElement(0, count: tokens.count))
            turnedBy.removeAll(keepingCapacity: true)
            turnedBy.append(contentsOf: repeatElement(-1, count: tokens.count))
            for index in tokens.indices {
                guard case .cue(let w) = lexicon.entries[tokens[index].entry].kind else { continue }
                words += 1
                let word = lexicon.model.words[w]
                var applied: [String]? = evidence == nil ? nil : []
                var value: Double
                // A negated decrease or reverser (难以缓解, 未能摆脱) is read as a plain word: the negation
                // turns it, and what it would have lowered or turned stays as it is.
                let negated = (word.lowers != nil || word.reverses != nil) && isNegated(index, bytes)
                // A word that is both (缓解, 减少) turns what follows it (缓解压力) before it lowers what
                // precedes it (压力缓解).
                if !negated, let forward = word.reverses, let after = reversed(by: index, bytes) {
                    // 缺乏支撑: the support turns by the factor when it is read; the lack adds nothing.
                    turnedBy[after] = index
                    value = 0
                    applied?.append(
                        (forward > 0 ? "raises " : "turns ")
                            + ToneScorer.text(bytes, tokens[after].start, tokens[after].end))
                } else if !negated, let factor = word.lowers, let before = lowered(by: index, bytes) {
                    // 投诉量下降: the complaints' value turns by the factor; the fall itself adds nothing.
                    value = values[before] * (factor - 1)
                    values[before] *= factor
                    applied?.append(
                        (factor > 0 ? "raises " : "lowers ")
                            + "\(ToneScorer.text(bytes, tokens[before].start, tokens[before].end))×\(ToneScorer.format(factor))"
                    )
                } else {
                    value = self.value(of: index, word.valence, context, bytes, applied: &applied)
                    if turnedBy[index] >= 0, case .cue(let r) = lexicon.entries[tokens[turnedBy[index]].entry].kind,
                        let factor = lexicon.model.words[r].reverses
                    {
                        value *= factor
                        applied?.append("\(lexicon.model.words[r].term)×\(ToneScorer.format(factor))")
                    }
                    values[index] = value
                }
                sum += value
                if let applied {
                    let token = tokens[index]
                    evidence?.append(
                        Evidence(
                            matched: ToneScorer.text(bytes, token.start, token.end), entry: word.term,
                            source: word.source.description, weight: word.valence, modifiers: applied,
                            value: (value * 1000).rounded() / 1000, role: .tone, segment: segment, segmentKind: kind,
                            segmentText: ""))
                }
            }
            if let question = context.question, sum != 0 {
                sum *= question.factor
                evidence?.append(
                    ToneScorer.note(question.term, "×\(ToneScorer.format(question.factor))", segment, kind))
            }

        }
        let marks = sum == 0 || !mayExclaim ? 0 : ToneScorer.exclamations(bytes)
        if marks > 0 {
            let add = (sum > 0 ? 1.0 : -1.0) * Double(marks) * p.exclamation
            sum += add
            evidence?.append(ToneScorer.note("!", (add > 0 ? "+" : "") + ToneScorer.format(add), segment, kind))
        }
        if domain != 0 && p.domain != 0 {
            // Rare-earth cues weigh up to 4 and stack; as colour of a sentence's tone they are capped.
            let capped = max(-3, min(3, domain))
            sum += capped * p.domain
            evidence?.append(
                ToneScorer.note(
                    "market colour (cues.tsv)", "\(ToneScorer.format(capped))×\(ToneScorer.format(p.domain))",
                    segment, kind))
        }
        let score = sum == 0 ? 0 : sum / (sum * sum + p.alpha).squareRoot()
        return SentenceTone(
            segment: segment, kind: kind, sum: sum, score: (score * 10_000).rounded() / 10_000,
            carriesTone: words > 0 || domain != 0, text: "")
    }

    /// What holds for the whole segment: where the last contrast stands, whether it asks.
    struct Context {
        var contrast: (start: Int, end: Int, term: String)?
        var question: (term: String, factor: Double)?
    }

    static func context(of tokens: [Lexicon.Token], lexicon: ToneLexicon, _ bytes: UnsafeBufferPointer<UInt8>)
        -> Context
    {
        var c = Context()
        for token in tokens {
            guard case .modifier(let r) = lexicon.entries[token.entry].kind else { continue }
            let rule = lexicon.model.rules[r]
            if rule.type == .contrast, token.start > 0 { c.contrast = (token.start, token.end, rule.term) }
            // A rhetorical marker (难道, 岂, a negative factor) outweighs a plain 吗 in the same sentence.
            if rule.type == .question, c.question.map({ $0.factor > 0 }) ?? true {
                c.question = (rule.term, rule.factor)
            }
        }
        if c.question == nil, ToneScorer.endsWithQuestionMark(bytes) {
            c.question = ("?", lexicon.model.parameters.question)
        }
        return c
    }

    /// The tone word a decrease (or increase) at `index` rescales: the nearest tone word before it in its
    /// clause, within the negation window, that was read as a word; nil when there is none.
    private func lowered(by index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // A rescaler that acted added nothing itself (its value is 0): the chain stops there.
        nearestWord(to: index, step: -1, bytes).flatMap { values[$0] != 0 ? $0 : nil }
    }

    /// Whether a negator reaches the word at `index` (the rules of `value(of:)` on a valence of 1).
    private mutating func isNegated(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var none: [String]? = nil
        return value(of: index, 1, Context(), bytes, applied: &none) < 0
    }

    /// The tone word a reverser at `index` turns: the nearest tone word after it in its clause, within
    /// the negation window; nil when there is none.
    private func reversed(by index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        nearestWord(to: index, step: 1, bytes)
    }

    /// The nearest tone word to the token at `index` in direction `step` (-1 before, +1 after), in its
    /// clause and within the negation window; nil when there is none.
    private func nearestWord(to index: Int, step: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let p = lexicon.model.parameters
        var j = index + step
        while j >= 0 && j < tokens.count {
            let (first, last) = step < 0 ? (j, index) : (index, j)
            let gap = ToneScorer.gap(bytes, from: tokens[first].end, to: tokens[last].start)
            if gap.clauseBreak || gap.words > p.negationWindowWords || gap.cjk > p.negationWindowCJK { return nil }
            if case .cue = lexicon.entries[tokens[j].entry].kind { return j }
            j += step
        }
        return nil
    }

    /// Whether the byte at `offset` stands in scare quotes: inside quotation marks that hold at most
    /// `scare_quote_cjk` characters (0: any length). A longer quotation is reported speech, read as it
    /// stands. Walks only from the segment's first opening mark (none: no walk).
    private mutating func isScareQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        if openingQuote < 0 { openingQuote = ToneScorer.firstOpeningQuote(bytes) }
        guard openingQuote &+ 2 < offset else { return false }
        if !quotesBuilt {
            ToneScorer.quoteSpans(bytes, from: openingQuote, into: &quotes)
            quotesBuilt = true
        }
        guard let length = ToneScorer.quoteLength(in: quotes, at: offset) else { return false }
        let limit = lexicon.model.parameters.scareQuoteCJK
        return limit == 0 || length <= limit * 3
    }

    /// One word's value after the rules that reach it.
    private mutating func value(
        of index: Int, _ valence: Double, _ context: Context, _ bytes: UnsafeBufferPointer<UInt8>,
        applied: inout [String]?
    ) -> Double {
        let p = lexicon.model.parameters
        let token = tokens[index]
        var value = valence
        var scaled = false, negated = false, conceded = false, shielded = false
        var j = index - 1
        while j >= 0 {
            let before = tokens[j]
            j -= 1
            let gap = ToneScorer.gap(bytes, from: before.end, to: token.start)
            if gap.clauseBreak { break }
            guard case .modifier(let r) = lexicon.entries[before.entry].kind else {
                // A negator before a reverser in between is that verb's (仍未走出困境: the way out is
                // negated, the trouble is not).
                // Any other tone word in between takes the negator for itself: 经营不善申请破产 negates 善,
                // not 破产 (a negator's scope is the first tone word after it).
                if case .cue(let w) = lexicon.entries[before.entry].kind {
                    if lexicon.model.words[w].reverses != nil { negated = true } else { shielded = true }
                }
                continue
            }
            let rule = lexicon.model.rules[r]
            let factor: Double
            switch rule.type {
            case .intensifier, .diminisher:
                guard !scaled, !negated, gap.words <= p.intensifierWindowWords, gap.cjk <= p.intensifierWindowCJK
                else { continue }
                scaled = true
                factor = rule.factor
            case .negator:
                guard !negated, !shielded, gap.words <= p.negationWindowWords, gap.cjk <= p.negationWindowCJK else {
                    continue
                }
                negated = true
                factor = rule.factor
            case .concessive:
                guard !conceded else { continue }
                conceded = true
                factor = rule.factor
            case .blocker:
                j = -1
                continue
            case .prefix:
                // Only a one-character head written right after it (暴亏, 止跌): a bound morpheme.
                guard before.end == token.start, token.end - token.start <= 4 else { continue }
                factor = rule.factor
            case .contrast, .question, .neutral, .decrease, .increase, .reverser, .raiser:
                continue
            }
            value *= factor
            applied?.append("\(rule.term)×\(ToneScorer.format(factor))")
        }
        if p.capitals != 0, ToneScorer.isCapitals(bytes, token.start, token.end), !ToneScorer.isShouting(bytes) {
            value += value > 0 ? p.capitals : -p.capitals
            applied?.append("CAPS+\(ToneScorer.format(p.capitals))")
        }
        if p.quotedPositive != 1, value > 0, isScareQuoted(bytes, token.start) {
            value *= p.quotedPositive
            applied?.append("“”×\(ToneScorer.format(p.quotedPositive))")
        }
        if let contrast = context.contrast {
            let factor =
                token.start >= contrast.end ? p.contrastAfter : token.end <= contrast.start ? p.contrastBefore : 1
            if factor != 1 {
                value *= factor
                applied?.append("\(contrast.term)×\(ToneScorer.format(factor))")
            }
        }
        return value
    }
}
