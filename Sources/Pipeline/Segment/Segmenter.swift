import Foundation
import Scoring

/// Splits an article into segments: the title, section headings (`Core Viewpoint`, `Group 1: ...`,
/// `文章核心观点`), bullet points (` - `) and sentences (。！？!?； ; and `. `).
///
/// Works on bytes and keeps the original offsets of every segment, so evidence can be traced back to
/// the exact place in the export. The scoring path (`segments(title:body:into:)`) reads the title and
/// body in place and writes the cleaned segments into a reusable `SegmentList`, so segmenting an
/// article allocates nothing once the list has grown to the largest article seen.
public struct Segmenter: Sendable {
    static let headings: [[UInt8]] = [
        "Core Viewpoint", "Core Viewpoints", "Core Insights", "Core Insight", "Key Points", "Investment Rating",
        "Summary by Sections", "Summary by Section", "Industry Overview", "Company Overview", "Key Insights",
        "文章核心观点", "核心观点", "投资评级", "分段总结", "核心要点",
    ].map { Array($0.utf8) }

    static let abbreviations: [[UInt8]] =
        [
            "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Co", "Ltd", "vs", "No", "St", "Jr", "Sr", "etc", "approx",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "Fig",
        ]
        .map { Array($0.utf8) }

    static let groupWord: [UInt8] = Array("Group ".utf8)

    public init() {}

    /// The segments of an article, title first.
    public func segments(title: String, body: String) -> [Segment] {
        var list = SegmentList()
        segments(title: title, body: body, into: &list)
        return (0..<list.count).map { list.segment($0) }
    }

    /// Writes the segments of an article, title first, into `list` (cleared first).
    public func segments(title: String, body: String, into list: inout SegmentList) {
        list.removeAll()
        Segmenter.withUTF8(title) { t in
            Segmenter.pieces(t, 0, t.count) { start, end in
                list.append(
                    kind: .title, field: .title, start: start, end: end,
                    cleaning: UnsafeBufferPointer(rebasing: t[start..<end]), requireText: false)
            }
        }
        Segmenter.withUTF8(body) { b in
            bodySegments(b) { kind, start, end in
                Segmenter.pieces(b, start, end) { start, end in
                    list.append(
                        kind: kind, field: .body, start: start, end: end,
                        cleaning: UnsafeBufferPointer(rebasing: b[start..<end]), requireText: true)
                }
            }
        }
    }

    /// Runs `body` on the UTF-8 bytes of `text` in place (a copy only for a bridged string).
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Calls `emit` with the kind and byte range of each body segment, in order.
    public func bodySegments(_ b: [UInt8], _ emit: (SegmentKind, Int, Int) -> Void) {
        b.withUnsafeBufferPointer { bodySegments($0, emit) }
    }

    /// Calls `emit` with the kind and byte range of each body segment, in order.
    public func bodySegments(_ b: UnsafeBufferPointer<UInt8>, _ emit: (SegmentKind, Int, Int) -> Void) {
        let n = b.count
        // Pieces are separated by " - ": find the first cut, then walk from cut to cut, so no list of
        // pieces is kept.
        let firstCut = Segmenter.nextBulletCut(b, from: 0)
        let hasBullets = firstCut != nil
        var pieceStart = 0
        var cut = firstCut
        var index = 0
        while true {
            var start = pieceStart
            var end = cut ?? n
            let isLast = cut == nil
            // A heading at the start of the piece (the whole piece when it is only a heading).
            if let headingEnd = Segmenter.headingPrefix(b, start, end) {
                emit(.heading, start, headingEnd)
                start = headingEnd
            }
            // A heading at the tail ("... [15] Group 2" before the next " - ").
            var tail: (Int, Int)?
            if !isLast, let groupStart = Segmenter.trailingGroup(b, start, end) {
                tail = (groupStart, end)
                end = groupStart
            } else if !isLast, let headingStart = Segmenter.trailingHeading(b, start, end) {
                // "... [2] Industry Impact" before the next " - " (Segmenter+Headings).
                tail = (headingStart, end)
                end = headingStart
            }
            let kind: SegmentKind = hasBullets && index > 0 ? .bullet : .sentence
            sentences(b, start, end) { s, e in emit(kind, s, e) }
            if let tail { emit(.heading, tail.0, tail.1) }
            guard let c = cut else { break }
            pieceStart = c + 3
            cut = Segmenter.nextBulletCut(b, from: pieceStart)
            index += 1
        }
    }

