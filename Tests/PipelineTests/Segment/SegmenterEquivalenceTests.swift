import Scoring
import Testing

@testable import Pipeline

/// `Segmenter` reads bodies in place, skips text eight bytes at a time and writes cleaned segments into
/// one reusable buffer; on any text it must give the segments the plain version gave.
@Suite("Segmenter equals the plain version")
struct SegmenterEquivalenceTests {
    static let pieces: [String] = [
        "中国", "稀土", "。", "！", "？", "；", "!", "?", ";", ". ", ".", " - ", "-", " ", "  ", "[1]", "[2, 3]", "[",
        "**", "*", "Group ", "Group 1", "Group 12:", " Group 2", "Core Viewpoint", "Core Viewpoint:", "Key Points",
        "文章核心观点", "核心观点", "U.S.", "Mr.", "e.g.", "A.", "China", "rare earths", "\u{201D}", "\"", ")", "\t", "美 国",
        " Industry Impact", " and", "Market & Outlook",
    ]

    @Test("random bodies and titles")
    func randomTexts() {
        var rng = SystemRandomNumberGenerator()
        let fast = Segmenter(), plain = ReferenceSegmenter()
        for _ in 0..<4_000 {
            func text(_ count: Int) -> String {
                (0..<count).map { _ in SegmenterEquivalenceTests.pieces.randomElement(using: &rng)! }.joined()
            }
            let title = text(Int.random(in: 0...6, using: &rng)), body = text(Int.random(in: 0...70, using: &rng))
            #expect(
                fast.segments(title: title, body: body) == plain.segments(title: title, body: body),
                "\(title) | \(body)")
        }
    }

    @Test("the seeds")
    func seeds() throws {
        let fast = Segmenter(), plain = ReferenceSegmenter()
        let loaded = try PipelineFixture.load(paths: [PipelineFixture.seedsDirectory.path])
        #expect(!loaded.articles.isEmpty)
        for a in loaded.articles {
            #expect(
                fast.segments(title: a.title, body: a.body) == plain.segments(title: a.title, body: a.body), "\(a.id)")
        }
    }
}

/// The segmenter as it was before the byte-level rewrite, kept as the reference the fast one must match.
struct ReferenceSegmenter {
    static let headings: [[UInt8]] = [
        "Core Viewpoint", "Core Viewpoints", "Core Insights", "Core Insight", "Key Points", "Investment Rating",
        "Summary by Sections", "Summary by Section", "Industry Overview", "Company Overview", "Key Insights",
        "文章核心观点", "核心观点", "投资评级", "分段总结", "核心要点",
    ].map { Array($0.utf8) }

    static let abbreviations: Set<[UInt8]> = Set(
        [
            "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Co", "Ltd", "vs", "No", "St", "Jr", "Sr", "etc", "approx",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "Fig",
        ]
        .map { Array($0.utf8) })

    init() {}

    /// The segments of an article, title first.
    func segments(title: String, body: String) -> [Segment] {
        var result: [Segment] = []
        let titleBytes = Array(title.utf8)
        let cleanedTitle = ReferenceSegmenter.clean(titleBytes[...])
        if !cleanedTitle.isEmpty {
            result.append(Segment(kind: .title, field: .title, start: 0, end: titleBytes.count, bytes: cleanedTitle))
        }
        let bodyBytes = Array(body.utf8)
        bodySegments(bodyBytes) { kind, start, end in
            let cleaned = ReferenceSegmenter.clean(bodyBytes[start..<end])
            if cleaned.contains(where: { $0 > 0x20 && $0 != 0x2D && $0 != 0x2A }) {
                result.append(Segment(kind: kind, field: .body, start: start, end: end, bytes: cleaned))
            }
        }
        return result
    }

    /// Calls `emit` with the kind and byte range of each body segment, in order.
    func bodySegments(_ b: [UInt8], _ emit: (SegmentKind, Int, Int) -> Void) {
        let n = b.count
        var pieceStart = 0
        var k = 0
        var hasBullets = false
        // Pieces are separated by " - ".
        var pieces: [(Int, Int)] = []
        while k + 2 < n {
            if b[k] == 0x20 && b[k + 1] == 0x2D && b[k + 2] == 0x20 {
                pieces.append((pieceStart, k))
                pieceStart = k + 3
                k += 3
                hasBullets = true
                continue
            }
            k += 1
        }
        pieces.append((pieceStart, n))
        for (index, piece) in pieces.enumerated() {
            var (start, end) = piece
            // A heading at the start of the piece (the whole piece when it is only a heading).
            if let headingEnd = ReferenceSegmenter.headingPrefix(b, start, end) {
                emit(.heading, start, headingEnd)
                start = headingEnd
            }
            // A heading at the tail ("... [15] Group 2" before the next " - ").
            var tail: (Int, Int)?
            if index + 1 < pieces.count, let groupStart = ReferenceSegmenter.trailingGroup(b, start, end) {
                tail = (groupStart, end)
                end = groupStart
            } else if index + 1 < pieces.count, let headingStart = ReferenceSegmenter.trailingHeading(b, start, end) {
                tail = (headingStart, end)
                end = headingStart
            }
            let kind: SegmentKind = hasBullets && index > 0 ? .bullet : .sentence
            sentences(b, start, end) { s, e in emit(kind, s, e) }
            if let tail { emit(.heading, tail.0, tail.1) }
        }
    }

