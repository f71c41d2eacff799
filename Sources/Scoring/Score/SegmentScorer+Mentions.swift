extension SegmentScorer {
    /// Finds the countries the segment names: every country form, and every bare form (美, 华, 欧) that
    /// a neighbour, a prefix or a suffix completes; each marked as an object or a companion by the word
    /// before it.
    mutating func findMentions(_ bytes: UnsafeBufferPointer<UInt8>) {
        mentions.removeAll(keepingCapacity: true)
        for (i, token) in tokens.enumerated() {
            switch lexicon.entries[token.entry].kind {
            case .country(let c):
                let mark = prefixMark(bytes, at: token.start)
                mentions.append(
                    Mention(
                        country: c, start: token.start, end: token.end,
                        isObject: mark == .object, isAside: mark == .aside, group: mentions.count))
            case .bare(let c):
                if token.start > 0 && ByteScan.isDigitBefore(bytes, token.start) { continue }
                var isPaired = false
                var isObject = false
                var isAside = false
                if i > 0, tokens[i - 1].end == token.start, pairs(tokens[i - 1], bytes, atEnd: true) { isPaired = true }
                if i + 1 < tokens.count, tokens[i + 1].start == token.end, pairs(tokens[i + 1], bytes, atEnd: false) {
                    isPaired = true
                }
                for prefix in lexicon.prefixes where ByteScan.hasBytes(bytes, prefix.bytes, endingAt: token.start) {
                    isPaired = true
                    isObject = isObject || prefix.mark == .object
                    isAside = isAside || prefix.mark == .aside
                }
                if !isPaired {
                    for suffix in lexicon.suffixes where ByteScan.hasBytes(bytes, suffix, startingAt: token.end) {
                        isPaired = true
                        break
                    }
                }
                if isPaired {
                    mentions.append(
                        Mention(
                            country: c, start: token.start, end: token.end, isObject: isObject, isAside: isAside,
                            group: mentions.count))
                }
            default:
                continue
            }
        }
    }

    /// Groups mentions that form one list (美国、日本和欧盟; "Vietnam, India, and Australia"; 中美):
    /// only joins from pairing.tsv (and spaces, and an English "the") stand between neighbours. A list
    /// shares the object mark of its first member (对美日, "from China and Myanmar").
    mutating func findLists(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard mentions.count > 1 else { return }
        // Scan right to left: a series join (the English comma) holds only when the next join holds.
        var isNextJoined = false
        let joins = lexicon.joins
        for i in stride(from: mentions.count - 2, through: 0, by: -1) {
            var kind = SegmentScorer.joinKind(bytes, from: mentions[i].end, to: mentions[i + 1].start, joins: joins)
            // "In China, Japan and India ...", "Unlike the US, China ...": an opening place or
            // companion ends at its comma.
            if kind == .series && mentions[i].isAside
                && SegmentScorer.opensSegment(bytes, markBefore: mentions[i].start)
            {
                kind = .none
            }
            // 中国与美国相比: two sides of a comparison, not one list.
            if kind != .none && SegmentScorer.comparisonFollows(bytes, at: mentions[i + 1].end) { kind = .none }
            mentions[i].isJoinedToNext = kind == .list || (kind == .series && isNextJoined)
            isNextJoined = mentions[i].isJoinedToNext
        }
        for i in 0..<(mentions.count - 1) where mentions[i].isJoinedToNext {
            // 中国与美国: 与 joins the list here and marks no companion.
            mentions[i + 1].group = mentions[i].group
            mentions[i + 1].isObject = mentions[mentions[i].group].isObject
            mentions[i + 1].isAside = mentions[mentions[i].group].isAside
        }
    }

    /// What stands between two mentions.
    enum JoinKind {
        /// Anything that does not join them.
        case none
        /// Nothing but spaces, or a list join (和, 、, and, &).
        case list
        /// A series join (the English comma): a join only when the list is closed by a list join.
        case series
    }

    /// Whether the English mark word before a name ("In China", "Unlike the US") is the first word of
    /// the segment.
    static func opensSegment(_ bytes: UnsafeBufferPointer<UInt8>, markBefore start: Int) -> Bool {
        let word = wordBefore(bytes, name: start)
        guard word.count > 0 else { return false }
        var k = word.start
        while k > 0 && (bytes[k - 1] == 0x20 || bytes[k - 1] == 0x22) { k -= 1 }
        return k == 0
    }

    /// 相比, 相较, 比较 right after a name (optionally after 的): the names before it are compared.
    static func comparisonFollows(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        var i = end
        if ByteScan.hasBytes(bytes, Vocabulary.de, startingAt: i) { i += Vocabulary.de.count }
        return Vocabulary.comparisonWords.contains { ByteScan.hasBytes(bytes, $0, startingAt: i) }
    }

    /// What the bytes between two mentions are: nothing or a list join (和, 、, and, &), a series
    /// join (,), or anything else.
    private static func joinKind(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
        joins: [(bytes: [UInt8], isSeries: Bool)]
    ) -> JoinKind {
        guard from <= to, to - from <= Vocabulary.maximumListGap else { return .none }
        var start = from
        var end = to
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        if start == end { return .list }
        // "the US and the EU": a final "the" belongs to the next name.
        // Not after a bare comma: "In China, the US and Japan" is no list.
        var hasArticle = false
        let the = Vocabulary.the
        if end - start >= the.count + 1, ByteScan.hasBytes(bytes, the, endingAt: end, caseInsensitive: true),
            bytes[end - the.count - 1] == 0x20
        {
            end -= the.count + 1
            hasArticle = true
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        }
        for join in joins where join.bytes.count == end - start {
            if ByteScan.hasBytes(bytes, join.bytes, endingAt: end, caseInsensitive: true) {
                return join.isSeries ? (hasArticle ? .none : .series) : .list
            }
        }
        return .none
    }

    /// Whether a neighbouring token completes a pairing: another bare form, or a longer country form
    /// that begins (right neighbour) or ends (left neighbour) with a bare form (欧|美企, 中|美国企业).
    private func pairs(_ token: Lexicon.Token, _ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> Bool {
        switch lexicon.entries[token.entry].kind {
        case .bare: return true
        case .country:
            let length = token.end - token.start
            guard length > 3 else { return false }
            let start = atEnd ? token.end - 3 : token.start
            return lexicon.bareForms.contains(Array(UnsafeBufferPointer(rebasing: bytes[start..<(start + 3)])))
        default: return false
        }
    }

    /// 对中国, 向美国, 从日本, "on China", "from the US": the country is the object of what follows;
    /// 与欧盟, "with Australia", "unlike Japan": a companion, not the subject.
    private func prefixMark(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Model.Affix.Mark {
        guard start > 0 else { return .plain }
        // The prefixes of pairing.tsv are CJK: only worth trying after a CJK byte.
        if bytes[start - 1] >= 0x80 {
            for prefix in lexicon.prefixes where prefix.mark != .plain {
                if ByteScan.hasBytes(bytes, prefix.bytes, endingAt: start) { return prefix.mark }
            }
            return .plain
        }
        guard bytes[start - 1] == 0x20 else { return .plain }
        return SegmentScorer.englishMark(bytes, SegmentScorer.wordBefore(bytes, name: start))
    }

    /// The English word before a name, past spaces and an article ("from the US": `from`).
    static func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, name start: Int) -> (start: Int, count: Int) {
        var i = start
        while i > 0 && bytes[i - 1] == 0x20 { i -= 1 }
        var word = ByteScan.previousWord(bytes, endingAt: i, reach: Vocabulary.markWordReach)
        if word.count == Vocabulary.the.count
            && ByteScan.packedLowercase(bytes, word.start, word.count) == Vocabulary.theKey
        {
            i = word.start
            while i > 0 && bytes[i - 1] == 0x20 { i -= 1 }
            word = ByteScan.previousWord(bytes, endingAt: i, reach: Vocabulary.markWordReach)
        }
        return word
    }

    /// What an English word before a name marks it as (`Vocabulary.englishMarkWords`). Compared as
    /// packed integers: this runs for every country named in English.
    static func englishMark(_ bytes: UnsafeBufferPointer<UInt8>, _ word: (start: Int, count: Int)) -> Model.Affix.Mark {
        guard word.count > 0 else { return .plain }
        let key = ByteScan.packedLowercase(bytes, word.start, word.count)
        for entry in Vocabulary.englishMarkKeys where entry.key == key { return entry.mark }
        return .plain
    }
}