    /// The next ` - ` at or after `from` whose three bytes end before the last byte (as the original
    /// scan `k + 2 < n` required). Looks for the dash with `memchr`, which skips text far faster than
    /// a test per byte.
    @inline(__always)
    static func nextBulletCut(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let n = b.count
        // The dash stands at k + 1, with from <= k and k + 2 < n.
        var dash = from + 1
        while dash + 1 < n {
            guard let found = memchr(base + dash, 0x2D, n - 1 - dash) else { return nil }
            dash = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if b[dash - 1] == 0x20 && b[dash + 1] == 0x20 { return dash - 1 }
            dash += 1
        }
        return nil
    }

    @inline(__always)
    static func matches(_ b: UnsafeBufferPointer<UInt8>, at s: Int, _ word: [UInt8]) -> Bool {
        guard s + word.count <= b.count else { return false }
        for k in 0..<word.count where b[s + k] != word[k] { return false }
        return true
    }

    /// The end of a heading that opens `b[start..<end]`, if any.
    static func headingPrefix(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var s = start
        while s < end && b[s] == 0x20 { s += 1 }
        if let groupEnd = groupHeading(b, s, end) { return groupEnd }
        guard s < end else { return nil }
        let first = b[s]
        // Every heading starts with C, K, I, S, 文, 核, 投 or 分: skip the loop for anything else.
        guard first == 0x43 || first == 0x4B || first == 0x49 || first == 0x53 || first >= 0xE0 else { return nil }
        for heading in headings where s + heading.count <= end && matches(b, at: s, heading) {
            let after = s + heading.count
            if after == end { return end }
            if b[after] == 0x3A || b[after] == 0x20 || b[after] >= 0xE0 {
                // `Core Viewpoint: text` — the heading is the words before the colon.
                return after
            }
        }
        return nil
    }

    /// `Group 12` or `Group 12: a heading` at `s`: returns where the heading ends.
    static func groupHeading(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ end: Int) -> Int? {
        let word = groupWord
        guard s + word.count < end, matches(b, at: s, word) else { return nil }
        var i = s + word.count
        let digitsStart = i
        while i < end && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
        guard i > digitsStart else { return nil }
        if i == end { return end }
        if b[i] == 0x3A { return end }  // "Group 1: heading" fills the piece up to " - "
        return b[i] == 0x20 ? i : nil
    }

