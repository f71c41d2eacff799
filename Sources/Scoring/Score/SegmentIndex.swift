/// Lookup tables built once per segment, so that attributing and modifying each cue takes near-constant
/// time instead of a scan over every mention or token of the segment (a 200 KB sentence took minutes:
/// `relationSubject` scanned every mention and, for each, every mention again).
///
/// Mentions are sorted by offset and do not overlap, and clause numbers never decrease along them, so
/// "the last eligible mention before the cue" and "the first after it" are prefix and suffix tables
/// read after a binary search. Every answer is the one the plain scans gave (the snapshot tests of
/// `score --explain` hold it to that).
struct SegmentIndex {
    /// The per-mention tables, one flat buffer of rows `stride` (the mention count + 1) long, so that a
    /// segment rebuilds them with stores into memory it already owns: one array per table (and an array
    /// of arrays per kind) cost more to empty and refill than the few mentions of a segment.
    ///
    /// Row `clauseRow`: clause number of each mention. For the two kinds of eligible mention (0: neither
    /// object nor aside; 1: not an object), indexed by a mention count `p`: the last eligible mention
    /// among the first `p` (-1: none), the last eligible one that opens its clause, and the first
    /// eligible mention at index `p` or after; the same for mentions marked as objects.
    private var table: [Int32] = []
    private var stride = 1
    private static let clauseRow = 0, lastBeforeRow = 1, lastOpenBeforeRow = 3, lastObjectBeforeRow = 5
    private static let nextFromRow = 6, nextObjectFromRow = 8, rows = 9
    /// The distinct countries of each list, in order of first appearance: `groupCountries[groupRange[g]]`
    /// for the list whose first mention is `g`.
    var groupRange: [Range<Int>] = []
    var groupCountries: [Int] = []
    private var countryStamp: [Int] = []
    private var stamp = 0
    /// The first question-marker token of each clause (-1: none).
    var firstQuestion: [Int32] = []
    /// Quotation marks (for `isQuoted`), only when the segment holds a question marker.
    var quotes = QuoteIndex()

    /// Clause number of mention `i`.
    func clause(_ i: Int) -> Int32 { table[i] }
    /// The last eligible mention of `kind` among the first `p` (-1: none).
    func lastBefore(_ kind: Int, _ p: Int) -> Int32 { table[(SegmentIndex.lastBeforeRow + kind) * stride + p] }
    /// The last eligible mention of `kind` among the first `p` that opens its clause (-1: none).
    func lastOpenBefore(_ kind: Int, _ p: Int) -> Int32 {
        table[(SegmentIndex.lastOpenBeforeRow + kind) * stride + p]
    }
    /// The first eligible mention of `kind` at index `p` or after (-1: none).
    func nextFrom(_ kind: Int, _ p: Int) -> Int32 { table[(SegmentIndex.nextFromRow + kind) * stride + p] }
    /// The last mention marked as an object among the first `p` (-1: none).
    func lastObjectBefore(_ p: Int) -> Int32 { table[SegmentIndex.lastObjectBeforeRow * stride + p] }
    /// The first mention marked as an object at index `p` or after (-1: none).
    func nextObjectFrom(_ p: Int) -> Int32 { table[SegmentIndex.nextObjectFromRow * stride + p] }

