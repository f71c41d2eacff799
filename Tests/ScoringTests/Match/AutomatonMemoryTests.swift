import Scoring
import Testing

/// Deep states are sparse (edges and failure links, no dense row), so memory follows the pattern bytes:
/// what a sparse automaton reports must be exactly what a dense one does, and a long term stays cheap.
@Suite("Automaton: sparse deep states")
struct AutomatonMemoryTests {
    @Test("every dense budget finds the same matches as brute force, in the same order")
    func sparseEqualsDense() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [[UInt8]] = ["a", "b", "A", " ", "中", "国", "美"].map { Array($0.utf8) }
        for round in 0..<60 {
            var patterns: [[UInt8]] = []
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                var p: [UInt8] = []
                for _ in 0..<Int.random(in: 1...(round % 3 == 0 ? 9 : 4), using: &rng) {
                    p += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)].map {
                        $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0
                    }
                }
                patterns.append(p)
            }
            // Budgets down to one dense row: the root alone.
            for budget in [1, 8, 40, 200, Automaton.defaultDenseBudget] {
                let automaton = Automaton(patterns: patterns, denseBudget: budget)
                for length in [0, 1, 7, 97, 301, 1000] {
                    var text: [UInt8] = []
                    while text.count < length { text += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
                    #expect(
                        AutomatonSplitTests.scan(automaton, text) == AutomatonSplitTests.naive(patterns, text),
                        "round \(round), budget \(budget), length \(text.count)")
                }
            }
        }
    }

    @Test("a 30,000-byte term and 20,000 distinct terms: tables linear in the pattern bytes")
    func memoryIsLinear() {
        let long = Array(String(repeating: "稀土出口管制", count: 1667).utf8)  // 30,006 bytes
        let one = Automaton(patterns: [long, Array("中国".utf8)])
        // A dense row per state was 30,000 states × every byte class: hundreds of MB.
        #expect(one.memoryBytes < 64 * long.count + (1 << 23))
        var patterns: [[UInt8]] = []
        var total = 0
        for k in 0..<20_000 {
            let p = Array("术语\(k)号稀土".utf8)
            total += p.count
            patterns.append(p)
        }
        let many = Automaton(patterns: patterns)
        #expect(many.memoryBytes < 64 * total + (1 << 24))
        let text = Array("中国稀土出口管制，术语123号稀土与术语19999号稀土".utf8)
        #expect(AutomatonSplitTests.scan(many, text).count == 2)
    }
}