    /// Where a trailing `Group N` / `Group N: heading` starts inside a piece.
    static func trailingGroup(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        // " Group " is seven bytes.
        guard end - start > 7, let base = b.baseAddress else { return nil }
        var i = end - 7
        while i >= start {
            // Eight positions at a time while none of their `G`s (at i + 1) is there.
            if i - 7 >= start {
                if !ByteScan.hasByte(ByteScan.load8(base + i - 6), 0x47) {
                    i -= 8
                    continue
                }
            }
            // `G` first: it is rare, where a space is everywhere in English text.
            if b[i + 1] == 0x47 && b[i] == 0x20 && b[i + 2] == 0x72 && b[i + 3] == 0x6F && b[i + 4] == 0x75
                && b[i + 5] == 0x70 && b[i + 6] == 0x20
            {
                if let e = groupHeading(b, i + 1, end), e == end { return i + 1 }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// Splits `b[start..<end]` into sentences.
    func sentences(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ emit: (Int, Int) -> Void) {
        var s = start
        var i = start
        let interesting = Segmenter.sentenceBytes
        guard let base = b.baseAddress else { return }
        while i < end {
            // Eight bytes at a time while none of them can end a sentence.
            if i &+ 8 <= end && !Segmenter.mayEndSentence(ByteScan.load8(base + i)) {
                i &+= 8
                continue
            }
            let c = b[i]
            // Most bytes can end nothing: one table test skips them.
            if !interesting[Int(c)] {
                i += 1
                continue
            }
            var cut = -1
            if c == 0xE3 && i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x82 {
                cut = i + 3  // 。
            } else if c == 0xEF && i + 2 < end && b[i + 1] == 0xBC
                && (b[i + 2] == 0x81 || b[i + 2] == 0x9F || b[i + 2] == 0x9B)
            {
                cut = i + 3  // ！？；
            } else if c == 0x21 || c == 0x3F || c == 0x3B {
                cut = i + 1
            } else if c == 0x2E && (i + 1 == end || b[i + 1] == 0x20) && !isAbbreviation(b, start, i) {
                cut = i + 1
            }
            if cut > 0 {
                // Keep a closing quote or bracket with its sentence.
                while cut + 2 < end && b[cut] == 0xE2 && b[cut + 1] == 0x80
                    && (b[cut + 2] == 0x9D || b[cut + 2] == 0x99)
                { cut += 3 }
                while cut < end && (b[cut] == 0x22 || b[cut] == 0x29) { cut += 1 }
                emit(s, cut)
                s = cut
                i = cut
                continue
            }
            i += 1
        }
        if s < end { emit(s, end) }
    }

    /// Whether any of the eight bytes of `v` is in `sentenceBytes` (E3, EF, `!`, `?`, `;`, `.`); `?`
    /// and `;` differ only in bit 2, so one test finds both.
    @inline(__always)
    static func mayEndSentence(_ v: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let found =
            zero(v ^ (0xE3 &* ones)) | zero(v ^ (0xEF &* ones)) | zero(v ^ (0x21 &* ones))
            | zero((v | (0x04 &* ones)) ^ (0x3F &* ones)) | zero(v ^ (0x2E &* ones))
        return found & ByteScan.highBits != 0
    }

    /// Bytes that can end a sentence or start a sentence end: 。！？； start with E3 or EF; ! ? ; .
    nonisolated(unsafe) static let sentenceBytes: UnsafeMutablePointer<Bool> = byteTable([
        0xE3, 0xEF, 0x21, 0x3F, 0x3B, 0x2E,
    ])

    /// Bytes `clean` may drop or change: `[` of a citation mark, `*` of `**`, a space inside Chinese.
    nonisolated(unsafe) static let cleanBytes: UnsafeMutablePointer<Bool> = byteTable([0x5B, 0x2A, 0x20])

    /// A 256-entry table, true for `bytes`; allocated once, never written after, never freed.
    static func byteTable(_ bytes: [UInt8]) -> UnsafeMutablePointer<Bool> {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        table.initialize(repeating: false, count: 256)
        for b in bytes { table[Int(b)] = true }
        return table
    }

    /// A `.` that ends an abbreviation (U.S., Mr., Corp.) or an initial, not a sentence.
    func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int) -> Bool {
        var w = dot
        while w > start && (ByteScan.isLetter(b[w - 1]) || b[w - 1] == 0x2E) { w -= 1 }
        let count = dot - w
        if count == 0 { return false }
        if count == 1 && b[w] >= 0x41 && b[w] <= 0x5A { return true }  // an initial
        for k in w..<dot where b[k] == 0x2E { return true }  // U.S, e.g
        for word in Segmenter.abbreviations where word.count == count && Segmenter.matches(b, at: w, word) {
            return true
        }
        return false
    }

    /// Removes citation marks (`[1]`, `[3][5]`, `[1, 2]`) and `**`, and mends a space between two
    /// CJK characters (a line-wrap artefact).
    public static func clean(_ b: ArraySlice<UInt8>) -> [UInt8] {
        guard !b.isEmpty else { return [] }
        var out = [UInt8](repeating: 0, count: b.count)
        let length = b.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                guard let base = target.baseAddress else { return 0 }
                return clean(source, into: base)
            }
        }
        out.removeLast(out.count - length)
        return out
    }