    /// Rebuilds the tables for the current segment.
    mutating func build(
        mentions: [SegmentScorer.Mention], tokens: [Lexicon.Token], boundaries: [Int], clauseStarts: [Int],
        lexicon: Lexicon, _ bytes: UnsafeBufferPointer<UInt8>
    ) {
        let count = mentions.count
        let stride = count + 1
        self.stride = stride
        if table.count < SegmentIndex.rows * stride {
            table = [Int32](repeating: -1, count: SegmentIndex.rows * max(stride, 32))
        }
        table.withUnsafeMutableBufferPointer { t in
            // One pass forward: clause, and the "last before" rows of both kinds and of objects.
            let (lb, lob, lobj) = (
                SegmentIndex.lastBeforeRow * stride, SegmentIndex.lastOpenBeforeRow * stride,
                SegmentIndex.lastObjectBeforeRow * stride
            )
            var k = 0
            var last: (Int32, Int32) = (-1, -1)
            var lastOpen: (Int32, Int32) = (-1, -1)
            var lastObject: Int32 = -1
            for i in 0..<count {
                let m = mentions[i]
                while k < boundaries.count && boundaries[k] < m.start { k += 1 }
                t[i] = Int32(k)
                let opensClause =
                    m.start - (k == 0 ? 0 : clauseStarts[k - 1]) <= SegmentScorer.Vocabulary.clauseOpeningReach
                t[lb + i] = last.0
                t[lb + stride + i] = last.1
                t[lob + i] = lastOpen.0
                t[lob + stride + i] = lastOpen.1
                t[lobj + i] = lastObject
                if m.isObject {
                    lastObject = Int32(i)
                } else {
                    last.1 = Int32(i)
                    if opensClause { lastOpen.1 = Int32(i) }
                    if !m.isAside {
                        last.0 = Int32(i)
                        if opensClause { lastOpen.0 = Int32(i) }
                    }
                }
            }
            t[lb + count] = last.0
            t[lb + stride + count] = last.1
            t[lob + count] = lastOpen.0
            t[lob + stride + count] = lastOpen.1
            t[lobj + count] = lastObject
            // One pass backward: the "first from" rows.
            let (nf, nobj) = (SegmentIndex.nextFromRow * stride, SegmentIndex.nextObjectFromRow * stride)
            t[nf + count] = -1
            t[nf + stride + count] = -1
            t[nobj + count] = -1
            var i = count - 1
            while i >= 0 {
                let m = mentions[i]
                t[nobj + i] = m.isObject ? Int32(i) : t[nobj + i + 1]
                t[nf + stride + i] = !m.isObject ? Int32(i) : t[nf + stride + i + 1]
                t[nf + i] = !m.isObject && !m.isAside ? Int32(i) : t[nf + i + 1]
                i -= 1
            }
        }
        buildGroups(mentions, countries: lexicon.codes.count)
        buildQuestions(tokens: tokens, boundaries: boundaries, lexicon: lexicon, bytes)
    }

    /// Lists are runs of mentions sharing their first mention's index as `group`.
    private mutating func buildGroups(_ mentions: [SegmentScorer.Mention], countries: Int) {
        groupRange.removeAll(keepingCapacity: true)
        groupCountries.removeAll(keepingCapacity: true)
        if countryStamp.count < countries { countryStamp = [Int](repeating: 0, count: countries) }
        var i = 0
        while i < mentions.count {
            stamp += 1
            let start = groupCountries.count
            var j = i
            while j < mentions.count && mentions[j].group == i {
                let c = mentions[j].country
                if countryStamp[c] != stamp {
                    countryStamp[c] = stamp
                    groupCountries.append(c)
                }
                j += 1
            }
            let range = start..<groupCountries.count
            for _ in i..<max(j, i + 1) { groupRange.append(range) }
            i = max(j, i + 1)
        }
    }

    private mutating func buildQuestions(
        tokens: [Lexicon.Token], boundaries: [Int], lexicon: Lexicon, _ bytes: UnsafeBufferPointer<UInt8>
    ) {
        firstQuestion.removeAll(keepingCapacity: true)
        firstQuestion.append(contentsOf: repeatElement(-1, count: boundaries.count + 1))
        var k = 0
        var any = false
        for (t, token) in tokens.enumerated() {
            guard case .modifier(let m) = lexicon.entries[token.entry].kind,
                lexicon.model.modifiers[m].type == .question
            else { continue }
            while k < boundaries.count && boundaries[k] < token.start { k += 1 }
            if firstQuestion[k] < 0 { firstQuestion[k] = Int32(t) }
            any = true
        }
        if any { quotes.build(bytes) } else { quotes.clear() }
    }

