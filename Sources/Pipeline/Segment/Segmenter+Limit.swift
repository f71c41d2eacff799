extension Segmenter {
    /// The longest segment scored, in bytes. A "sentence" longer than this (a 16 MB record with no
    /// sentence end) is scored in pieces of at most this size, cut after a space or at a character
    /// boundary: it keeps the scorer's memory and time per segment bounded, and no real sentence comes
    /// near it (the longest in `Evaluations/` is under 2 KB).
    public static let maxSegmentBytes = 65_536

    /// Calls `emit` with `start..<end` cut into pieces of at most `limit` bytes, each ending after a
    /// space in its last 1 KiB when there is one, else at a UTF-8 character boundary.
    static func pieces(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int = maxSegmentBytes,
        _ emit: (Int, Int) -> Void
    ) {
        var from = start
        while end - from > limit {
            var cut = from + limit
            while cut > from && b[cut] & 0xC0 == 0x80 { cut -= 1 }  // never inside a character
            var space = cut
            while space > max(from, cut - 1024) && b[space - 1] != 0x20 { space -= 1 }
            if space > max(from, cut - 1024) { cut = space }
            if cut <= from { cut = from + limit }
            emit(from, cut)
            from = cut
        }
        if from < end { emit(from, end) }
    }
}
