extension SegmentScorer {
    /// English puts the one a cue befalls after it: "poses a challenge for Russia", "a boon for the US".
    /// A one-country cue directly followed by `for` and a country is about that country, not about
    /// whoever stands before it. (`to` is no such mark: "make concessions to China" are the EU's.) ("The tightening of China's controls poses a
    /// challenge for Russia": the challenge is Russia's).
    func recipient(cueEnd: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = cueEnd
        guard i < bytes.count, bytes[i] == 0x20 else { return nil }
        i += 1
        var matched = false
        for word in SegmentScorer.recipientWords where ByteScan.hasBytes(bytes, word, startingAt: i) {
            i += word.count
            matched = true
            break
        }
        guard matched else { return nil }
        if ByteScan.hasBytes(bytes, SegmentScorer.definiteArticle, startingAt: i) {
            i += SegmentScorer.definiteArticle.count
        }
        return mentions.firstIndex { $0.start == i && !$0.isObject }
    }

    /// `for ` (lower case: a capital starts a name or a heading).
    static let recipientWords: [[UInt8]] = [Array("for ".utf8)]
    static let definiteArticle: [UInt8] = Array("the ".utf8)

    /// Whether a `past` marker (in the past, 过去, 曾经, 一度) stands before the cue in its clause: what
    /// a country once was is not its position now ("In the past the US dominated ..., today it imports
    /// 80%"), so such a cue counts the marker's factor; the present state decides. A contrast marker
    /// between them ends the past ("initially lacked the technology but later surpassed everyone").
    func pastMarker(before cueStart: Int) -> Model.Modifier? {
        // Read backwards from the cue: the nearest marker decides, so the first contrast met ends the
        // past, and the search stops at the clause's start (no farther marker can count) or after
        // `Vocabulary.pastMarkerReach` tokens, which keeps a pathological clause linear.
        let cueClause = clause(cueStart)
        var j = SegmentIndex.partition(tokens.count) { tokens[$0].start < cueStart } - 1
        var reach = Vocabulary.pastMarkerReach
        while j >= 0 && reach > 0 {
            let token = tokens[j]
            j -= 1
            reach -= 1
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            let type = lexicon.model.modifiers[m].type
            if type == .contrast { return nil }
            guard clause(token.start) == cueClause else { return nil }
            if type == .past { return lexicon.model.modifiers[m] }
        }
        return nil
    }

    /// Whether an `intent` phrase (efforts to, seeks to, 力图, 寻求) stands just before the reducer at
    /// token `k` in the cue's clause: "efforts to break its reliance on China" states an aim, so the
    /// dependence stands (the subject depends, China is depended on); "has reduced its reliance" is a
    /// change that happened, and lessens it.
    func isIntended(reducerAt k: Int, cueClause: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Model.Modifier? {
        let reducer = tokens[k]
        let isLatin = ByteScan.isWordByte(bytes[reducer.start])
        let p = lexicon.model.parameters
        let window = isLatin ? p.negationWindowWords : p.negationWindowCJK
        var j = k - 1
        while j >= 0 {
            let token = tokens[j]
            j -= 1
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            if clause(token.start) != cueClause { return nil }
            let modifier = lexicon.model.modifiers[m]
            guard modifier.type == .intent else { continue }
            return ByteScan.units(bytes, from: token.end, to: reducer.start) <= window ? modifier : nil
        }
        return nil
    }

    /// Whether the `intent` phrase ending at `end` makes the strength after it an aim: "seeks to secure
    /// supply", "plans to expand", 力图实现自主 state what a country wants, not what it holds, and the
    /// labelled sets show such strengths as often on weak countries as on strong ones. Only a strength
    /// (a positive weight) is aimed at, within the negation window, and only when no country is named
    /// between them: in "efforts to challenge China's dominance" the dominance is China's, a fact.
    func isAim(
        _ intent: Model.Modifier, endingAt end: Int, gap: Int, cueStart: Int, _ contribution: Contribution,
        _ isLatin: Bool
    ) -> Bool {
        let p = lexicon.model.parameters
        guard intent.factor < 1, contribution.weight > 0,
            gap <= (isLatin ? p.negationWindowWords : p.negationWindowCJK)
        else { return false }
        return !mentions.contains { $0.start >= end && $0.start < cueStart }
    }
}