    /// The first index in `0..<count` where `isBefore` turns false (it holds for a prefix): a binary search.
    static func partition(_ count: Int, isBefore: (Int) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The number of mentions whose first byte is below `offset` (mentions are sorted by start).
    static func count(_ mentions: [SegmentScorer.Mention], startingBelow offset: Int) -> Int {
        partition(mentions.count) { mentions[$0].start < offset }
    }

    /// The number of mentions ending at or before `offset` (ends are sorted too: mentions never overlap).
    static func count(_ mentions: [SegmentScorer.Mention], endingBy offset: Int) -> Int {
        partition(mentions.count) { mentions[$0].end <= offset }
    }

    /// `ByteScan.units` over a range that grows to the left one piece at a time (a modifier search walks
    /// back from the cue), each byte read once.
    struct UnitsBackward {
        private(set) var from: Int
        private(set) var units = 0
        /// Whether the first byte that sets the word state in `from..<to` is part of a word.
        private var firstIsWord: Bool?

        init(to: Int) { from = to }

        mutating func extend(_ bytes: UnsafeBufferPointer<UInt8>, to newFrom: Int) {
            guard newFrom < from else { return }
            var added = 0
            var first: Bool?
            var last: Bool?
            for i in newFrom..<from {
                let b = bytes[i]
                let isWord: Bool
                if b >= 0xE0 {
                    added += 1
                    isWord = false
                } else if ByteScan.isWordByte(b) || b == 0x27 || b == 0x2D {
                    if last != true { added += 1 }
                    isWord = true
                } else if b < 0x80 {
                    isWord = false
                } else {
                    continue  // inside a character: the word state stays as it was
                }
                last = isWord
                if first == nil { first = isWord }
            }
            // A word that ran into the old range was counted there; it now starts further left.
            if last == true && firstIsWord == true { added -= 1 }
            if let first { firstIsWord = first }
            units += added
            from = newFrom
        }
    }

    /// `ByteScan.units` over a range that grows to the right (the trailing-reducer search).
    struct UnitsForward {
        private(set) var to: Int
        private(set) var units = 0
        private var isInWord = false

        init(from: Int) { to = from }

        mutating func extend(_ bytes: UnsafeBufferPointer<UInt8>, to newTo: Int) {
            guard newTo > to else { return }
            for i in to..<newTo {
                let b = bytes[i]
                if b >= 0xE0 {
                    units += 1
                    isInWord = false
                } else if ByteScan.isWordByte(b) || b == 0x27 || b == 0x2D {
                    if !isInWord { units += 1 }
                    isInWord = true
                } else if b < 0x80 {
                    isInWord = false
                }
            }
            to = newTo
        }
    }
}

/// The quotation marks of a segment, so `isQuoted` is two binary searches rather than a scan from the
/// start of the segment for each cue.
struct QuoteIndex {
    enum Mark { case curlyOpen, curlyClose, straight }
    private var position: [Int] = []
    private var mark: [Mark] = []
    /// Inside “…” / "…" after the first `e` marks.
    private var curlyAfter: [Bool] = []
    private var straightAfter: [Bool] = []
    /// The first closing mark (” or ") at index `e` or after, or -1.
    private var nextClosing: [Int32] = []

    mutating func clear() {
        position.removeAll(keepingCapacity: true)
        mark.removeAll(keepingCapacity: true)
    }

    /// Reads the marks as `SegmentScorer.isQuoted` does: a three-byte “ or ” (or another E2 80 xx
    /// character, skipped whole), or a straight ".
    mutating func build(_ bytes: UnsafeBufferPointer<UInt8>) {
        clear()
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C {
                    position.append(i)
                    mark.append(.curlyOpen)
                } else if bytes[i + 2] == 0x9D {
                    position.append(i)
                    mark.append(.curlyClose)
                }
                i += 3
                continue
            }
            if bytes[i] == 0x22 {
                position.append(i)
                mark.append(.straight)
            }
            i += 1
        }
        curlyAfter = [false]
        straightAfter = [false]
        var curly = false
        var straight = false
        for m in mark {
            switch m {
            case .curlyOpen: curly = true
            case .curlyClose: curly = false
            case .straight: straight.toggle()
            }
            curlyAfter.append(curly)
            straightAfter.append(straight)
        }
        nextClosing = [Int32](repeating: -1, count: mark.count + 1)
        var e = mark.count - 1
        while e >= 0 {
            nextClosing[e] = mark[e] == .curlyOpen ? nextClosing[e + 1] : Int32(e)
            e -= 1
        }
    }

    /// The number of marks before byte `offset`.
    private func marks(before offset: Int) -> Int {
        SegmentIndex.partition(position.count) { position[$0] < offset }
    }

    /// Whether `start..<end` stands between an opening “ (or ") and its closing quote.
    func isQuoted(start: Int, end: Int) -> Bool {
        let before = marks(before: start)
        let curly = curlyAfter[before]
        let straight = straightAfter[before]
        guard curly || straight else { return false }
        let closing = nextClosing[marks(before: end)]
        guard closing >= 0 else { return false }
        return mark[Int(closing)] == .curlyClose ? curly : straight
    }
}
