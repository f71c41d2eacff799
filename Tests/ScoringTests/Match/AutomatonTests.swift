import Scoring
import Testing

@Suite("Aho–Corasick automaton")
struct AutomatonTests {
    func matches(_ patterns: [String], in text: String) -> [String] {
        let automaton = Automaton(patterns: patterns.map { Array($0.utf8) })
        let bytes = Array(text.utf8)
        var found: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            automaton.scan(buffer) { id, end in
                let start = end - Int(automaton.patternLength[Int(id)])
                found.append(String(decoding: bytes[start..<end], as: UTF8.self))
            }
        }
        return found
    }

    @Test func findsOverlappingPatterns() {
        #expect(matches(["he", "she", "his", "hers"], in: "ushers") == ["she", "he", "hers"])
    }

    @Test func matchesChineseOnUTF8Bytes() {
        #expect(matches(["中国", "美国", "依赖"], in: "美国依赖中国稀土") == ["美国", "依赖", "中国"])
    }

    @Test func foldsASCIIUpperCase() {
        #expect(matches(["china"], in: "CHINA and China") == ["CHINA", "China"])
    }

    @Test func noPatternNoMatch() {
        #expect(matches(["稀土"], in: "nothing here").isEmpty)
    }
}
