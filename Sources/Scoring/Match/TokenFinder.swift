/// The matching half of `Lexicon`: runs the automaton over a segment and keeps the matches that pass
/// their word-boundary and case checks, then resolves overlaps leftmost-longest.
///
/// Everything the hot loop reads is flattened into plain buffers when the lexicon is built (pattern →
/// entry, length, flags, exact bytes; entry → rank), so a segment is matched without touching
/// `entries` (whose `String`s would be retained and released on every match) and without a closure.
/// Immutable after `init` and shared by every thread.
final class TokenFinder: @unchecked Sendable {
    private let tables: Automaton.Tables
    private let patterns: UnsafeMutablePointer<Pattern>
    private let patternCount: Int
    private let exactBytes: UnsafeMutablePointer<UInt8>
    private let rank: UnsafeMutablePointer<UInt8>
    /// Patterns from this id on belong to the second set (`init(automaton:patternEntry:entries:second:)`).
    private let firstCount: Int
    /// The second set's entry ranks.
    private let secondRank: UnsafeMutablePointer<UInt8>
    /// Built with a second set: `tokens(in:into:second:)` finds its tokens.
    let hasSecond: Bool

    struct Pattern {
        var entry: Int32
        var length: Int32
        /// Offset of the exact-case bytes in `exactBytes`, or -1 when the entry is case-insensitive.
        var exactStart: Int32
        var exactCount: Int32
        var latinStart: Bool
        var latinEnd: Bool
        var wildcard: Bool
    }

    /// A finder for the automaton's patterns: pattern `id` stands for `entries[patternEntry[id]]`. With
    /// `second`, the automaton's patterns from `patternEntry.count` on are another lexicon's, pattern
    /// `patternEntry.count + k` standing for `second.entries[second.patternEntry[k]]`: one walk then
    /// finds the tokens of both (`tokens(in:into:second:)`).
    init(
        automaton: Automaton, patternEntry: [Int32], entries: [Lexicon.Entry],
        second: (patternEntry: [Int32], entries: [Lexicon.Entry])? = nil
    ) {
        tables = automaton.tables
        let sets = [(patternEntry, entries)] + (second.map { [($0.patternEntry, $0.entries)] } ?? [])
        var exact: [UInt8] = []
        firstCount = patternEntry.count
        patternCount = sets.reduce(0) { $0 + $1.0.count }
        patterns = .allocate(capacity: max(patternCount, 1))
        var id = 0
        for (ids, entries) in sets {
            var exactStart = [Int32](repeating: -1, count: entries.count)
            for (index, entry) in entries.enumerated() {
                if let bytes = entry.exact {
                    exactStart[index] = Int32(exact.count)
                    exact += bytes
                }
            }
            for e in ids {
                let entry = entries[Int(e)]
                (patterns + id).initialize(
                    to: Pattern(
                        entry: e, length: automaton.patternLength[id], exactStart: exactStart[Int(e)],
                        exactCount: Int32(entry.exact?.count ?? 0), latinStart: entry.latinStart,
                        latinEnd: entry.latinEnd, wildcard: entry.wildcard))
                id += 1
            }
        }
        exactBytes = .allocate(capacity: max(exact.count, 1))
        exactBytes.initialize(from: exact, count: exact.count)
        rank = TokenFinder.ranks(entries)
        secondRank = TokenFinder.ranks(second?.entries ?? [])
        hasSecond = second != nil
    }

    private static func ranks(_ entries: [Lexicon.Entry]) -> UnsafeMutablePointer<UInt8> {
        let rank = UnsafeMutablePointer<UInt8>.allocate(capacity: max(entries.count, 1))
        for (index, entry) in entries.enumerated() { (rank + index).initialize(to: UInt8(entry.rank)) }
        return rank
    }

    deinit {
        patterns.deinitialize(count: patternCount)
        patterns.deallocate()
        exactBytes.deallocate()
        rank.deallocate()
        secondRank.deallocate()
    }

