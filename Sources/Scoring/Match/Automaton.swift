/// An Aho–Corasick automaton over UTF-8 bytes, compiled to a dense DFA on byte classes.
///
/// Built once per model and shared by every thread. Bytes that no pattern uses share class 0, so the
/// table stays small; ASCII upper case maps to the lower-case class, which makes Latin matching
/// case-insensitive at no cost (exact-case patterns are re-checked by the caller).
public struct Automaton: Sendable {
    /// Byte → class index.
    let classOf: [UInt16]
    let classCount: Int
    /// `next[state * classCount + class]`.
    let next: [Int32]
    /// Patterns ending in a state: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputs: [Int32]
    /// Byte length of each pattern.
    public let patternLength: [Int32]

    /// The number of DFA states.
    public var stateCount: Int { outputStart.count - 1 }

    /// Compiles `patterns` (already case-folded to ASCII lower case where wanted).
    public init(patterns: [[UInt8]]) {
        var used = [Bool](repeating: false, count: 256)
        for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
        var classOf = [UInt16](repeating: 0, count: 256)
        var count = 1
        for byte in 0..<256 where used[byte] {
            classOf[byte] = UInt16(count)
            count += 1
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            let lower = Int(upper) + 32
            if used[lower] { classOf[Int(upper)] = classOf[lower] }
        }
        let classCount = count

        // Trie with dense rows; -1 marks a missing edge until the BFS fills it in.
        var goto: [Int32] = Array(repeating: -1, count: classCount)
        var own: [[Int32]] = [[]]
        var lengths: [Int32] = []
        lengths.reserveCapacity(patterns.count)
        for (id, pattern) in patterns.enumerated() {
            lengths.append(Int32(pattern.count))
            guard !pattern.isEmpty else { continue }
            var state = 0
            for byte in pattern {
                let slot = state * classCount + Int(classOf[Int(byte)])
                if goto[slot] < 0 {
                    goto[slot] = Int32(own.count)
                    own.append([])
                    goto.append(contentsOf: repeatElement(-1, count: classCount))
                }
                state = Int(goto[slot])
            }
            own[state].append(Int32(id))
        }

        let states = own.count
        var fail = [Int32](repeating: 0, count: states)
        var outputLists = own
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for c in 0..<classCount {
            let child = goto[c]
            if child < 0 { goto[c] = 0 } else { fail[Int(child)] = 0; queue.append(Int(child)) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let failState = Int(fail[state])
            if !outputLists[failState].isEmpty { outputLists[state] += outputLists[failState] }
            let row = state * classCount, failRow = failState * classCount
            for c in 0..<classCount {
                let child = goto[row + c]
                if child < 0 {
                    goto[row + c] = goto[failRow + c]
                } else {
                    fail[Int(child)] = goto[failRow + c]
                    queue.append(Int(child))
                }
            }
        }

        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        outputStart.reserveCapacity(states + 1)
        for list in outputLists {
            outputs += list
            outputStart.append(Int32(outputs.count))
        }
        self.classOf = classOf
        self.classCount = classCount
        self.next = goto
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLength = lengths
    }

    /// Calls `found(pattern, end)` for every occurrence in `bytes`, `end` being the exclusive byte offset.
    @inline(__always)
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int32, Int) -> Void) {
        classOf.withUnsafeBufferPointer { classes in
            next.withUnsafeBufferPointer { table in
                outputStart.withUnsafeBufferPointer { starts in
                    outputs.withUnsafeBufferPointer { outs in
                        var state = 0
                        let width = classCount
                        for index in 0..<bytes.count {
                            state = Int(table[state &* width &+ Int(classes[Int(bytes[index])])])
                            let lower = Int(starts[state]), upper = Int(starts[state &+ 1])
                            if lower != upper {
                                for k in lower..<upper { found(outs[k], index &+ 1) }
                            }
                        }
                    }
                }
            }
        }
    }
}
