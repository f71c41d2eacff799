import Scoring
import Testing

/// Long texts are scanned as two interleaved walks (the second started `maxLength - 1` bytes before
/// the middle); what `scan` reports, and in which order, must be what one walk from the start reports.
@Suite("Automaton: split scans")
struct AutomatonSplitTests {
    /// Every (pattern, end) by brute force, in scan order: by end, then longest first, then by id.
    static func naive(_ patterns: [[UInt8]], _ text: [UInt8]) -> [[Int]] {
        func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        var found: [[Int]] = []
        for end in 1...max(1, text.count) where end <= text.count {
            var here: [[Int]] = []
            for (id, p) in patterns.enumerated() where !p.isEmpty && p.count <= end {
                if zip(p, text[(end - p.count)..<end]).allSatisfy({ $0 == fold($1) }) {
                    here.append([id, end, p.count])
                }
            }
            here.sort { $0[2] != $1[2] ? $0[2] > $1[2] : $0[0] < $1[0] }
            found += here.map { [$0[0], $0[1]] }
        }
        return found
    }

    static func scan(_ automaton: Automaton, _ text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        text.withUnsafeBufferPointer { buffer in automaton.scan(buffer) { id, end in found.append([Int(id), end]) } }
        return found
    }

    @Test("random texts of every length, short and long patterns, many matches")
    func splitScanEqualsOneWalk() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [[UInt8]] = ["a", "b", "A", " ", "中", "国", "美"].map { Array($0.utf8) }
        for round in 0..<60 {
            var patterns: [[UInt8]] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                var p: [UInt8] = []
                for _ in 0..<Int.random(in: 1...(round % 3 == 0 ? 9 : 4), using: &rng) {
                    p += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)].map {
                        $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0
                    }
                }
                patterns.append(p)
            }
            patterns.append(patterns[0])  // a duplicate pattern reports twice, in id order
            let automaton = Automaton(patterns: patterns)
            for length in [0, 1, 7, 40, 95, 96, 97, 150, 301, 1000] {
                var text: [UInt8] = []
                while text.count < length { text += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
                // Hits near the middle, where the two walks meet.
                #expect(
                    AutomatonSplitTests.scan(automaton, text) == AutomatonSplitTests.naive(patterns, text),
                    "round \(round), length \(text.count)")
            }
        }
    }

    @Test("no patterns, or only empty ones: nothing is found, nothing breaks")
    func noPatterns() {
        let text = Array(String(repeating: "中国稀土 rare earths ", count: 20).utf8)
        #expect(AutomatonSplitTests.scan(Automaton(patterns: []), text).isEmpty)
        #expect(AutomatonSplitTests.scan(Automaton(patterns: [[]]), text).isEmpty)
        #expect(AutomatonSplitTests.scan(Automaton(patterns: [[], Array("中国".utf8)]), text).count == 20)
    }

    @Test("more hits than the walks hold at once")
    func manyHits() {
        let automaton = Automaton(patterns: [Array("a".utf8), Array("aa".utf8), Array("aaa".utf8)])
        let text = [UInt8](repeating: UInt8(ascii: "a"), count: 2_000)
        #expect(
            AutomatonSplitTests.scan(automaton, text)
                == AutomatonSplitTests.naive(
                    [Array("a".utf8), Array("aa".utf8), Array("aaa".utf8)], text))
    }
}
