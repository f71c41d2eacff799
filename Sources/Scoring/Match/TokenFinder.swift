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
    private let entryCount: Int

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

    init(automaton: Automaton, patternEntry: [Int32], entries: [Lexicon.Entry]) {
        tables = automaton.tables
        var exact: [UInt8] = []
        var exactStart = [Int32](repeating: -1, count: entries.count)
        for (index, entry) in entries.enumerated() {
            if let bytes = entry.exact {
                exactStart[index] = Int32(exact.count)
                exact += bytes
            }
        }
        patternCount = patternEntry.count
        patterns = .allocate(capacity: max(patternCount, 1))
        for (id, e) in patternEntry.enumerated() {
            let entry = entries[Int(e)]
            (patterns + id).initialize(
                to: Pattern(
                    entry: e, length: automaton.patternLength[id], exactStart: exactStart[Int(e)],
                    exactCount: Int32(entry.exact?.count ?? 0), latinStart: entry.latinStart,
                    latinEnd: entry.latinEnd, wildcard: entry.wildcard))
        }
        exactBytes = .allocate(capacity: max(exact.count, 1))
        exactBytes.initialize(from: exact, count: exact.count)
        entryCount = entries.count
        rank = .allocate(capacity: max(entries.count, 1))
        for (index, entry) in entries.enumerated() { (rank + index).initialize(to: UInt8(entry.rank)) }
    }

    deinit {
        patterns.deinitialize(count: patternCount)
        patterns.deallocate()
        exactBytes.deallocate()
        rank.deallocate()
    }

    /// See `Lexicon.tokens(in:into:)`.
    func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Lexicon.Token]) {
        tokens.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        tables.run(base, count) { state, end in collect(state: state, end: end, base, count, &tokens) }
        guard tokens.count > 1 else { return }
        let rank = self.rank
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

    /// Appends the matches of the patterns ending in `state` that pass their checks.
    private func collect(
        state: Int, end: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int, _ tokens: inout [Lexicon.Token]
    ) {
        let lower = Int(tables.outputStart[state]), upper = Int(tables.outputStart[state + 1])
        for k in lower..<upper {
            let p = patterns[Int(tables.outputs[k])]
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
            tokens.append(Lexicon.Token(start: start, end: stop, entry: Int(p.entry)))
        }
    }
}
