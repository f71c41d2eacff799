import Testing

@testable import Scoring

/// `ToneScorer.gap` sorts each byte with one table load; it must answer as the byte tests it replaced.
@Suite("Tone gaps: the byte table answers as the byte tests")
struct ToneGapTests {
    /// The definition: words, CJK characters and clause breaks between two offsets, byte by byte.
    static func reference(_ bytes: [UInt8], from: Int, to: Int) -> (words: Int, cjk: Int, clauseBreak: Bool) {
        if to - from > 96 { return (0, 0, true) }
        var words = 0, cjk = 0
        var inWord = false
        var i = from
        while i < to {
            let b = bytes[i]
            switch b {
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2E, 0x21, 0x3F:
                return (words, cjk, true)
            case 0xE4...0xE9:
                cjk += 1
                inWord = false
                i += 3
                continue
            case 0xE3, 0xEF:
                if i + 2 < to, bytes[i] == 0xE3, bytes[i + 1] == 0x80, (0x8C...0x8F).contains(bytes[i + 2]) {
                    i += 3
                    continue
                }
                if i + 1 < to, bytes[i + 1] == 0x80 || bytes[i + 1] == 0xBC { return (words, cjk, true) }
            default:
                let letter =
                    (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                    || b == 0x27
                if letter && !inWord { words += 1 }
                inWord = letter
            }
            i += 1
        }
        return (words, cjk, false)
    }

    @Test("random mixes of letters, digits, marks and CJK punctuation, every pair of offsets")
    func tableEqualsByteTests() {
        let pieces = [
            "a", "Z", "7", "'", " ", "-", ",", ".", "!", "?", "(", ")", ";", ":", "中", "国", "。", "、", "「", "」",
            "『", "，", "！", "ー", "é", "“", "”", "Ａ", "\t",
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0..<24, using: &rng)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }.joined()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for from in 0...bytes.count {
                    for to in from...bytes.count {
                        let got = ToneScorer.gap(buffer, from: from, to: to)
                        let want = ToneGapTests.reference(bytes, from: from, to: to)
                        #expect(
                            got.words == want.words && got.cjk == want.cjk && got.clauseBreak == want.clauseBreak,
                            "\(text.debugDescription) \(from)..<\(to)")
                    }
                }
            }
        }
    }
}