    /// See `Lexicon.tokens(in:into:)`: the tokens of the first pattern set.
    func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Lexicon.Token]) {
        tokens.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let firstCount = self.firstCount
        var none: [Lexicon.Token] = []
        tables.run(base, count) { state, end in
            collect(state: state, end: end, base, count, below: firstCount, keepSecond: false, &tokens, &none)
        }
        TokenFinder.resolve(&tokens, rank)
    }

    /// The tokens of both pattern sets from one walk: the first set's in `tokens`, the second's in
    /// `second`, each exactly what a finder of that set alone would give.
    func tokens(
        in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Lexicon.Token], second: inout [Lexicon.Token]
    ) {
        tokens.removeAll(keepingCapacity: true)
        second.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let firstCount = self.firstCount
        tables.run(base, count) { state, end in
            collect(state: state, end: end, base, count, below: firstCount, keepSecond: true, &tokens, &second)
        }
        TokenFinder.resolve(&tokens, rank)
        TokenFinder.resolve(&second, secondRank)
    }

    /// Sorts the matches and keeps the leftmost-longest (ties by rank).
    private static func resolve(_ tokens: inout [Lexicon.Token], _ rank: UnsafeMutablePointer<UInt8>) {
        guard tokens.count > 1 else { return }
        tokens.withUnsafeMutableBufferPointer { t in
            // Matches arrive ordered by end, so the order by start is nearly there already: an
            // insertion sort is linear in practice. The order is total on distinct tokens, so the
            // result is the one any sort gives.
            for i in 1..<t.count {
                let token = t[i]
                var j = i
                while j > 0 && TokenFinder.precedes(token, t[j - 1], rank) {
                    t[j] = t[j - 1]
                    j -= 1
                }
                if j != i { t[j] = token }
            }
        }
        var kept = 0
        var lastEnd = -1
        for i in 0..<tokens.count where tokens[i].start >= lastEnd {
            tokens[kept] = tokens[i]
            kept += 1
            lastEnd = tokens[i].end
        }
        tokens.removeLast(tokens.count - kept)
    }

    /// Leftmost first; at the same start, longest first; then by `Lexicon.Kind.rank` (a false friend
    /// hides a country); then by entry.
    @inline(__always)
    static func precedes(_ a: Lexicon.Token, _ b: Lexicon.Token, _ rank: UnsafeMutablePointer<UInt8>) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        let ra = rank[a.entry], rb = rank[b.entry]
        return ra != rb ? ra < rb : a.entry < b.entry
    }

    /// Appends the matches of the patterns ending in `state` that pass their checks: those of the
    /// first set (ids below `firstCount`) to `tokens`, the others to `second`, or nowhere unless
    /// `keepSecond`.
    @inline(__always)
    private func collect(
        state: Int, end: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int, below firstCount: Int,
        keepSecond: Bool, _ tokens: inout [Lexicon.Token], _ second: inout [Lexicon.Token]
    ) {
        let lower = Int(tables.outputStart[state]), upper = Int(tables.outputStart[state + 1])
        for k in lower..<upper {
            let id = Int(tables.outputs[k])
            let isFirst = id < firstCount
            if !isFirst && !keepSecond { continue }
            let p = patterns[id]
            let start = end - Int(p.length)
            var stop = end
            if p.latinStart && start > 0 && ByteScan.isWordByte(bytes[start - 1]) { continue }
            if p.wildcard {
                while stop < count && ByteScan.isLetter(bytes[stop]) { stop += 1 }
            } else if p.latinEnd && stop < count && ByteScan.isWordByte(bytes[stop]) {
                continue
            }
            if p.exactStart >= 0 {
                let exact = exactBytes + Int(p.exactStart)
                var same = true
                for k in 0..<Int(p.exactCount) where bytes[start + k] != exact[k] {
                    same = false
                    break
                }
                if !same { continue }
            }
            let token = Lexicon.Token(start: start, end: stop, entry: Int(p.entry))
            if isFirst { tokens.append(token) } else { second.append(token) }
        }
    }
}
