extension SegmentScorer {
    /// Finds the clause boundaries: ， , ； ; ： : and the sentence ends that can stand inside a title.
    mutating func findClauseBoundaries(_ bytes: UnsafeBufferPointer<UInt8>) {
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
                    || !(i > 0 && i + 1 < n && ByteScan.isASCIIDigit(bytes[i - 1])
                        && ByteScan.isASCIIDigit(bytes[i + 1]))
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
    /// A pointer, not an array: the scan reads it for every byte, without a bounds check. Allocated
    /// once, never written after, never freed.
    nonisolated(unsafe) static let boundaryLead: UnsafeMutablePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        table.initialize(repeating: false, count: 256)
        for b: UInt8 in [0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0xEF, 0xE3] { table[Int(b)] = true }
        return table
    }()

    /// Whether a mention opens its clause — at most `clauseOpeningReach` bytes before it: a space, a
    /// quotation mark, or one CJK character such as 在 or 而 — and so is taken for the clause's subject.
    func opensClause(_ m: Mention) -> Bool {
        let k = clause(m.start)
        let start = k == 0 ? 0 : clauseStarts[k - 1]
        return m.start - start <= Vocabulary.clauseOpeningReach
    }

    /// Clause number of a byte offset: the boundaries strictly before it (a binary search: a long
    /// segment has many).
    func clause(_ offset: Int) -> Int {
        SegmentIndex.partition(boundaries.count) { boundaries[$0] < offset }
    }
}
