/// The byte-level helpers of `ToneScorer`: distances, clause breaks, marks.
extension ToneScorer {
    /// Between two tokens: Latin words, CJK characters, and whether a clause ends (`,` `;` `:` `(`
    /// `，` `；` `：` `、` …). A gap longer than 96 bytes counts as a clause break: no rule reaches so far.
    @inline(__always)
    static func gap(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (
        words: Int, cjk: Int, clauseBreak: Bool
    ) {
        if to - from > 96 { return (0, 0, true) }
        var words = 0, cjk = 0
        var inWord = false
        var i = from
        let classes = ToneScorer.gapClasses
        while i < to {
            let b = bytes[i]
            // One table load sorts the byte; the common classes (a letter, anything else that is no
            // mark) are settled first.
            switch classes[Int(b)] {
            case GapClass.other:
                inWord = false
                i += 1
                continue
            case GapClass.letter:
                if !inWord { words += 1 }
                inWord = true
                i += 1
                continue
            case GapClass.mark:
                return (words, cjk, true)
            case GapClass.cjk:
                cjk += 1
                inWord = false
                i += 3
                continue
            default:
                // 、。 (E3 80 xx) and full-width ，；：（）！？ (EF BC xx) end a clause; the quotes 「」『』
                // (E3 80 8C…8F) do not, as “” do not: 所谓「稳中求进」 is one clause.
                if i + 2 < to, bytes[i] == 0xE3, bytes[i + 1] == 0x80, (0x8C...0x8F).contains(bytes[i + 2]) {
                    i += 3
                    continue
                }
                if i + 1 < to, bytes[i + 1] == 0x80 || bytes[i + 1] == 0xBC { return (words, cjk, true) }
            }
            i += 1
        }
        return (words, cjk, false)
    }

    /// What `gap` does with a byte: the classes of `gapClasses`.
    enum GapClass {
        /// Ends a word, counts nothing.
        static let other: UInt8 = 0
        /// A letter, a digit or `'`: part of a word.
        static let letter: UInt8 = 1
        /// `,` `;` `:` `(` `)` `.` `!` `?`: a clause break.
        static let mark: UInt8 = 2
        /// The lead byte of a CJK ideograph (E4…E9): one character of three bytes.
        static let cjk: UInt8 = 3
        /// E3 or EF: CJK punctuation (a break, or a quote that is none) or another character.
        static let punctuation: UInt8 = 4
    }

    /// `GapClass` of every byte; allocated once, never written after, never freed.
    nonisolated(unsafe) static let gapClasses: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let b = UInt8(value)
            table[value] =
                switch b {
                case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2E, 0x21, 0x3F: GapClass.mark
                case 0xE4...0xE9: GapClass.cjk
                case 0xE3, 0xEF: GapClass.punctuation
                default: ByteScan.isWordByte(b) || b == 0x27 ? GapClass.letter : GapClass.other
                }
        }
        return table
    }()

    /// Whether the segment ends with `?` or `？` (ignoring closing quotes and spaces).
    static func endsWithQuestionMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bytes.count - 1
        while i >= 0 {
            let b = bytes[i]
            if b == 0x20 || b == 0x22 || b == 0x27 || b == 0x0A || b == 0x0D {
                i -= 1
                continue
            }
            // ” (E2 80 9D) and ’ (E2 80 99) close a quote.
            if b == 0x9D || b == 0x99, i >= 2, bytes[i - 2] == 0xE2, bytes[i - 1] == 0x80 {
                i -= 3
                continue
            }
            if b == 0x3F { return true }
            return b == 0x9F && i >= 2 && bytes[i - 2] == 0xEF && bytes[i - 1] == 0xBC
        }
        return false
    }

    /// The outermost quotations of `bytes`, in one walk from `from` (no opening mark before it): each
    /// opens after a mark met at depth 0 and closes at the mark that brings the depth back to 0
    /// (`bytes.count` when none does); nested quotes count as the outermost one. Marks: “ ” (E2 80
    /// 9C/9D), 「 」 (E3 80 8C/8D), 『 』 (E3 80 8E/8F). Built once per segment, so that a segment of many
    /// quoted words costs one walk, not one walk per word (quadratic on a long segment).
    static func quoteSpans(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, into spans: inout [Range<Int>]) {
        spans.removeAll(keepingCapacity: true)
        var depth = 0
        var open = 0
        var i = from
        while i + 2 < bytes.count {
            let mark = quoteMark(bytes, i)
            if mark > 0 && depth == 0 { open = i + 3 }
            if mark < 0 && depth == 1 { spans.append(open..<i) }
            depth = max(0, depth + mark)
            i += mark == 0 ? 1 : 3
        }
        if depth > 0 { spans.append(open..<bytes.count) }
    }

    /// The length in bytes (marks excluded) of the quotation in `spans` (`quoteSpans`) that holds the
    /// character starting at `offset`, nil when the character is not quoted.
    static func quoteLength(in spans: [Range<Int>], at offset: Int) -> Int? {
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0, offset <= spans[low - 1].upperBound else { return nil }
        return spans[low - 1].count
    }

    /// +1 for an opening quotation mark at `i`, -1 for a closing one, 0 for anything else.
    @inline(__always)
    static func quoteMark(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b0 = bytes[i], b1 = bytes[i + 1], b2 = bytes[i + 2]
        guard b1 == 0x80 else { return 0 }
        if b0 == 0xE2 && (b2 == 0x9C || b2 == 0x9D) { return b2 == 0x9C ? 1 : -1 }
        if b0 == 0xE3 && (0x8C...0x8F).contains(b2) { return b2 & 1 == 0 ? 1 : -1 }
        return 0
    }

    /// Where the first opening mark of `quoteSpans` (“ 「 『) starts, `bytes.count` when there is none. Eight
    /// bytes at a time while none is E2 or E3. A mark's second and third bytes (80, 8C…9D) never start
    /// one, so this is also the first opening mark `quoteSpans`'s walk meets.
    static func firstOpeningQuote(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        while i &+ 2 < n {
            if i &+ 8 <= n {
                let v = ByteScan.load8(base + i)
                if !ByteScan.hasByte(v, 0xE2) && !ByteScan.hasByte(v, 0xE3) {
                    i &+= 8
                    continue
                }
            }
            let b0 = bytes[i], b1 = bytes[i &+ 1], b2 = bytes[i &+ 2]
            if b1 == 0x80 && ((b0 == 0xE2 && b2 == 0x9C) || (b0 == 0xE3 && (b2 == 0x8C || b2 == 0x8E))) {
                return i
            }
            i &+= 1
        }
        return n
    }

    /// `!` and `！` in the segment, at most three.
    static func exclamations(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var i = 0
        guard let base = bytes.baseAddress else { return 0 }
        while i < bytes.count && n < 3 {
            // Eight bytes at a time while none is `!` or the last byte of `！` (EF BC 81).
            if i &+ 8 <= bytes.count {
                let v = ByteScan.load8(base + i)
                if !ByteScan.hasByte(v, 0x21) && !ByteScan.hasByte(v, 0x81) {
                    i &+= 8
                    continue
                }
            }
            let b = bytes[i]
            if b == 0x21 {
                n += 1
            } else if b == 0x81, i >= 2, bytes[i - 2] == 0xEF, bytes[i - 1] == 0xBC {
                n += 1
            }
            i += 1
        }
        return n
    }

    /// A Latin word of two letters or more written all in capitals (GREAT, not A or Great).
    static func isCapitals(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, ByteScan.isLetter(bytes[start]) else { return false }
        for i in start..<end where bytes[i] >= 0x61 && bytes[i] <= 0x7A { return false }
        return true
    }

    /// Whether most letters of the segment are capitals (then a word in capitals is no emphasis).
    static func isShouting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var upper = 0, lower = 0
        for b in bytes {
            if b >= 0x41 && b <= 0x5A { upper += 1 } else if b >= 0x61 && b <= 0x7A { lower += 1 }
        }
        return upper > lower
    }

    /// A sentence-level step, shown in `--explain` like a word.
    static func note(_ what: String, _ change: String, _ segment: Int, _ kind: SegmentKind) -> Evidence {
        Evidence(
            matched: what, entry: what, source: "tone_rules.tsv", weight: 0, modifiers: [change], value: 0,
            role: .tone, segment: segment, segmentKind: kind, segmentText: "")
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Two decimals at most, no trailing zeros.
    static func format(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
