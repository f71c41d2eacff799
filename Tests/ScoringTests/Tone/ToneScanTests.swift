import Testing

@testable import Scoring

/// The script scan also answers, for a segment read unfolded, whether it may hold an exclamation mark and
/// where its first opening quotation mark starts; `ToneScorer` then skips `exclamations` and
/// `firstOpeningQuote`. Its answers must be those of the two scans it replaces.
@Suite("Tone script scan: exclamations and the first opening quote as the scans it replaces")
struct ToneScanTests {
    static let pieces: [String] = [
        "China", " ", "!", "！", "?", "“", "”", "「", "」", "『", "』", "\"", "稀土", "價格", "出口", "a", "GREAT", "…", "é",
        "𠀀", "\u{2019}", "。", "，", "\u{FF01}\u{FF01}", "rare earths ", "12345678",
    ]

    @Test("random segments and the tuning lines agree with exclamations and firstOpeningQuote")
    func agreesWithScans() {
        let lexicon = LexiconToneWalkTests.lexicon.tone
        var rng = SystemRandomNumberGenerator()
        var texts = LexiconToneWalkTests.texts
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...40, using: &rng)
            texts.append((0..<count).map { _ in ToneScanTests.pieces.randomElement(using: &rng)! }.joined())
        }
        var quoted = 0, exclaimed = 0
        for text in texts {
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                let scan = lexicon.scan(bytes)
                let marks = ToneScorer.exclamations(bytes)
                // "May exclaim" must hold wherever there is a mark; past a traditional character it always holds.
                #expect(marks == 0 || scan.exclaims, "\(text)")
                if scan.traditional < 0 {
                    #expect(scan.exclaims == (marks > 0), "\(text)")
                    #expect(scan.quote == ToneScorer.firstOpeningQuote(bytes), "\(text)")
                } else {
                    #expect(scan.exclaims && scan.quote == -1, "\(text)")
                }
                if marks > 0 { exclaimed += 1 }
                if scan.quote >= 0 && scan.quote < bytes.count { quoted += 1 }
            }
        }
        #expect(exclaimed > 100 && quoted > 100)
    }
}
