extension SegmentScorer {
    /// Applies every modifier that reaches the cue, in a fixed order: the modifiers before it, a
    /// Chinese reducer after it, the segment's contrast, a question, and the title weight.
    func modify(
        _ contribution: inout Contribution, of cue: Cue, at index: Int, contrast: Contrast?, segmentWeight: Double,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) {
        applyModifiers(before: cue.modifierIndex, cueStart: cue.start, bytes, to: &contribution)
        applyTrailingReducer(after: index, cueEnd: cue.end, bytes, to: &contribution)
        if let past = pastMarker(before: cue.start) { contribution.apply(past.factor, by: past.term) }
        if let contrast {
            let factor = contrastFactor(contrast, at: cue.start)
            if factor != 1 { contribution.apply(factor, by: contrast.term) }
        }
        if let question = question(at: cue.start, end: cue.end, bytes) {
            contribution.apply(question.factor, by: question.term)
        }
        if segmentWeight != 1 { contribution.apply(segmentWeight, by: "title") }
    }

    /// The modifiers before a cue in its clause, each within its window (`negation_window_*`,
    /// `intensifier_window_*`), nearest first; a barrier stops the search.
    private func applyModifiers(
        before index: Int, cueStart: Int, _ bytes: UnsafeBufferPointer<UInt8>, to contribution: inout Contribution
    ) {
        let p = lexicon.model.parameters
        let cueClause = clause(cueStart)
        let isLatin = ByteScan.isWordByte(bytes[cueStart])
        // Tokens further back than any window can reach are not looked at (`modifierBytesPerUnit`), and
        // the gap is counted once, growing as the search walks back: a cue's search stays short however
        // long its segment.
        let widest =
            isLatin
            ? max(p.negationWindowWords, p.intensifierWindowWords) : max(p.negationWindowCJK, p.intensifierWindowCJK)
        let reach = widest * Vocabulary.modifierBytesPerUnit + Vocabulary.modifierReachMargin
        var gapCount = SegmentIndex.UnitsBackward(to: cueStart)
        var isAimed = false
        var k = index - 1
        while k >= 0 {
            let token = tokens[k]
            k -= 1
            // Tokens of an earlier clause only lead to modifiers of earlier clauses, which end the search.
            if cueStart - token.end > reach || clause(token.start) != cueClause { break }
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            let modifier = lexicon.model.modifiers[m]
            // A barrier ends the reach of modifiers further back (难以摆脱对华依赖: 难以 negates 摆脱, not 依赖).
            if modifier.type == .barrier { break }
            gapCount.extend(bytes, to: token.end)
            let gap = gapCount.units
            if modifier.type == .intent {
                if !isAimed, isAim(modifier, endingAt: token.end, gap: gap, cueStart: cueStart, contribution, isLatin) {
                    contribution.apply(modifier.factor, by: modifier.term)
                    isAimed = true
                }
                continue
            }
            let window: Int
            switch modifier.type {
            case .negator, .reducer, .lessening: window = isLatin ? p.negationWindowWords : p.negationWindowCJK
            case .intensifier, .diminisher: window = isLatin ? p.intensifierWindowWords : p.intensifierWindowCJK
            case .irony: window = isLatin ? p.negationWindowWords : p.negationWindowCJK
            case .contrast, .concessive, .question, .blocker, .barrier, .scope, .past, .intent: continue
            }
            if gap > window { continue }
            if modifier.type == .reducer, let intent = isIntended(reducerAt: k + 1, cueClause: cueClause, bytes) {
                // An aim to lessen a dependence states the dependence: the reducer does not act.
                contribution.apply(1, by: intent.term)
                continue
            }
            if modifier.type == .reducer || modifier.type == .lessening {
                contribution.applyReducer(modifier.factor, by: modifier.term)
            } else {
                contribution.apply(modifier.factor, by: modifier.term)
            }
        }
    }