    /// `clean` from `source` into `out` (room for `source.count` bytes); returns the cleaned length.
    static func clean(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var i = 0
        let end = source.count
        let special = cleanBytes
        guard let base = source.baseAddress else { return 0 }
        // Eight bytes at a time while none of them can change (no `[`, no `*`, no space before a byte
        // of E0 or more): they are copied as they are. Otherwise the bytes go one by one.
        var scalarUntil = 0
        while i < end {
            if i >= scalarUntil && i &+ 9 <= end {
                let v = ByteScan.load8(base + i)
                let w = ByteScan.load8(base + i + 1)
                // Zero bytes mark: a `[`, a `*`, a space whose next byte is E0 or more.
                let bracket = v ^ 0x5B5B_5B5B_5B5B_5B5B
                let star = v ^ 0x2A2A_2A2A_2A2A_2A2A
                let spaceBeforeHigh =
                    (v ^ 0x2020_2020_2020_2020) | ((w & 0xE0E0_E0E0_E0E0_E0E0) ^ 0xE0E0_E0E0_E0E0_E0E0)
                if !ByteScan.hasZeroByte(bracket) && !ByteScan.hasZeroByte(star)
                    && !ByteScan.hasZeroByte(spaceBeforeHigh)
                {
                    UnsafeMutableRawPointer(out + n).storeBytes(of: v, as: UInt64.self)
                    n &+= 8
                    i &+= 8
                    continue
                }
                scalarUntil = i &+ 8
            }
            let c = source[i]
            if !special[Int(c)] {
                out[n] = c
                n += 1
                i += 1
                continue
            }
            if c == 0x5B {
                var j = i + 1
                var digits = 0
                while j < end
                    && ((source[j] >= 0x30 && source[j] <= 0x39) || source[j] == 0x2C || source[j] == 0x20
                        || source[j] == 0x2D)
                {
                    if source[j] >= 0x30 && source[j] <= 0x39 { digits += 1 }
                    j += 1
                }
                if digits > 0 && j < end && source[j] == 0x5D {
                    // Drop the mark and one space before it.
                    if n > 0 && out[n - 1] == 0x20 { n -= 1 }
                    i = j + 1
                    continue
                }
            } else if c == 0x2A && i + 1 < end && source[i + 1] == 0x2A {
                i += 2
                continue
            } else if c == 0x20 && i + 1 < end && isCJKLead(source[i + 1])
                && n >= 3 && isCJKLead(out[n - 3]) && out[n - 2] & 0xC0 == 0x80 && out[n - 1] & 0xC0 == 0x80
            {
                i += 1
                continue
            }
            out[n] = c
            n += 1
            i += 1
        }
        // Trim.
        var lo = 0, hi = n
        while lo < hi && (out[lo] == 0x20 || out[lo] == 0x09) { lo += 1 }
        while hi > lo && (out[hi - 1] == 0x20 || out[hi - 1] == 0x09) { hi -= 1 }
        if lo > 0 { for k in lo..<hi { out[k - lo] = out[k] } }
        return hi - lo
    }

    /// A CJK ideograph starts with E3..E9 (U+3400..U+9FFF); punctuation (E3 80 xx) is excluded.
    @inline(__always)
    static func isCJKLead(_ b: UInt8) -> Bool { b >= 0xE4 && b <= 0xE9 }

    static func endsWithCJK(_ out: [UInt8]) -> Bool {
        let n = out.count
        return n >= 3 && isCJKLead(out[n - 3]) && out[n - 2] & 0xC0 == 0x80 && out[n - 1] & 0xC0 == 0x80
    }
}
