/// Applies the scoring rules to one segment: finds who is named, which cues stand where, how the
/// modifiers around each cue change it, and which country each cue is about.
///
/// One scorer per worker thread: it owns scratch buffers that are reused from segment to segment.
public struct SegmentScorer: Sendable {
    public let lexicon: Lexicon
    private var tokens: [Lexicon.Token] = []
    private var mentions: [Mention] = []
    private var boundaries: [Int] = []
    /// Where each clause after the first starts (just past its boundary mark).
    private var clauseStarts: [Int] = []
    /// The countries the current cue moves, reused from cue to cue.
    private var targets: [(country: Int, value: Double, role: Role)] = []

    struct Mention {
        var country: Int
        var start: Int
        var end: Int
        /// Marked as the object of a relation (对华, 向中国, "on China").
        var object: Bool
        /// Marked as a companion (与欧盟的谈判, "a deal with Australia"): never the subject.
        var aside: Bool
        /// Index of the first mention of the list this one belongs to (美国和日本, "Vietnam, India
        /// and Australia"); its own index when it stands alone.
        var group: Int
        /// Joined to the next mention as one list (set by `findLists`).
        var joinedToNext = false
    }

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        tokens.reserveCapacity(64)
        mentions.reserveCapacity(16)
        boundaries.reserveCapacity(16)
    }

    /// Scores one segment into `acc`. `segment` is its 0-based index in the article.
    public mutating func score(
        _ bytes: UnsafeBufferPointer<UInt8>, kind: SegmentKind, segment: Int,
        into acc: inout StanceAccumulator
    ) {
        let p = lexicon.model.parameters
        let segmentWeight = kind == .title ? p.titleWeight : 1
        acc.toneSegments += segmentWeight
        lexicon.tokens(in: bytes, into: &tokens)
        guard !tokens.isEmpty else { return }
        findMentions(bytes)
        findLists(bytes)
        for m in mentions { acc.mention(m.country) }
        // The first unmarked mention becomes the topic for the following segments (set after scoring
        // this one, whose own mentions take precedence).
        defer { if let first = mentions.first(where: { !$0.object && !$0.aside }) { acc.topic = first.country } }
        // Each segment that names a country counts once toward its average.
        for (i, m) in mentions.enumerated() where !mentions[..<i].contains(where: { $0.country == m.country }) {
            acc.naming[m.country] += segmentWeight
        }
        var hasCue = false
        for token in tokens {
            switch lexicon.entries[token.entry].kind {
            case .cue, .slotOpen: hasCue = true
            case .modifier(let m) where lexicon.model.modifiers[m].type == .scope: hasCue = true
            default: continue
            }
            break
        }
        guard hasCue else { return }
        findClauseBoundaries(bytes)
        let contrast = contrastPoint()

        // The end of the last matched `{X}` phrase: cues inside it (卡 in 被{X}卡) are part of it.
        var phraseEnd = -1
        // The clause whose world share has been counted: one per clause.
        var shareClause = -1
        for (index, token) in tokens.enumerated() {
            let weight: Double
            var objectMention: Int?
            var modifierIndex = index
            var start = token.start
            var end = token.end
            /// What stands in for a cue: its kind, entry text and source.
            let cue: (kind: Model.CueKind, term: String, source: Model.Source)
            switch lexicon.entries[token.entry].kind {
            case .cue(let c):
                if token.start < phraseEnd { continue }
                let entry = lexicon.model.cues[c]
                cue = (entry.kind, entry.term, entry.source)
                weight = entry.weight
            case .slotOpen(let c):
                guard let (mention, closeEnd, slotCue) = slotObject(after: index, cue: c, bytes) else { continue }
                let entry = lexicon.model.cues[slotCue]
                cue = (entry.kind, entry.term, entry.source)
                weight = entry.weight
                objectMention = mention
                end = closeEnd
                phraseEnd = closeEnd
            case .modifier(let m) where lexicon.model.modifiers[m].type == .scope:
                let k = clause(token.start)
                guard k != shareClause, let share = worldShare(inClause: k, bytes) else { continue }
                shareClause = k
                let scope = lexicon.model.modifiers[m]
                cue = (.cue, "share ≥ \(SegmentScorer.format(p.shareMin))% (\(scope.term))", scope.source)
                weight = p.shareWeight
                start = share.start
                end = share.end
                // Modifiers and contrast are read from the figure, not from the scope word after it.
                modifierIndex = tokens.firstIndex { $0.start >= share.start } ?? index
            default:
                continue
            }
            var value = weight
            var applied: [String] = []
            applyModifiers(
                before: modifierIndex, cueStart: start, bytes, value: &value, applied: &applied, explain: acc.explain)
            applyTrailingReducer(
                after: index, cueEnd: end, bytes, value: &value, applied: &applied, explain: acc.explain)
            if let contrast {
                let factor = contrastFactor(contrast, at: start)
                if factor != 1 {
                    value *= factor
                    if acc.explain { applied.append("\(contrast.term)×\(SegmentScorer.format(factor))") }
                }
            }
            if let q = questionFactor(at: start, end: end, bytes) {
                value *= q.factor
                if acc.explain { applied.append("\(q.term)×\(SegmentScorer.format(q.factor))") }
            }
            if segmentWeight != 1 {
                value *= segmentWeight
                if acc.explain { applied.append("title×\(SegmentScorer.format(segmentWeight))") }
            }
            acc.toneSum += value
            if cue.kind == .tone { continue }

            targets.removeAll(keepingCapacity: true)
            let latin = Lexicon.isWordByte(bytes[token.start])
            if cue.kind == .rel {
                let object = objectMention ?? relationObject(cueStart: start, cueEnd: end)
                let subject = relationSubject(cueStart: start, excluding: object, latin: latin, topic: acc.topic)
                if let subject { addTarget(subject, value, .subject) }
                // 不依赖中国, "reduce reliance on China": the subject's need is denied or lessened; the
                // one depended on gains or loses nothing by it. Nor, in Chinese, when nobody is said to
                // depend (出口经营者应向商务部申请: a procedure); an English "reliance on China" with no
                // one named still says China is relied on.
                if let object, subject != nil || latin, (value < 0) == (weight < 0) {
                    addTarget(.mention(object), -value, .object)
                }
            } else if let holder = holder(cueStart: start, cueEnd: end, latin: latin, topic: acc.topic) {
                // A cue reached only through the sentence or the topic, not its own clause, is less
                // surely about that country: it counts `distant_attribution` times.
                let factor = holder.near ? 1 : lexicon.model.parameters.distantAttribution
                addTarget(holder.found, value * factor, holder.near ? .nearest : .distant)
            }
            for target in targets {
                let country = target.country
                if acc.mentions[country] == 0 { continue }
                acc.raw[country] += target.value
                if acc.explain {
                    acc.evidence[country].append(
                        Evidence(
                            matched: SegmentScorer.text(bytes, start, end), entry: cue.term,
                            source: cue.source.description, weight: weight, modifiers: applied,
                            value: (target.value * 1000).rounded() / 1000, role: target.role.rawValue, segment: segment,
                            segmentKind: kind, segmentText: SegmentScorer.text(bytes, 0, bytes.count)))
                }
            }
        }
    }

    /// How a cue reached a country, as `--explain` shows it.
    enum Role: String {
        case subject, object, nearest, distant
    }

    /// Adds a target of the current cue; a cue about one member of a list is about each of them
    /// (美日依赖中国: US and JP). A country already targeted keeps its first role.
    private mutating func addTarget(_ found: Holder, _ value: Double, _ role: Role) {
        switch found {
        case .topic(let country):
            if !targets.contains(where: { $0.country == country }) { targets.append((country, value, role)) }
        case .mention(let i):
            let group = mentions[i].group
            for k in group..<mentions.count where mentions[k].group == group {
                let country = mentions[k].country
                if !targets.contains(where: { $0.country == country }) { targets.append((country, value, role)) }
            }
        }
    }

    // MARK: - World shares

    /// The share a clause that names the world gives (90%, 90 per cent, ９０％, 九成, 9成), as the byte
    /// range of the figure, when it is at or above `share_min`. The last figure counts (份额从90%降至40%:
    /// 40%), and only a figure that reads as a share: in English one followed by "of" ("90% of global
    /// refining") or in a clause that says "share"; in Chinese one in a clause that says 占, 份额, 比重 or
    /// 来自 — so "prices jumped 80%" and 全球价格上涨八成 are no position.
    private func worldShare(inClause k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        let from = k == 0 ? 0 : clauseStarts[k - 1]
        let to = k < boundaries.count ? boundaries[k] : bytes.count
        var last: (value: Double, start: Int, end: Int, of: Bool)?
        var i = from
        while i < to {
            guard SegmentScorer.digit(bytes, at: i, before: to) != nil else {
                // 九成: a Chinese numeral before 成.
                if bytes[i] >= 0xE4 && bytes[i] <= 0xE5, i + 6 <= to,
                    SegmentScorer.hasBytes(bytes, SegmentScorer.cheng, startingAt: i + 3),
                    !SegmentScorer.chengIsAWord(bytes, at: i + 6, before: to),
                    let tenth = SegmentScorer.chineseDigits.firstIndex(where: {
                        SegmentScorer.hasBytes(bytes, $0, startingAt: i)
                    })
                {
                    last = (Double(tenth + 1) * 10, i, i + 6, false)
                    i += 6
                    continue
                }
                i += 1
                continue
            }
            // A number: digits (ASCII or full-width), an optional decimal part, then %, ％, 成 or "percent".
            let start = i
            var value = 0.0
            if i > from, SegmentScorer.digit(bytes, at: i - 1, before: to) != nil || bytes[i - 1] == 0x2E {
                i += 1; continue
            }
            while let d = SegmentScorer.digit(bytes, at: i, before: to) {
                value = value * 10 + Double(d.value); i += d.width
            }
            if i + 1 < to && bytes[i] == 0x2E, SegmentScorer.digit(bytes, at: i + 1, before: to) != nil {
                var scale = 0.1
                i += 1
                while let d = SegmentScorer.digit(bytes, at: i, before: to) {
                    value += Double(d.value) * scale; scale /= 10; i += d.width
                }
            }
            var j = i
            while j < to && bytes[j] == 0x20 { j += 1 }
            var end: Int?
            if j < to && bytes[j] == 0x25 {
                end = j + 1
            } else if SegmentScorer.hasBytes(bytes, SegmentScorer.fullWidthPercent, startingAt: j) && j + 3 <= to {
                end = j + 3
            } else if SegmentScorer.hasBytes(bytes, SegmentScorer.cheng, startingAt: i) && i + 3 <= to
                && !SegmentScorer.chengIsAWord(bytes, at: i + 3, before: to)
            {
                value *= 10
                end = i + 3
            } else {
                for word in SegmentScorer.percentWords where j + word.count <= to {
                    if SegmentScorer.hasBytes(bytes, word, endingAt: j + word.count, caseInsensitive: true),
                        j + word.count == to || !Lexicon.isWordByte(bytes[j + word.count])
                    {
                        end = j + word.count
                        break
                    }
                }
            }
            if let end {
                var k = end
                while k < to && bytes[k] == 0x20 { k += 1 }
                let of =
                    k + 2 <= to
                    && SegmentScorer.hasBytes(bytes, SegmentScorer.of, endingAt: k + 2, caseInsensitive: true)
                    && (k + 2 == to || !Lexicon.isWordByte(bytes[k + 2]))
                last = (value, start, end, of)
                i = end
            }
        }
        guard let last, last.value >= lexicon.model.parameters.shareMin, last.value <= 100 else { return nil }
        let latin = !(from..<to).contains { bytes[$0] >= 0xE0 }
        let saysShare =
            last.of
            || SegmentScorer.contains(
                bytes, from: from, to: to,
                any: latin ? SegmentScorer.shareWordsEN : SegmentScorer.shareWordsZH)
        return saysShare ? (last.start, last.end) : nil
    }

    /// A digit at `i`: ASCII 0-9 (one byte) or full-width ０-９ (three bytes).
    static func digit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, before to: Int) -> (value: Int, width: Int)? {
        guard i < to else { return nil }
        let b = bytes[i]
        if isASCIIDigit(b) { return (Int(b - 0x30), 1) }
        if b == 0xEF && i + 2 < to && bytes[i + 1] == 0xBC && bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0x99 {
            return (Int(bytes[i + 2] - 0x90), 3)
        }
        return nil
    }

    /// 成 that begins a word rather than closing a figure: 成为, 成本, 成员, 成立, 成功, 成长, 成熟, 成交,
    /// and 八成会/八成是 ("probably").
    static func chengIsAWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, before to: Int) -> Bool {
        guard i + 3 <= to else { return false }
        return chengWords.contains { hasBytes(bytes, $0, startingAt: i) }
    }

    static let chengWords: [[UInt8]] = ["为", "本", "员", "立", "功", "长", "熟", "交", "会", "是", "要", "就", "绩", "果"].map {
        Array($0.utf8)
    }

    /// Whether any of `words` occurs between `from` and `to` (ASCII compared without case).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, any words: [[UInt8]]) -> Bool {
        for word in words where word.count <= to - from {
            var i = from
            while i + word.count <= to {
                if hasBytes(bytes, word, endingAt: i + word.count, caseInsensitive: true) { return true }
                i += 1
            }
        }
        return false
    }

    static let fullWidthPercent: [UInt8] = Array("％".utf8)
    static let cheng: [UInt8] = Array("成".utf8)
    static let of: [UInt8] = Array("of".utf8)
    static let percentWords: [[UInt8]] = ["per cent", "percent"].map { Array($0.utf8) }
    static let shareWordsEN: [[UInt8]] = ["share"].map { Array($0.utf8) }
    static let shareWordsZH: [[UInt8]] = ["占", "份额", "比重", "来自"].map { Array($0.utf8) }
    /// 一 … 十, whose position + 1 is the number of tenths before 成.
    static let chineseDigits: [[UInt8]] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].map { Array($0.utf8) }

    // MARK: - Countries

    private mutating func findMentions(_ bytes: UnsafeBufferPointer<UInt8>) {
        mentions.removeAll(keepingCapacity: true)
        for (i, token) in tokens.enumerated() {
            switch lexicon.entries[token.entry].kind {
            case .country(let c):
                let role = prefixRole(bytes, at: token.start)
                mentions.append(
                    Mention(
                        country: c, start: token.start, end: token.end,
                        object: role == .object, aside: role == .aside, group: mentions.count))
            case .bare(let c):
                if token.start > 0 && SegmentScorer.isDigitBefore(bytes, token.start) { continue }
                var paired = false
                var object = false, aside = false
                if i > 0, tokens[i - 1].end == token.start, pairs(tokens[i - 1], bytes, atEnd: true) { paired = true }
                if i + 1 < tokens.count, tokens[i + 1].start == token.end, pairs(tokens[i + 1], bytes, atEnd: false) {
                    paired = true
                }
                for prefix in lexicon.prefixes where SegmentScorer.hasBytes(bytes, prefix.bytes, endingAt: token.start)
                {
                    paired = true
                    object = object || prefix.role == .object
                    aside = aside || prefix.role == .aside
                }
                if !paired {
                    for suffix in lexicon.suffixes where SegmentScorer.hasBytes(bytes, suffix, startingAt: token.end) {
                        paired = true
                        break
                    }
                }
                if paired {
                    mentions.append(
                        Mention(
                            country: c, start: token.start, end: token.end, object: object, aside: aside,
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
    private mutating func findLists(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard mentions.count > 1 else { return }
        // Scan right to left: a series join (the English comma) holds only when the next join holds.
        var nextJoined = false
        let joins = lexicon.joins
        for i in stride(from: mentions.count - 2, through: 0, by: -1) {
            var kind = SegmentScorer.joinKind(bytes, from: mentions[i].end, to: mentions[i + 1].start, joins: joins)
            // "In China, Japan and India ...", "Unlike the US, China ...": an opening place or
            // companion ends at its comma.
            if kind == .series && mentions[i].aside && SegmentScorer.opensSegment(bytes, roleBefore: mentions[i].start)
            {
                kind = .none
            }
            // 中国与美国相比: two sides of a comparison, not one list.
            if kind != .none && SegmentScorer.comparisonFollows(bytes, at: mentions[i + 1].end) { kind = .none }
            mentions[i].joinedToNext = kind == .list || (kind == .series && nextJoined)
            nextJoined = mentions[i].joinedToNext
        }
        for i in 0..<(mentions.count - 1) where mentions[i].joinedToNext {
            // 中国与美国: 与 joins the list here and marks no companion.
            mentions[i + 1].group = mentions[i].group
            mentions[i + 1].object = mentions[mentions[i].group].object
            mentions[i + 1].aside = mentions[mentions[i].group].aside
        }
    }

    enum JoinKind { case none, list, series }

    /// Whether the English role word before a name ("In China", "Unlike the US") is the first word of
    /// the segment.
    static func opensSegment(_ bytes: UnsafeBufferPointer<UInt8>, roleBefore start: Int) -> Bool {
        let word = wordBefore(bytes, name: start)
        guard word.count > 0 else { return false }
        var k = word.start
        while k > 0 && (bytes[k - 1] == 0x20 || bytes[k - 1] == 0x22) { k -= 1 }
        return k == 0
    }

    /// 相比, 相较, 比较 right after a name (optionally after 的): the names before it are compared.
    static func comparisonFollows(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        var i = end
        if hasBytes(bytes, de, startingAt: i) { i += 3 }
        return comparisonWords.contains { hasBytes(bytes, $0, startingAt: i) }
    }

    static let de: [UInt8] = Array("的".utf8)
    static let comparisonWords: [[UInt8]] = ["相比", "相较", "比较"].map { Array($0.utf8) }

    /// What the bytes between two mentions are: nothing or a list join (和, 、, and, &), a series
    /// join (,), or anything else.
    private static func joinKind(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
        joins: [(bytes: [UInt8], series: Bool)]
    ) -> JoinKind {
        guard from <= to, to - from <= 16 else { return .none }
        var start = from, end = to
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        if start == end { return .list }
        // "the US and the EU": a final "the" belongs to the next name.
        // Not after a bare comma: "In China, the US and Japan" is no list.
        var article = false
        if end - start >= 4, SegmentScorer.hasBytes(bytes, SegmentScorer.the, endingAt: end, caseInsensitive: true),
            bytes[end - 4] == 0x20
        {
            end -= 4
            article = true
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        }
        for join in joins where join.bytes.count == end - start {
            if SegmentScorer.hasBytes(bytes, join.bytes, endingAt: end, caseInsensitive: true) {
                return join.series ? (article ? .none : .series) : .list
            }
        }
        return .none
    }

    static let the: [UInt8] = Array("the".utf8)

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
    private func prefixRole(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Model.Affix.Role {
        guard start > 0 else { return .plain }
        // The prefixes of pairing.tsv are CJK: only worth trying after a CJK byte.
        if bytes[start - 1] >= 0x80 {
            for prefix in lexicon.prefixes where prefix.role != .plain {
                if SegmentScorer.hasBytes(bytes, prefix.bytes, endingAt: start) { return prefix.role }
            }
            return .plain
        }
        guard bytes[start - 1] == 0x20 else { return .plain }
        return SegmentScorer.englishRole(bytes, SegmentScorer.wordBefore(bytes, name: start))
    }

    /// The English word before a name, past spaces and an article ("from the US": `from`).
    static func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, name start: Int) -> (start: Int, count: Int) {
        var i = start
        while i > 0 && bytes[i - 1] == 0x20 { i -= 1 }
        var word = previousWord(bytes, endingAt: i)
        if word.count == 3 && lower(bytes, word.start, "the") {
            i = word.start
            while i > 0 && bytes[i - 1] == 0x20 { i -= 1 }
            word = previousWord(bytes, endingAt: i)
        }
        return word
    }

    /// on/upon/from mark an object; with/unlike/than/in a companion or a place. Compared byte by
    /// byte: this runs for every country named in English.
    static func englishRole(_ bytes: UnsafeBufferPointer<UInt8>, _ word: (start: Int, count: Int)) -> Model.Affix.Role {
        switch word.count {
        case 2:
            if lower(bytes, word.start, "on") { return .object }
            if lower(bytes, word.start, "in") { return .aside }
        case 4:
            if lower(bytes, word.start, "from") || lower(bytes, word.start, "upon") { return .object }
            if lower(bytes, word.start, "with") || lower(bytes, word.start, "than") { return .aside }
        case 6:
            if lower(bytes, word.start, "unlike") { return .aside }
        default:
            break
        }
        return .plain
    }

    /// The run of ASCII letters ending at `end` (at most 8 are looked at).
    static func previousWord(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (start: Int, count: Int) {
        var i = end
        while i > 0 && end - i < 8 {
            let b = bytes[i - 1] | 0x20
            guard b >= 0x61 && b <= 0x7A else { break }
            i -= 1
        }
        if i > 0 && Lexicon.isWordByte(bytes[i - 1]) { return (end, 0) }
        return (i, end - i)
    }

    /// Whether the bytes at `start` spell `word` (lower-case ASCII), ignoring case.
    static func lower(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { w in
            for k in 0..<w.count where bytes[start + k] | 0x20 != w[k] { return false }
            return true
        }
    }

    // MARK: - Clauses

    /// Clause boundaries: ， , ； ; ： : and the sentence ends that can stand inside a title.
    private mutating func findClauseBoundaries(_ bytes: UnsafeBufferPointer<UInt8>) {
        boundaries.removeAll(keepingCapacity: true)
        clauseStarts.removeAll(keepingCapacity: true)
        defer {
            for b in boundaries { clauseStarts.append(b + (bytes[b] < 0x80 ? 1 : 3)) }
        }
        var i = 0
        let n = bytes.count
        let candidates = SegmentScorer.boundaryLead
        while i < n {
            let b = bytes[i]
            // Most bytes cannot start a boundary mark: one table lookup skips them.
            if !candidates[Int(b)] {
                i += 1
                continue
            }
            if b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F {
                // ASCII , ; : ! ?  — a colon between digits (06:20) is no boundary.
                if !(b == 0x3A || b == 0x2C)
                    || !(i > 0 && i + 1 < n && SegmentScorer.isASCIIDigit(bytes[i - 1])
                        && SegmentScorer.isASCIIDigit(bytes[i + 1]))
                {
                    boundaries.append(i)
                }
            } else if b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBC {
                // ， ； ： ！ ？  (U+FF0C, FF1B, FF1A, FF01, FF1F)
                let c = bytes[i + 2]
                if c == 0x8C || c == 0x9B || c == 0x9A || c == 0x81 || c == 0x9F { boundaries.append(i) }
            } else if b == 0xE3 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82 {
                boundaries.append(i)  // 。
            }
            i += 1
        }
    }

    /// Bytes that can start a clause boundary: ASCII , ; : ! ? and the lead bytes of ，；：！？ and 。.
    static let boundaryLead: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b: UInt8 in [0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0xEF, 0xE3] { table[Int(b)] = true }
        return table
    }()

    /// Whether a mention opens its clause — at most 3 bytes before it: a space, a quotation mark, or one
    /// CJK character such as 在 or 而 — and so is taken for the clause's subject.
    private func opensClause(_ m: Mention) -> Bool {
        let k = clause(m.start)
        let start = k == 0 ? 0 : clauseStarts[k - 1]
        return m.start - start <= 3
    }

    /// Clause number of a byte offset: the boundaries strictly before it.
    private func clause(_ offset: Int) -> Int {
        var count = 0
        for b in boundaries {
            if b < offset { count += 1 } else { break }
        }
        return count
    }

    // MARK: - Modifiers

    /// Chinese puts the change after the noun (对华依赖降至六成, 短缺有所缓解): a reducer within
    /// `intensifier_window_cjk` + 1 characters after a Chinese cue, in its clause, lessens it.
    private func applyTrailingReducer(
        after index: Int, cueEnd: Int, _ bytes: UnsafeBufferPointer<UInt8>,
        value: inout Double, applied: inout [String], explain: Bool
    ) {
        guard cueEnd > 0, !Lexicon.isWordByte(bytes[cueEnd - 1]) else { return }
        let cueClause = clause(cueEnd - 1)
        let window = lexicon.model.parameters.intensifierWindowCJK + 1
        var k = index + 1
        while k < tokens.count {
            let token = tokens[k]
            k += 1
            if token.start < cueEnd { continue }
            if SegmentScorer.units(bytes, from: cueEnd, to: token.start) > window || clause(token.start) != cueClause {
                return
            }
            guard case .modifier(let m) = lexicon.entries[token.entry].kind,
                lexicon.model.modifiers[m].type == .lessening
            else { continue }
            let modifier = lexicon.model.modifiers[m]
            let factor = value < 0 ? -modifier.factor : modifier.factor
            value *= factor
            if explain { applied.append("\(modifier.term)×\(SegmentScorer.format(factor))") }
            return
        }
    }

    private func applyModifiers(
        before index: Int, cueStart: Int, _ bytes: UnsafeBufferPointer<UInt8>,
        value: inout Double, applied: inout [String], explain: Bool
    ) {
        let p = lexicon.model.parameters
        let cueClause = clause(cueStart)
        let latin = Lexicon.isWordByte(bytes[cueStart])
        var k = index - 1
        while k >= 0 {
            let token = tokens[k]
            k -= 1
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            let modifier = lexicon.model.modifiers[m]
            if clause(token.start) != cueClause { break }
            // A barrier ends the reach of modifiers further back (难以摆脱对华依赖: 难以 negates 摆脱, not 依赖).
            if modifier.type == .barrier { break }
            let gap = SegmentScorer.units(bytes, from: token.end, to: cueStart)
            let window: Int
            switch modifier.type {
            case .negator, .reducer, .lessening: window = latin ? p.negationWindowWords : p.negationWindowCJK
            case .intensifier, .diminisher: window = latin ? p.intensifierWindowWords : p.intensifierWindowCJK
            case .irony: window = latin ? p.negationWindowWords : p.negationWindowCJK
            case .contrast, .concessive, .question, .blocker, .barrier, .scope: continue
            }
            if gap > window { continue }
            let factor =
                (modifier.type == .reducer || modifier.type == .lessening) && value < 0
                ? -modifier.factor : modifier.factor
            value *= factor
            if explain { applied.append("\(modifier.term)×\(SegmentScorer.format(factor))") }
        }
    }

    private struct Contrast {
        var term: String
        var position: Int
        var factor: Double
        var concessive: Bool
    }

    /// The last contrast marker of the segment, if any.
    private func contrastPoint() -> Contrast? {
        var found: Contrast?
        for token in tokens {
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            let modifier = lexicon.model.modifiers[m]
            if modifier.type == .contrast || modifier.type == .concessive {
                found = Contrast(
                    term: modifier.term, position: token.start, factor: modifier.factor,
                    concessive: modifier.type == .concessive)
            }
        }
        return found
    }

    private func contrastFactor(_ contrast: Contrast, at offset: Int) -> Double {
        let after = lexicon.model.parameters.contrastAfter
        if contrast.concessive {
            let markerClause = clause(contrast.position)
            let here = clause(offset)
            if here == markerClause { return contrast.factor }
            return here > markerClause ? after : 1
        }
        return offset < contrast.position ? contrast.factor : after
    }

    /// A question marker in the cue's clause (吗, 难道, or the ? that closes it) makes it a doubted claim:
    /// damped. A cue in quotation marks inside such a question (这就“中国失去优势”了?) is a claim held
    /// up to ridicule: it flips, by the model's `quoted_question` factor.
    private func questionFactor(at start: Int, end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (
        term: String, factor: Double
    )? {
        let cueClause = clause(start)
        for token in tokens {
            guard case .modifier(let m) = lexicon.entries[token.entry].kind else { continue }
            let modifier = lexicon.model.modifiers[m]
            guard modifier.type == .question else { continue }
            guard clause(token.start) == cueClause else { continue }
            if SegmentScorer.isQuoted(bytes, start: start, end: end) {
                return ("“”" + modifier.term, lexicon.model.parameters.quotedQuestion)
            }
            return (modifier.term, modifier.factor)
        }
        return nil
    }

    /// Whether `start..<end` stands between an opening “ (or ") and its closing quote.
    static func isQuoted(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var open = false
        var i = 0
        var straight = false
        while i < start {
            if i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C { open = true } else if bytes[i + 2] == 0x9D { open = false }
                i += 3
                continue
            }
            if bytes[i] == 0x22 { straight.toggle() }
            i += 1
        }
        guard open || straight else { return false }
        var j = end
        while j < bytes.count {
            if j + 2 < bytes.count && bytes[j] == 0xE2 && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x9D { return open }
            if bytes[j] == 0x22 { return straight }
            j += 1
        }
        return false
    }

    // MARK: - Attribution

    /// The country a one-country cue is about, and whether it stands in the cue's own clause.
    /// English: the nearest mention before it in its clause, else the nearest after it in the clause
    /// ("concern in the U.S."), else the sentence's first mention before it, else the first after it.
    /// Chinese, where subjects are often dropped and a country after a verb is mostly its object: the
    /// nearest mention before it in its clause, else the nearest clause subject before it, else the
    /// first mention before it, else the topic carried from earlier segments, else the nearest
    /// mention after it in the clause, else the first after it.
    private func holder(cueStart: Int, cueEnd: Int, latin: Bool, topic: Int?) -> (found: Holder, near: Bool)? {
        // A companion or a place (与欧盟, 在马来西亚, "in Malaysia") holds the cue only when nobody else can.
        holder(cueStart: cueStart, cueEnd: cueEnd, latin: latin, topic: topic, aside: false)
            ?? holder(cueStart: cueStart, cueEnd: cueEnd, latin: latin, topic: nil, aside: true)
    }

    private func holder(cueStart: Int, cueEnd: Int, latin: Bool, topic: Int?, aside: Bool) -> (
        found: Holder, near: Bool
    )? {
        let cueClause = clause(cueStart)
        var before: Int?, after: Int?, firstBefore: Int?, nearestBefore: Int?, firstAfter: Int?, marked: Int?
        for (i, m) in mentions.enumerated() {
            guard !m.object && (aside || !m.aside) else {
                if m.object && m.end <= cueStart && clause(m.start) == cueClause { marked = i }
                continue
            }
            if m.end <= cueStart {
                if firstBefore == nil { firstBefore = i }
                if opensClause(m) { nearestBefore = i }
                if clause(m.start) == cueClause { before = i }
            } else if m.start >= cueEnd {
                if firstAfter == nil { firstAfter = i }
                if after == nil && clause(m.start) == cueClause { after = i }
            }
        }
        // English summaries open each sentence with its subject; Chinese clauses without a subject
        // continue the nearest clause subject before them (中国坚决不给稀土,美国人“被逼急了”,超级大国沦落到...),
        // or the topic of the previous sentences; a country after a Chinese cue is mostly its object.
        if let found = before ?? (latin ? after : nil) { return (.mention(found), true) }
        // Chinese 对美国的缺口只是杯水车薪: a marked country earlier in the clause is nearer than the
        // sentence's subject (in English the clause's country after the cue has already been taken).
        if let marked, !latin { return (.mention(marked), true) }
        if latin {
            if let found = firstBefore { return (.mention(found), false) }
        } else {
            if let found = nearestBefore ?? firstBefore { return (.mention(found), false) }
            if let topic { return (.topic(topic), false) }
            if let after { return (.mention(after), true) }
        }
        return firstAfter.map { (.mention($0), false) }
    }

    /// Who a cue is about: a mention in this segment (with the rest of its list), or the topic
    /// carried from earlier segments.
    enum Holder {
        case mention(Int)
        case topic(Int)
    }

    /// The subject of a relation: the nearest unmarked mention before the cue in its clause, else the
    /// sentence's first unmarked mention before it, else (Chinese) the carried topic. Mentions of the
    /// object's list are never the subject.
    private func relationSubject(cueStart: Int, excluding object: Int?, latin: Bool, topic: Int?) -> Holder? {
        let cueClause = clause(cueStart)
        func isObject(_ country: Int) -> Bool {
            guard let object else { return false }
            let group = mentions[object].group
            return mentions[group...].contains { $0.group == group && $0.country == country }
        }
        var inClause: Int?, first: Int?, nearest: Int?
        for (i, m) in mentions.enumerated() where m.end <= cueStart && !m.object && !m.aside && !isObject(m.country) {
            if first == nil { first = i }
            if opensClause(m) { nearest = i }
            if clause(m.start) == cueClause { inClause = i }
        }
        if let found = inClause ?? (latin ? first : nearest ?? first) { return .mention(found) }
        if !latin, let topic, !isObject(topic) { return .topic(topic) }
        return nil
    }

    /// The object of a relation: a marked mention in the cue's clause, else the nearest mention after
    /// the cue in the same clause.
    private func relationObject(cueStart: Int, cueEnd: Int) -> Int? {
        let cueClause = clause(cueStart)
        var marked: Int?
        for (i, m) in mentions.enumerated() where m.object && clause(m.start) == cueClause {
            if marked == nil || m.end <= cueStart { marked = i }
        }
        if let marked { return marked }
        for (i, m) in mentions.enumerated() where m.start >= cueEnd && clause(m.start) == cueClause { return i }
        return nil
    }

    /// For `卡{X}脖子`: the mention right after the opening text, and the end of the closing text when
    /// it follows the mention within a few characters (向中国商务部提交: 商务部 may stand between).
    /// Several cues may share the opening (向{X}提交, 向{X}申请): the nearest closing text decides.
    private func slotObject(after index: Int, cue: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        let open = tokens[index]
        guard let m = mentions.firstIndex(where: { $0.start == open.end }), let alternatives = lexicon.slotClosings[cue]
        else {
            return nil
        }
        let from = mentions[m].end
        let limit = min(bytes.count, from + 15)
        var at = from
        while at < limit {
            for alternative in alternatives {
                for closing in alternative.closings where SegmentScorer.hasBytes(bytes, closing, startingAt: at) {
                    return (m, at + closing.count, alternative.cue)
                }
            }
            at += 1
        }
        return nil
    }

    // MARK: - Bytes

    static func hasBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], endingAt end: Int,
        caseInsensitive: Bool = false
    ) -> Bool {
        let start = end - needle.count
        guard start >= 0 else { return false }
        for k in 0..<needle.count {
            var b = bytes[start + k]
            if caseInsensitive && b >= 0x41 && b <= 0x5A { b += 32 }
            if b != needle[k] { return false }
        }
        return true
    }

    static func hasBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], startingAt start: Int) -> Bool {
        guard start + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[start + k] != needle[k] { return false }
        return true
    }

    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A digit (ASCII or full-width ０-９) right before `offset`: 18日 is a date, not Japan.
    static func isDigitBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        if isASCIIDigit(bytes[offset - 1]) { return true }
        if offset >= 3 && bytes[offset - 3] == 0xEF && bytes[offset - 2] == 0xBC {
            let c = bytes[offset - 1]
            return c >= 0x90 && c <= 0x99
        }
        return false
    }

    /// How far apart two offsets are, in CJK characters plus Latin words.
    static func units(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var cjk = 0, words = 0, inWord = false
        for i in from..<to {
            let b = bytes[i]
            if b >= 0xE0 {
                cjk += 1
                inWord = false
            } else if Lexicon.isWordByte(b) || b == 0x27 || b == 0x2D {
                if !inWord { words += 1 }
                inWord = true
            } else if b < 0x80 {
                inWord = false
            }
        }
        return cjk + words
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    static func format(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
