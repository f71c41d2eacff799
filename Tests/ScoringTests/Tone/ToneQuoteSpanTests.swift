import TestSupport
import Testing

@testable import Scoring

/// `ToneScorer.quoteSpans` walks a segment's quotations once; looked up per word it must answer as the
/// walk per word it replaced (quadratic on a long segment of quoted words), kept here as `reference`.
@Suite("Tone quotations: one walk per segment answers as one walk per word")
struct ToneQuoteSpanTests {
    /// Pieces a segment is made of: text, every quotation mark the scorer knows, and stray closers.
    static let pieces = ["中国", "稀土", "a", "，", "“", "”", "「", "」", "『", "』", "主导", " "]

    /// The definition: the length in bytes of the quotation holding `offset` (marks excluded; up to the
    /// end when never closed), nil when not quoted, by a walk from `from` (no opening mark before it) to
    /// `offset` and on to the mark that closes it. Nested quotes count as the outermost one.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, from: Int) -> Int? {
        var depth = 0
        var open = 0
        var i = from
        while i + 2 < offset {
            let mark = ToneScorer.quoteMark(bytes, i)
            if mark > 0 && depth == 0 { open = i + 3 }
            depth = max(0, depth + mark)
            i += mark == 0 ? 1 : 3
        }
        guard depth > 0 else { return nil }
        i = offset
        while i + 2 < bytes.count {
            let mark = ToneScorer.quoteMark(bytes, i)
            depth += mark
            if depth == 0 { return i - open }
            i += mark == 0 ? 1 : 3
        }
        return bytes.count - open
    }

    /// Character-boundary offsets of `bytes` (where words start).
    static func boundaries(_ bytes: [UInt8]) -> [Int] {
        bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
    }

    static func lengths(_ text: String) -> [(offset: Int, walk: Int?, spans: Int?)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let first = ToneScorer.firstOpeningQuote(buffer)
            var spans: [Range<Int>] = []
            ToneScorer.quoteSpans(buffer, from: first, into: &spans)
            return boundaries(bytes).filter { first + 2 < $0 }.map { offset in
                (
                    offset, reference(buffer, offset, from: first),
                    ToneScorer.quoteLength(in: spans, at: offset)
                )
            }
        }
    }

    @Test func nestedUnclosedAndStrayMarksAnswerAsTheWalk() {
        for text in ["说“中国”主导", "「一票难求」与『牌』", "“外“内”外”尾", "”「开「深」」末", "“未闭合的引号里", "无引号"] {
            for row in Self.lengths(text) {
                #expect(row.walk == row.spans, "\(text) at byte \(row.offset)")
            }
        }
    }

    @Test func randomSegmentsAnswerAsTheWalk() {
        var generator = SplitMix64(seed: 20_261_205)
        for _ in 0..<400 {
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            for row in Self.lengths(text) {
                #expect(row.walk == row.spans, "\(text) at byte \(row.offset)")
            }
        }
    }

    @Test func aQuotedWordKnowsItsQuotationLength() {
        // “中国主导” holds four characters: 12 bytes between the marks.
        let rows = Self.lengths("全球“中国主导”格局")
        #expect(rows.contains { $0.spans == 12 })
        #expect(rows.last?.spans == nil)
    }
}
