import Foundation
import Scoring
import Testing

@testable import Pipeline

/// The hot loops work on several bytes at a time; each must decide exactly what the plain loop (or
/// the `String` API) it replaced decides. Random inputs are drawn from the bytes that matter.
@Suite("Fast paths equal the plain loops")
struct FastPathEquivalenceTests {
    /// Pieces that make the tricky cases likely: citation marks, `**`, spaces between CJK characters,
    /// U+3000, tabs, CR, control bytes, Latin words, accented letters, emoji.
    static let pieces: [String] = [
        "中", "国", "稀", "土", " ", " ", "  ", "[1]", "[2, 3]", "[", "]", "*", "**", "\u{3000}", "\t", "\r",
        "China", "U.S.", "rare", "earth", "café", "ß", "😀", "。", "-", " - ", "e", "1", "\u{301}", ".",
    ]

    static func randomText(_ rng: inout some RandomNumberGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    // MARK: - Segmenter.clean

    @Test("clean: eight bytes at a time and one by one agree")
    func cleanMatchesPlainLoop() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let bytes = Array(
                FastPathEquivalenceTests.randomText(&rng, pieces: Int.random(in: 0...60, using: &rng)).utf8)
            // ReferenceSegmenter.clean (SegmenterEquivalenceTests) is the byte-at-a-time loop it replaced.
            #expect(Segmenter.clean(bytes[...]) == ReferenceSegmenter.clean(bytes[...]), "\(bytes)")
        }
    }

    // MARK: - ArticleScorer.language

    /// The byte-at-a-time classification the eight-byte version replaced.
    static func plainLanguage(_ text: String) -> String {
        var cjk = 0, words = 0, inWord = false
        for b in text.utf8 {
            if b >= 0xE4 && b <= 0xE9 {
                cjk += 1
                inWord = false
            } else if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                if !inWord { words += 1 }
                inWord = true
            } else if b < 0x80 || b >= 0xC0 {
                inWord = false
            }
        }
        let zh = Double(cjk) / 1.5
        let total = zh + Double(words)
        guard total > 0 else { return "mixed" }
        let share = zh / total
        return share >= 0.8 ? "zh" : share <= 0.2 ? "en" : "mixed"
    }

    @Test("language: eight bytes at a time and one by one agree")
    func languageMatchesPlainLoop() {
        var rng = SystemRandomNumberGenerator()
        let latin = ["China", "rare", "Earth", "café", " ", "U.S.", "ß", "[1]", "@", "Z", "z{", "`a", "ÄÖ"]
        let chinese = ["中", "国", "稀", "土", "。", "，", "😀", "鿿", "一"]
        for _ in 0..<3_000 {
            // Mostly one script or the other, so every outcome (zh, en, mixed) comes up.
            let share = Double.random(in: 0...1, using: &rng)
            let text = (0..<Int.random(in: 0...80, using: &rng)).map { _ in
                Double.random(in: 0...1, using: &rng) < share
                    ? chinese.randomElement(using: &rng)! : latin.randomElement(using: &rng)!
            }.joined()
            #expect(ArticleScorer.language(of: text) == FastPathEquivalenceTests.plainLanguage(text), "\(text)")
        }
    }

    // MARK: - Reader helpers

    @Test("UTF-8 validation agrees with String(validating:)")
    func validationMatchesTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        // Bytes around every boundary of table 3-7, plus ASCII runs for the eight-byte path.
        let interesting: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &rng) {
                if Bool.random(using: &rng) {
                    bytes.append(interesting.randomElement(using: &rng)!)
                } else {
                    bytes += Array(["abcdefgh", "中", "é", "😀", "x"].randomElement(using: &rng)!.utf8)
                }
            }
            #expect(UTF8Bytes.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("trimmed lines joined as bytes equal trimmingCharactersInSpaces + joined")
    func trimmingMatchesCharacters() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let lines = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                FastPathEquivalenceTests.randomText(&rng, pieces: Int.random(in: 0...8, using: &rng))
            }
            var joined: [UInt8] = []
            for line in lines { UTF8Bytes.appendTrimmed(Array(line.utf8), joinedTo: &joined) }
            let expected = lines.map { $0.trimmingCharactersInSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
            #expect(String(decoding: joined, as: UTF8.self) == expected, "\(lines)")
            #expect(joined == Array(expected.utf8))
        }
    }

    @Test("control bytes are found eight at a time as one by one")
    func controlBytes() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Int.random(in: 0..<6, using: &rng) == 0
                    ? UInt8.random(in: 0...0x21, using: &rng) : UInt8.random(in: 0x20...0xFF, using: &rng)
            }
            let plain = bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0C && $0 != 0x0D }
            #expect(SearchExportReader.hasControlBytes(bytes) == plain, "\(bytes)")
        }
    }

    @Test("JSON strings escape as before: quotes, backslashes, control characters")
    func jsonStrings() {
        #expect(JSON.string("a\"b\\c\nd\re\tf\u{01}g\u{1F}中😀") == #""a\"b\\c\nd\re\tf\u0001g\u001f中😀""#)
        #expect(JSON.string("") == "\"\"")
        #expect(JSON.number(1e-7) == "0" && JSON.number(0.12345) == "0.1235" && JSON.number(-2) == "-2")
    }

    @Test("JSON strings escape byte by byte as defined, at every position of the eight-byte blocks")
    func jsonStringsAtEveryOffset() {
        // The definition, one byte at a time: bytes of multi-byte characters pass through.
        func reference(_ s: String) -> String {
            var out: [UInt8] = [0x22]
            for b in s.utf8 {
                switch b {
                case 0x22, 0x5C: out += [0x5C, b]
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case 0..<0x20: out += Array(String(format: "\\u%04x", b).utf8)
                default: out.append(b)
                }
            }
            return String(decoding: out + [0x22], as: UTF8.self)
        }
        let pieces = ["a", " ", "\"", "\\", "\n", "\u{1F}", "\u{7F}", "~", "中", "é", "😀", "0"]
        var rng = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<20 {
                let s = (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
                #expect(JSON.string(s) == reference(s), "\(s.debugDescription)")
            }
        }
    }
}
