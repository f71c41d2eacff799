/// Applies the scoring rules to one segment: finds who is named, which cues stand where, how the
/// modifiers around each cue change it, and which country each cue is about.
///
/// One scorer per worker thread: it owns scratch buffers that are reused from segment to segment.
/// Each rule has its own file (Documentation/Development.md): `+Mentions` (names and lists),
/// `+Clauses`, `+Modifiers`, `+WorldShare`, `+Attribution`, `+Relations`; the fixed words and limits
/// they use are named in `+Vocabulary`.
public struct SegmentScorer: Sendable {
    public let lexicon: Lexicon
    /// The segment's tokens, in order (`Lexicon.tokens`).
    var tokens: [Lexicon.Token] = []
    /// The segment's Latin tone tokens, found in the same walk (`Lexicon.findsLatinToneTokens`).
    public private(set) var toneTokens: [Lexicon.Token] = []
    /// The countries named in the segment, in order (`findMentions`, `findLists`).
    var mentions: [Mention] = []
    /// The byte offsets of the clause boundary marks (`findClauseBoundaries`).
    var boundaries: [Int] = []
    /// Where each clause after the first starts (just past its boundary mark).
    var clauseStarts: [Int] = []
    /// The countries the current cue moves, reused from cue to cue (`attribute`).
    var targets: [Target] = []
    /// Per-segment lookup tables that keep each cue's work near-constant (`SegmentIndex`).
    var index = SegmentIndex()
    /// For counting each country once per segment: the segment number it was last counted in.
    private var namedIn: [Int] = []
    private var segmentsSeen = 0

    /// A country named in the segment.
    struct Mention {
        var country: Int
        var start: Int
        var end: Int
        /// Marked as the object of a relation (对华, 向中国, "on China").
        var isObject: Bool
        /// Marked as a companion or a place (与欧盟的谈判, "a deal with Australia", "in Malaysia"):
        /// never the subject.
        var isAside: Bool
        /// Index of the first mention of the list this one belongs to (美国和日本, "Vietnam, India
        /// and Australia"); its own index when it stands alone.
        var group: Int
        /// Joined to the next mention as one list (set by `findLists`).
        var isJoinedToNext = false
    }

    /// A country the current cue moves: the value it adds there and how the cue reached it.
    struct Target {
        var country: Int
        var value: Double
        var role: Evidence.Role
    }

    /// What stands in for a cue at one token: a cue entry, a `{X}` phrase closed after its country, or
    /// a world share completed by its scope word. Plain values only: it is made for every cue.
    struct Cue {
        /// Where the cue comes from, for `--explain` (`label(of:)`).
        enum Origin {
            /// The entry of `cues.tsv` with this index.
            case entry(Int)
            /// A world share, completed by the `scope` modifier with this index.
            case share(scope: Int)
        }

        var origin: Origin
        var kind: Model.CueKind
        var weight: Double
        /// The cue's text (for a world share, the figure; for a phrase, through its closing text).
        var start: Int
        var end: Int
        /// The token modifiers are looked for before (a world share's: the figure's, not the scope word's).
        var modifierIndex: Int
        /// The relation's object, when the cue's own phrase names it (卡{X}脖子).
        var objectMention: Int?
        /// Written in Latin script: the English rules of attribution apply.
        var isLatin: Bool
    }

