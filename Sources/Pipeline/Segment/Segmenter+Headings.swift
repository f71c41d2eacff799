import Scoring

extension Segmenter {
    /// Where a section heading that ends a piece starts, if one does: research-site summaries run
    /// `... [2] Industry Impact - News that ...`, so the words between the last citation mark and the
    /// next ` - ` are the next section's heading, not part of the bullet before it (whose cues would
    /// otherwise read `Impact` as said of its countries).
    ///
    /// A heading is one to `trailingHeadingWords` words after `]`, each capitalised or a short joining
    /// word (and, of, on, the, for, in, to, &), with no sentence mark; the search reads back at most
    /// `trailingHeadingReach` bytes.
    static func trailingHeading(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var e = end
        while e > start && b[e - 1] == 0x20 { e -= 1 }
        guard e > start, ByteScan.isWordByte(b[e - 1]) else { return nil }
        let limit = max(start, e - trailingHeadingReach)
        var i = e - 1
        while i >= limit && b[i] != 0x5D {  // ]
            let c = b[i]
            guard ByteScan.isWordByte(c) || c == 0x20 || c == 0x26 || c == 0x27 || c == 0x2E else { return nil }
            i -= 1
        }
        guard i >= limit else { return nil }
        var s = i + 1
        while s < e && b[s] == 0x20 { s += 1 }
        guard s < e, b[s] >= 0x41 && b[s] <= 0x5A else { return nil }
        // Every word capitalised or a joining word; "U.S." keeps its dots, a sentence mark does not.
        var words = 0
        var w = s
        while w < e {
            var we = w
            while we < e && b[we] != 0x20 { we += 1 }
            words += 1
            let first = b[w]
            let isCapital = first >= 0x41 && first <= 0x5A
            if !isCapital && !joiningWords.contains(where: { matchesWord(b, w, we, $0) }) { return nil }
            if words > trailingHeadingWords { return nil }
            w = we
            while w < e && b[w] == 0x20 { w += 1 }
        }
        return s
    }

    /// Lower-case words that may stand inside a heading (`Impact on U.S. and Western Industries`).
    static let joiningWords: [[UInt8]] = ["and", "of", "on", "the", "for", "in", "to", "&", "vs"].map {
        Array($0.utf8)
    }

    /// How many words a trailing heading may have, and how far back from the cut it is looked for.
    static let trailingHeadingWords = 7
    static let trailingHeadingReach = 80

    private static func matchesWord(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ word: [UInt8]) -> Bool {
        e - s == word.count && matches(b, at: s, word)
    }
}