    /// A section heading ending the piece after its last citation mark (`... [2] Industry Impact`):
    /// one to seven words, each capitalised or a joining word, within 80 bytes of the piece's end.
    static func trailingHeading(_ b: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var e = end
        while e > start && b[e - 1] == 0x20 { e -= 1 }
        guard e > start, ByteScan.isWordByte(b[e - 1]) else { return nil }
        guard let close = b[max(start, e - 80)..<e].lastIndex(of: 0x5D) else { return nil }
        let allowed: Set<UInt8> = [0x20, 0x26, 0x27, 0x2E]
        guard b[(close + 1)..<e].allSatisfy({ ByteScan.isWordByte($0) || allowed.contains($0) }) else { return nil }
        let words = String(decoding: b[(close + 1)..<e], as: UTF8.self).split(separator: " ")
        let joining: Set<Substring> = ["and", "of", "on", "the", "for", "in", "to", "&", "vs"]
        guard let first = words.first, let letter = first.unicodeScalars.first, ("A"..."Z").contains(letter),
            words.count <= 7,
            words.allSatisfy({
                $0.unicodeScalars.first.map { ("A"..."Z").contains($0) } == true || joining.contains($0)
            })
        else { return nil }
        var s = close + 1
        while b[s] == 0x20 { s += 1 }
        return s
    }

    /// The end of a heading that opens `b[start..<end]`, if any.
    static func headingPrefix(_ b: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var s = start
        while s < end && b[s] == 0x20 { s += 1 }
        if let groupEnd = groupHeading(b, s, end) { return groupEnd }
        for heading in headings where s + heading.count <= end && b[s..<(s + heading.count)].elementsEqual(heading) {
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
    static func groupHeading(_ b: [UInt8], _ s: Int, _ end: Int) -> Int? {
        let word: [UInt8] = Array("Group ".utf8)
        guard s + word.count < end, b[s..<(s + word.count)].elementsEqual(word) else { return nil }
        var i = s + word.count
        let digitsStart = i
        while i < end && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
        guard i > digitsStart else { return nil }
        if i == end { return end }
        if b[i] == 0x3A { return end }  // "Group 1: heading" fills the piece up to " - "
        return b[i] == 0x20 ? i : nil
    }

    /// Where a trailing `Group N` / `Group N: heading` starts inside a piece.
    static func trailingGroup(_ b: [UInt8], _ start: Int, _ end: Int) -> Int? {
        let word: [UInt8] = Array(" Group ".utf8)
        guard end - start > word.count else { return nil }
        var i = end - word.count
        while i >= start {
            if b[i] == 0x20 && b[(i)..<(i + word.count)].elementsEqual(word) {
                if let e = groupHeading(b, i + 1, end), e == end { return i + 1 }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// Splits `b[start..<end]` into sentences.
    func sentences(_ b: [UInt8], _ start: Int, _ end: Int, _ emit: (Int, Int) -> Void) {
        var s = start
        var i = start
        while i < end {
            let c = b[i]
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

    /// A `.` that ends an abbreviation (U.S., Mr., Corp.) or an initial, not a sentence.
    func isAbbreviation(_ b: [UInt8], _ start: Int, _ dot: Int) -> Bool {
        var w = dot
        while w > start && (ByteScan.isLetter(b[w - 1]) || b[w - 1] == 0x2E) { w -= 1 }
        let word = Array(b[w..<dot])
        if word.isEmpty { return false }
        if word.count == 1 && word[0] >= 0x41 && word[0] <= 0x5A { return true }  // an initial
        if word.contains(0x2E) { return true }  // U.S, e.g
        return ReferenceSegmenter.abbreviations.contains(word)
    }

    /// Removes citation marks (`[1]`, `[3][5]`, `[1, 2]`) and `**`, and mends a space between two
    /// CJK characters (a line-wrap artefact).
    static func clean(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c == 0x5B {
                var j = i + 1
                var digits = 0
                while j < end && ((b[j] >= 0x30 && b[j] <= 0x39) || b[j] == 0x2C || b[j] == 0x20 || b[j] == 0x2D) {
                    if b[j] >= 0x30 && b[j] <= 0x39 { digits += 1 }
                    j += 1
                }
                if digits > 0 && j < end && b[j] == 0x5D {
                    // Drop the mark and one space before it.
                    if out.last == 0x20 { out.removeLast() }
                    i = j + 1
                    continue
                }
            } else if c == 0x2A && i + 1 < end && b[i + 1] == 0x2A {
                i += 2
                continue
            } else if c == 0x20 && i + 1 < end && isCJKLead(b[i + 1]) && endsWithCJK(out) {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        // Trim.
        var lo = 0, hi = out.count
        while lo < hi && (out[lo] == 0x20 || out[lo] == 0x09) { lo += 1 }
        while hi > lo && (out[hi - 1] == 0x20 || out[hi - 1] == 0x09) { hi -= 1 }
        return lo == 0 && hi == out.count ? out : Array(out[lo..<hi])
    }

    /// A CJK ideograph starts with E3..E9 (U+3400..U+9FFF); punctuation (E3 80 xx) is excluded.
    @inline(__always)
    static func isCJKLead(_ b: UInt8) -> Bool { b >= 0xE4 && b <= 0xE9 }

    static func endsWithCJK(_ out: [UInt8]) -> Bool {
        let n = out.count
        return n >= 3 && isCJKLead(out[n - 3]) && out[n - 2] & 0xC0 == 0x80 && out[n - 1] & 0xC0 == 0x80
    }
}