    /// What one pass over the segment's tokens remembers from cue to cue.
    struct CueScan {
        /// The end of the last matched `{X}` phrase: cues inside it (卡 in 被{X}卡) are part of it.
        var phraseEnd = -1
        /// The clause whose world share has been counted: one per clause.
        var shareClause = -1
        /// The last clause found to hold no world share (its scan would find none again).
        var shareless = -1
    }

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        tokens.reserveCapacity(64)
        mentions.reserveCapacity(16)
        boundaries.reserveCapacity(16)
    }

    /// Scores one segment into `acc`. `segment` is its 0-based index in the article.
    ///
    /// Each cue is resolved (`resolveCue`), modified (`modify`, +Modifiers), attributed (`attribute`,
    /// +Attribution and +Relations) and recorded (`record`).
    public mutating func score(
        _ bytes: UnsafeBufferPointer<UInt8>, kind: SegmentKind, segment: Int,
        into acc: inout StanceAccumulator
    ) {
        let segmentWeight = kind == .title ? lexicon.model.parameters.titleWeight : 1
        acc.toneSegments += segmentWeight
        lexicon.tokens(in: bytes, into: &tokens, tone: &toneTokens)
        guard !tokens.isEmpty else { return }
        findMentions(bytes)
        findLists(bytes)
        for m in mentions { acc.mention(m.country) }
        // The first unmarked mention becomes the topic for the following segments (set after scoring
        // this one, whose own mentions take precedence).
        defer { if let first = mentions.first(where: { !$0.isObject && !$0.isAside }) { acc.topic = first.country } }
        // Each segment that names a country counts once toward its average.
        if namedIn.count < lexicon.codes.count { namedIn = [Int](repeating: 0, count: lexicon.codes.count) }
        segmentsSeen += 1
        for m in mentions where namedIn[m.country] != segmentsSeen {
            namedIn[m.country] = segmentsSeen
            acc.naming[m.country] += segmentWeight
        }
        guard hasCue else { return }
        findClauseBoundaries(bytes)
        index.build(
            mentions: mentions, tokens: tokens, boundaries: boundaries, clauseStarts: clauseStarts, lexicon: lexicon,
            bytes)
        let contrast = contrastPoint()
        var scan = CueScan()
        for index in tokens.indices {
            guard let cue = resolveCue(at: index, bytes, scan: &scan) else { continue }
            var contribution = Contribution(weight: cue.weight, isExplaining: acc.explain)
            modify(&contribution, of: cue, at: index, contrast: contrast, segmentWeight: segmentWeight, bytes)
            acc.toneSum += contribution.value
            if cue.kind == .tone { continue }
            attribute(cue, contribution, topic: acc.topic, bytes)
            record(cue, contribution, bytes, kind: kind, segment: segment, into: &acc)
        }
    }

    /// Whether any token can make a cue: a cue entry, the opening of a `{X}` phrase, or a scope word.
    private var hasCue: Bool {
        for token in tokens {
            switch lexicon.entries[token.entry].kind {
            case .cue, .slotOpen: return true
            case .modifier(let m) where lexicon.model.modifiers[m].type == .scope: return true
            default: continue
            }
        }
        return false
    }

    /// The cue the token at `index` stands for, if any.
    private func resolveCue(at index: Int, _ bytes: UnsafeBufferPointer<UInt8>, scan: inout CueScan) -> Cue? {
        let token = tokens[index]
        let isLatin = ByteScan.isWordByte(bytes[token.start])
        switch lexicon.entries[token.entry].kind {
        case .cue(let c):
            if token.start < scan.phraseEnd { return nil }
            let entry = lexicon.model.cues[c]
            return Cue(
                origin: .entry(c), kind: entry.kind, weight: entry.weight, start: token.start, end: token.end,
                modifierIndex: index, objectMention: nil, isLatin: isLatin)
        case .slotOpen(let c):
            guard let slot = slotObject(after: index, cue: c, bytes) else { return nil }
            let entry = lexicon.model.cues[slot.cue]
            scan.phraseEnd = slot.end
            return Cue(
                origin: .entry(slot.cue), kind: entry.kind, weight: entry.weight, start: token.start, end: slot.end,
                modifierIndex: index, objectMention: slot.mention, isLatin: isLatin)
        case .modifier(let m) where lexicon.model.modifiers[m].type == .scope:
            let k = clause(token.start)
            guard k != scan.shareClause, k != scan.shareless else { return nil }
            guard let share = worldShare(inClause: k, bytes) else {
                scan.shareless = k
                return nil
            }
            scan.shareClause = k
            // Modifiers and contrast are read from the figure, not from the scope word after it.
            return Cue(
                origin: .share(scope: m), kind: .cue, weight: lexicon.model.parameters.shareWeight,
                start: share.lowerBound, end: share.upperBound,
                modifierIndex: firstToken(startingAtOrAfter: share.lowerBound) ?? index, objectMention: nil,
                isLatin: isLatin)
        default:
            return nil
        }
    }

    /// Adds a target of the current cue; a cue about one member of a list is about each of them
    /// (美日依赖中国: US and JP). A country already targeted keeps its first role.
    mutating func addTarget(_ found: Holder, _ value: Double, _ role: Evidence.Role) {
        switch found {
        case .topic(let country):
            if !targets.contains(where: { $0.country == country }) {
                targets.append(Target(country: country, value: value, role: role))
            }
        case .mention(let i):
            // The list's distinct countries, in order (a list is a run of mentions: `SegmentIndex`).
            for country in index.groupCountries[index.groupRange[mentions[i].group]]
            where !targets.contains(where: { $0.country == country }) {
                targets.append(Target(country: country, value: value, role: role))
            }
        }
    }

    /// The first token starting at or after `offset` (tokens are sorted by start).
    func firstToken(startingAtOrAfter offset: Int) -> Int? {
        let k = SegmentIndex.partition(tokens.count) { tokens[$0].start < offset }
        return k < tokens.count ? k : nil
    }

    /// Adds the cue's targets to the sums of the countries this article names, with the evidence when
    /// explaining.
    private func record(
        _ cue: Cue, _ contribution: Contribution, _ bytes: UnsafeBufferPointer<UInt8>, kind: SegmentKind,
        segment: Int, into acc: inout StanceAccumulator
    ) {
        for target in targets {
            let country = target.country
            if acc.mentions[country] == 0 { continue }
            acc.contribute(country, target.value, weight: cue.weight, role: target.role)
            if acc.explain {
                let label = label(of: cue)
                acc.evidence[country].append(
                    Evidence(
                        matched: ByteScan.text(bytes, cue.start, cue.end), entry: label.term,
                        source: label.source.description, weight: cue.weight, modifiers: contribution.applied,
                        value: (target.value * 1000).rounded() / 1000, role: target.role, segment: segment,
                        segmentKind: kind, segmentText: ByteScan.text(bytes, 0, bytes.count)))
            }
        }
    }

    /// The cue as `--explain` names it: the model's entry and where it is written; a world share as
    /// `share ≥ 50% (global)`, from the scope word's line.
    private func label(of cue: Cue) -> (term: String, source: Model.Source) {
        switch cue.origin {
        case .entry(let c):
            return (lexicon.model.cues[c].term, lexicon.model.cues[c].source)
        case .share(let m):
            let scope = lexicon.model.modifiers[m]
            let shareMin = Contribution.format(lexicon.model.parameters.shareMin)
            return ("share ≥ \(shareMin)% (\(scope.term))", scope.source)
        }
    }
}
