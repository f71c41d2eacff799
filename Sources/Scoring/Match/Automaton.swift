/// An Aho–Corasick automaton over UTF-8 bytes, compiled to a dense DFA on byte classes.
///
/// Built once per model and shared by every thread. Bytes that no pattern uses share class 0, so the
/// table stays small; ASCII upper case maps to the lower-case class, which makes Latin matching
/// case-insensitive at no cost (exact-case patterns are re-checked by the caller).
///
/// The hot loop is one table load per byte: states are numbered so that every state where a pattern
/// ends comes after every state where none does, so "did a pattern end here?" is one comparison.
/// With at most 65,536 states the table holds 16-bit state numbers on rows padded to a power of two
/// (the next row is a shift away, and the table is half the size, so more of it stays in cache);
/// larger automata hold 32-bit row offsets.
public struct Automaton: Sendable {
    /// The compiled tables, immutable after `init` and shared by every copy of the automaton.
    final class Tables: @unchecked Sendable {
        /// Byte → class index.
        let classOf: UnsafeMutablePointer<Int32>
        let classCount: Int
        /// Rows are `1 << shift` entries apart (16-bit table).
        let shift: Int
        /// 16-bit table: `small[(state << shift) + class]` = the next state.
        let small: UnsafeMutablePointer<UInt16>?
        /// 32-bit table: `large[row + class]` = the row of the next state (`row` = state × `classCount`).
        let large: UnsafeMutablePointer<Int32>?
        let states: Int
        /// States from this one on are those where at least one pattern ends.
        let firstOutputState: Int
        /// The longest pattern, in bytes.
        let maxLength: Int
        /// Patterns ending in a state: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
        let outputStart: UnsafeMutablePointer<Int32>
        let outputs: UnsafeMutablePointer<Int32>

        /// Fills the table straight from the breadth-first `goto` rows: row `n` of the table is row
        /// `order[n]` of `goto`, every target renumbered through `newIndex` (no intermediate copy: the
        /// table is states × classes, the largest thing a model load builds).
        init(
            classOf: [Int32], classCount: Int, goto: [Int32], order: [Int], newIndex: [Int32],
            firstOutputState: Int, maxLength: Int, outputStart: [Int32], outputs: [Int32]
        ) {
            let states = order.count
            self.classCount = classCount
            self.maxLength = maxLength
            self.states = states
            self.firstOutputState = firstOutputState
            self.classOf = Tables.copy(classOf)
            self.outputStart = Tables.copy(outputStart)
            self.outputs = Tables.copy(outputs)
            var shift = 0
            while 1 << shift < classCount { shift += 1 }
            self.shift = shift
            if states <= 1 << 16 {
                let stride = 1 << shift
                let table = UnsafeMutablePointer<UInt16>.allocate(capacity: max(states * stride, 1))
                table.initialize(repeating: 0, count: max(states * stride, 1))
                goto.withUnsafeBufferPointer { g in
                    newIndex.withUnsafeBufferPointer { index in
                        for (n, s) in order.enumerated() {
                            let from = s * classCount, to = n * stride
                            for c in 0..<classCount {
                                table[to + c] = UInt16(truncatingIfNeeded: index[Int(g[from + c])])
                            }
                        }
                    }
                }
                small = table
                large = nil
            } else {
                let rows = UnsafeMutablePointer<Int32>.allocate(capacity: max(states * classCount, 1))
                goto.withUnsafeBufferPointer { g in
                    newIndex.withUnsafeBufferPointer { index in
                        for (n, s) in order.enumerated() {
                            let from = s * classCount, to = n * classCount
                            for c in 0..<classCount {
                                (rows + to + c).initialize(to: index[Int(g[from + c])] * Int32(classCount))
                            }
                        }
                    }
                }
                small = nil
                large = rows
            }
        }