    /// Chinese puts the change after the noun (对华依赖降至六成, 短缺有所缓解): a reducer within
    /// `intensifier_window_cjk` + 1 characters after a Chinese cue, in its clause, lessens it.
    private func applyTrailingReducer(
        after index: Int, cueEnd: Int, _ bytes: UnsafeBufferPointer<UInt8>, to contribution: inout Contribution
    ) {
        guard cueEnd > 0, !ByteScan.isWordByte(bytes[cueEnd - 1]) else { return }
        let cueClause = clause(cueEnd - 1)
        let window = lexicon.model.parameters.intensifierWindowCJK + 1
        var gapCount = SegmentIndex.UnitsForward(from: cueEnd)
        var k = index + 1
        while k < tokens.count {
            let token = tokens[k]
            k += 1
            if token.start < cueEnd { continue }
            gapCount.extend(bytes, to: token.start)
            if gapCount.units > window || clause(token.start) != cueClause {
                return
            }
            guard case .modifier(let m) = lexicon.entries[token.entry].kind,
                lexicon.model.modifiers[m].type == .lessening
            else { continue }
            let modifier = lexicon.model.modifiers[m]
            contribution.applyReducer(modifier.factor, by: modifier.term)
            return
        }
    }

    /// The segment's last contrast (但, however) or concessive (虽然, although) marker.
    struct Contrast {
        var term: String
        var position: Int
        var factor: Double
        /// A concessive marker damps its own clause, not everything before it.
        var isConcessive: Bool
    }

    /// The last contrast marker of the segment, if any.
    func contrastPoint() -> Contrast? {
        var found: Contrast?
        for token in tokens {
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            let modifier = lexicon.model.modifiers[m]
            if modifier.type == .contrast || modifier.type == .concessive {
                found = Contrast(
                    term: modifier.term, position: token.start, factor: modifier.factor,
                    isConcessive: modifier.type == .concessive)
            }
        }
        return found
    }

    /// What a contrast does to a cue at `offset`: the marker's factor before it (or, for a concessive
    /// marker, in its clause), `contrast_after` after it.
    private func contrastFactor(_ contrast: Contrast, at offset: Int) -> Double {
        let after = lexicon.model.parameters.contrastAfter
        if contrast.isConcessive {
            let markerClause = clause(contrast.position)
            let here = clause(offset)
            if here == markerClause { return contrast.factor }
            return here > markerClause ? after : 1
        }
        return offset < contrast.position ? contrast.factor : after
    }

    /// A question marker's effect on a cue: its label and factor.
    struct Question {
        var term: String
        var factor: Double
    }

    /// A question marker in the cue's clause (吗, 难道, or the ? that closes it) makes it a doubted claim:
    /// damped. A cue in quotation marks inside such a question (这就“中国失去优势”了?) is a claim held
    /// up to ridicule: it flips, by the model's `quoted_question` factor.
    private func question(at start: Int, end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Question? {
        // The clause's first question marker, from the segment's table.
        let t = index.firstQuestion[clause(start)]
        guard t >= 0 else { return nil }
        let token = tokens[Int(t)]
        if case .modifier(let m) = lexicon.entries[token.entry].kind {
            let modifier = lexicon.model.modifiers[m]
            if index.quotes.isQuoted(start: start, end: end) {
                return Question(term: "“”" + modifier.term, factor: lexicon.model.parameters.quotedQuestion)
            }
            return Question(term: modifier.term, factor: modifier.factor)
        }
        return nil
    }

    /// Whether `start..<end` stands between an opening “ (or ") and its closing quote.
    static func isQuoted(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var isInCurly = false
        var isInStraight = false
        var i = 0
        while i < start {
            if i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C { isInCurly = true } else if bytes[i + 2] == 0x9D { isInCurly = false }
                i += 3
                continue
            }
            if bytes[i] == 0x22 { isInStraight.toggle() }
            i += 1
        }
        guard isInCurly || isInStraight else { return false }
        var j = end
        while j < bytes.count {
            if j + 2 < bytes.count && bytes[j] == 0xE2 && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x9D {
                return isInCurly
            }
            if bytes[j] == 0x22 { return isInStraight }
            j += 1
        }
        return false
    }
}
