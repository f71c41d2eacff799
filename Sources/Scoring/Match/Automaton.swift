/// An Aho–Corasick automaton over UTF-8 bytes, compiled to a dense DFA on byte classes.
///
/// Built once per model and shared by every thread. Bytes that no pattern uses share class 0, so the
/// table stays small; ASCII upper case maps to the lower-case class, which makes Latin matching
/// case-insensitive at no cost (exact-case patterns are re-checked by the caller).
///
/// The hot loop is one table load per byte: states are numbered so that every state where a pattern
/// ends comes after every state where none does, and the transition table holds row offsets
/// (`state * classCount`) rather than state numbers, so "did a pattern end here?" is one comparison
/// and the next row needs no multiplication.
public struct Automaton: Sendable {
    /// The compiled tables, immutable after `init` and shared by every copy of the automaton.
    final class Tables: @unchecked Sendable {
        /// Byte → class index.
        let classOf: UnsafeMutablePointer<Int32>
        let classCount: Int
        /// `next[row + class]` = the row of the next state (`row` = state × `classCount`).
        let next: UnsafeMutablePointer<Int32>
        let states: Int
        /// Rows at or after this one belong to states where at least one pattern ends.
        let firstOutputRow: Int
        /// Patterns ending in a state: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
        let outputStart: UnsafeMutablePointer<Int32>
        let outputs: UnsafeMutablePointer<Int32>

        init(classOf: [Int32], classCount: Int, next: [Int32], states: Int, firstOutputRow: Int,
             outputStart: [Int32], outputs: [Int32]) {
            self.classCount = classCount
            self.states = states
            self.firstOutputRow = firstOutputRow
            self.classOf = Tables.copy(classOf)
            self.next = Tables.copy(next)
            self.outputStart = Tables.copy(outputStart)
            self.outputs = Tables.copy(outputs)
        }

        static func copy(_ array: [Int32]) -> UnsafeMutablePointer<Int32> {
            let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: max(array.count, 1))
            array.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: array.count) }
            return pointer
        }

        deinit {
            classOf.deallocate()
            next.deallocate()
            outputStart.deallocate()
            outputs.deallocate()
        }
    }

    let tables: Tables
    /// Byte length of each pattern.
    public let patternLength: [Int32]

    /// The number of DFA states.
    public var stateCount: Int { tables.states }

    /// Compiles `patterns` (already case-folded to ASCII lower case where wanted).
    public init(patterns: [[UInt8]]) {
        var used = [Bool](repeating: false, count: 256)
        for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
        var classOf = [Int32](repeating: 0, count: 256)
        var count = 1
        for byte in 0..<256 where used[byte] {
            classOf[byte] = Int32(count)
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

        // Renumber: the start state stays 0, states without output keep their order before every
        // state with output, so one comparison tells whether anything ends in a state.
        var order: [Int] = [0]
        order.reserveCapacity(states)
        for s in 1..<max(states, 1) where outputLists[s].isEmpty { order.append(s) }
        let quiet = order.count
        for s in 1..<max(states, 1) where !outputLists[s].isEmpty { order.append(s) }
        var newIndex = [Int32](repeating: 0, count: states)
        for (n, s) in order.enumerated() { newIndex[s] = Int32(n) }
        // The start state may itself hold output only for empty patterns, which are never added.
        var next = [Int32](repeating: 0, count: states * classCount)
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        outputStart.reserveCapacity(states + 1)
        for (n, s) in order.enumerated() {
            let from = s * classCount, to = n * classCount
            for c in 0..<classCount { next[to + c] = newIndex[Int(goto[from + c])] * Int32(classCount) }
            outputs += outputLists[s]
            outputStart.append(Int32(outputs.count))
        }
        tables = Tables(classOf: classOf, classCount: classCount, next: next, states: states,
                        firstOutputRow: quiet * classCount, outputStart: outputStart, outputs: outputs)
        patternLength = lengths
    }

    /// Calls `found(pattern, end)` for every occurrence in `bytes`, `end` being the exclusive byte offset.
    /// Patterns ending at the same byte come longest first, in the order they were given.
    @inline(__always)
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int32, Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let t = tables
        let classOf = t.classOf, next = t.next, firstOutputRow = t.firstOutputRow
        var row = 0
        for index in 0..<bytes.count {
            row = Int(next[row &+ Int(classOf[Int(base[index])])])
            if row >= firstOutputRow {
                let state = row / t.classCount
                for k in Int(t.outputStart[state])..<Int(t.outputStart[state &+ 1]) { found(t.outputs[k], index &+ 1) }
            }
        }
    }
}