        /// `run` as two interleaved walks: one over the first half, one over the second half started
        /// from the start state `maxLength - 1` bytes early. The text takes one dependent table load
        /// per byte, and a load that misses the cache stalls its walk; two independent walks overlap
        /// their stalls. After `maxLength - 1` bytes a walk is in the state one walk from the start
        /// would be in (a state stands for at most `maxLength` bytes), so the second walk reports
        /// exactly what a single walk would from the middle on. Hits are held in two small buffers
        /// and reported first half first, so `found` sees them in the same order as from one walk.
        @inline(__always)
        func runSplit(
            _ small: UnsafeMutablePointer<UInt16>, _ base: UnsafePointer<UInt8>, _ count: Int,
            _ found: (Int, Int) -> Void
        ) {
            let classOf = self.classOf, firstOutputState = self.firstOutputState, shift = self.shift
            let overlap = maxLength - 1
            let mid = (count + overlap) / 2
            let capacity = 64
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * capacity) { hits in
                guard let hitsA = hits.baseAddress else { return }
                let hitsB = hitsA + 2 * capacity
                var a = 0, b = 0
                var ia = 0, ib = mid - overlap
                var na = 0, nb = 0
                let steps = min(mid, count - ib)
                var step = 0
                while step < steps && na < capacity && nb < capacity {
                    a = Int(small[(a &<< shift) &+ Int(classOf[Int(base[ia])])])
                    b = Int(small[(b &<< shift) &+ Int(classOf[Int(base[ib])])])
                    ia &+= 1
                    ib &+= 1
                    step &+= 1
                    if a >= firstOutputState {
                        hitsA[2 &* na] = Int32(a)
                        hitsA[2 &* na &+ 1] = Int32(ia)
                        na &+= 1
                    }
                    if b >= firstOutputState && ib > mid {
                        hitsB[2 &* nb] = Int32(b)
                        hitsB[2 &* nb &+ 1] = Int32(ib)
                        nb &+= 1
                    }
                }
                // The first half: what was held, then the rest of its walk.
                for k in 0..<na { found(Int(hitsA[2 * k]), Int(hitsA[2 * k + 1])) }
                while ia < mid {
                    a = Int(small[(a &<< shift) &+ Int(classOf[Int(base[ia])])])
                    ia &+= 1
                    if a >= firstOutputState { found(a, ia) }
                }
                // The second half.
                for k in 0..<nb { found(Int(hitsB[2 * k]), Int(hitsB[2 * k + 1])) }
                while ib < count {
                    b = Int(small[(b &<< shift) &+ Int(classOf[Int(base[ib])])])
                    ib &+= 1
                    if b >= firstOutputState && ib > mid { found(b, ib) }
                }
            }
        }

        static func copy(_ array: [Int32]) -> UnsafeMutablePointer<Int32> {
            let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: max(array.count, 1))
            array.withUnsafeBufferPointer {
                if let source = $0.baseAddress { pointer.initialize(from: source, count: array.count) }
            }
            return pointer
        }

        deinit {
            classOf.deallocate()
            small?.deallocate()
            large?.deallocate()
            outputStart.deallocate()
            outputs.deallocate()
        }

        /// Runs the automaton over `bytes`, calling `found(state, end)` in order of `end` in every
        /// state where a pattern ends (`end` exclusive).
        @inline(__always)
        func run(_ base: UnsafePointer<UInt8>, _ count: Int, _ found: (Int, Int) -> Void) {
            let classOf = self.classOf, firstOutputState = self.firstOutputState
            if let small {
                if count >= 2 * maxLength + 48 {
                    runSplit(small, base, count, found)
                    return
                }
                let shift = self.shift
                var state = 0
                var index = 0
                while index < count {
                    state = Int(small[(state &<< shift) &+ Int(classOf[Int(base[index])])])
                    index &+= 1
                    if state >= firstOutputState { found(state, index) }
                }
            } else if let large {
                let classCount = self.classCount
                let firstOutputRow = firstOutputState * classCount
                var row = 0
                var index = 0
                while index < count {
                    row = Int(large[row &+ Int(classOf[Int(base[index])])])
                    index &+= 1
                    if row >= firstOutputRow { found(row / classCount, index) }
                }
            }
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

        // Renumber: the start state stays 0, every state without output comes before every state
        // with output, so one comparison tells whether anything ends in a state; within each part
        // states go in breadth-first order, so the shallow states that text keeps returning to
        // share a few cache lines.
        var order: [Int] = [0]
        order.reserveCapacity(states)
        for s in queue where outputLists[s].isEmpty { order.append(s) }
        let quiet = order.count
        for s in queue where !outputLists[s].isEmpty { order.append(s) }
        var newIndex = [Int32](repeating: 0, count: states)
        for (n, s) in order.enumerated() { newIndex[s] = Int32(n) }
        // The start state may itself hold output only for empty patterns, which are never added.
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        outputStart.reserveCapacity(states + 1)
        for s in order {
            outputs += outputLists[s]
            outputStart.append(Int32(outputs.count))
        }
        tables = Tables(
            classOf: classOf, classCount: classCount, goto: goto, order: order, newIndex: newIndex,
            firstOutputState: quiet, maxLength: max(1, patterns.map(\.count).max() ?? 1),
            outputStart: outputStart, outputs: outputs)
        patternLength = lengths
    }

    /// Calls `found(pattern, end)` for every occurrence in `bytes`, `end` being the exclusive byte offset.
    /// Patterns ending at the same byte come longest first, in the order they were given.
    @inline(__always)
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int32, Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let t = tables
        t.run(base, bytes.count) { state, end in
            for k in Int(t.outputStart[state])..<Int(t.outputStart[state &+ 1]) { found(t.outputs[k], end) }
        }
    }
}
