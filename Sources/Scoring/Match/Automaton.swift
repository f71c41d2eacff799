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
        /// States below this one have dense rows; the others are in `sparse`.
        let denseStates: Int
        let sparse: Sparse
        /// Dense states from this one on are those where at least one pattern ends; every sparse
        /// state is beyond it too, so one comparison still sends the common case down the fast path.
        let firstOutputState: Int
        /// The longest pattern, in bytes.
        let maxLength: Int
        /// Patterns ending in a state: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
        let outputStart: UnsafeMutablePointer<Int32>
        let outputs: UnsafeMutablePointer<Int32>

        /// Fills the dense rows straight into the table (no intermediate copy: the table is the largest
        /// thing a model load builds); `rows` says how.
        init(
            classOf: [Int32], classCount: Int, rows: DenseRows, states: Int, denseStates: Int, firstOutputState: Int,
            maxLength: Int, outputStart: [Int32], outputs: [Int32], sparse: Sparse
        ) {
            self.denseStates = denseStates
            self.sparse = sparse
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
                let table = UnsafeMutablePointer<UInt16>.allocate(capacity: max(denseStates * stride, 1))
                // Only the root's row starts from zeros: `fill` copies every other row from its failure state's.
                table.initialize(repeating: 0, count: stride)
                rows.fill(table, stride: stride) { UInt16(truncatingIfNeeded: $0) }
                small = table
                large = nil
            } else {
                // Row offsets (state × classes) when every state is dense; plain state numbers
                // otherwise, as a sparse state's row offset could overflow 32 bits.
                let table = UnsafeMutablePointer<Int32>.allocate(capacity: max(denseStates * classCount, 1))
                table.initialize(repeating: 0, count: classCount)
                let factor = denseStates == states ? Int32(classCount) : 1
                rows.fill(table, stride: classCount) { $0 &* factor }
                small = nil
                large = table
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
                var walk = PairWalk(delta: mid - overlap, mid: mid)
                let steps = min(mid, count - walk.delta)
                // In stretches that cannot fill either buffer (a step adds at most one hit to each), so
                // the inner loop tests one bound per step instead of three.
                while walk.step < steps && walk.na < capacity && walk.nb < capacity {
                    let limit = min(steps, walk.step &+ capacity &- max(walk.na, walk.nb))
                    walk.run(small, classOf, shift, firstOutputState, base, limit, hitsA, hitsB)
                }
                var a = walk.a, b = walk.b, na = walk.na, nb = walk.nb
                var ia = walk.step, ib = walk.step &+ walk.delta
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

        /// The next state from `state` on byte class `c`: a dense row, or a sparse state's edges and
        /// failure links down to a dense row (amortised constant, as in any Aho–Corasick automaton).
        @inline(__always)
        func step(_ state: Int, _ c: Int) -> Int {
            var s = state
            while s >= denseStates {
                let k = s - denseStates
                let lo = Int(sparse.edgeStart[k]), hi = Int(sparse.edgeStart[k + 1])
                for e in lo..<hi where Int(sparse.edgeClass[e]) == c { return Int(sparse.edgeTarget[e]) }
                s = Int(sparse.fail[k])
            }
            if let small { return Int(small[(s &<< shift) &+ c]) }
            guard let large else { return 0 }
            return Int(large[s &* classCount &+ c])
        }

        /// `run` for an automaton with sparse states: dense steps until a sparse state is reached.
        func runHybrid(_ base: UnsafePointer<UInt8>, _ count: Int, _ found: (Int, Int) -> Void) {
            var state = 0
            for index in 0..<count {
                state = step(state, Int(classOf[Int(base[index])]))
                if state >= firstOutputState && outputStart[state] != outputStart[state + 1] { found(state, index + 1) }
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
            if denseStates < states {
                runHybrid(base, count, found)
                return
            }
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

    /// The two interleaved walks of `Tables.runSplit`: the first from byte 0, the second `delta` bytes
    /// further on, one step each per byte pair, hits held in two buffers.
    ///
    /// A function of its own, never inlined: inside the matcher's larger loop the compiler kept the
    /// table pointers and the second state on the stack and reloaded them at every step; here every
    /// value the step needs stays in a register.
    struct PairWalk {
        var a = 0, b = 0
        var na = 0, nb = 0
        var step = 0
        let delta: Int
        /// The second walk reports only from here on (what comes before belongs to the first).
        let mid: Int

        init(delta: Int, mid: Int) {
            self.delta = delta
            self.mid = mid
        }

        /// Steps both walks until `step` reaches `limit`; the caller keeps the buffers from filling.
        @inline(never)
        mutating func run(
            _ small: UnsafeMutablePointer<UInt16>, _ classOf: UnsafeMutablePointer<Int32>, _ shift: Int,
            _ firstOutputState: Int, _ base: UnsafePointer<UInt8>, _ limit: Int,
            _ hitsA: UnsafeMutablePointer<Int32>, _ hitsB: UnsafeMutablePointer<Int32>
        ) {
            var a = self.a, b = self.b, step = self.step
            let second = base + delta, secondEnd = delta &- mid
            while step < limit {
                a = Int(small[(a &<< shift) &+ Int(classOf[Int(base[step])])])
                b = Int(small[(b &<< shift) &+ Int(classOf[Int(second[step])])])
                step &+= 1
                if a >= firstOutputState {
                    hitsA[2 &* na] = Int32(a)
                    hitsA[2 &* na &+ 1] = Int32(step)
                    na &+= 1
                }
                // The second walk's end is `step + delta`, reported once it is past `mid`.
                if b >= firstOutputState && step &+ secondEnd > 0 {
                    hitsB[2 &* nb] = Int32(b)
                    hitsB[2 &* nb &+ 1] = Int32(step &+ delta)
                    nb &+= 1
                }
            }
            self.a = a
            self.b = b
            self.step = step
        }
    }

    /// The states beyond the dense budget: their edges by class, and their failure links.
    struct Sparse {
        var edgeStart: [Int32] = [0]
        var edgeClass: [Int32] = []
        var edgeTarget: [Int32] = []
        var fail: [Int32] = []
        var bytes: Int { (edgeStart.count + edgeClass.count + edgeTarget.count + fail.count) * 4 }
    }

    let tables: Tables
    /// Byte length of each pattern.
    public let patternLength: [Int32]

    /// The size of the compiled tables, in bytes.
    public var memoryBytes: Int {
        tables.denseStates * tables.classCount * (tables.small != nil ? 2 : 4) + 256 * 4 + tables.states * 4
            + tables.sparse.bytes + Int(tables.outputStart[tables.states]) * 4
    }

    /// The number of DFA states.
    public var stateCount: Int { tables.states }

    /// Compiles `patterns` (already case-folded to ASCII lower case where wanted).
    ///
    /// Memory is linear in the total bytes of the patterns: the trie keeps one edge per state in flat
    /// arrays (`AutomatonTrie`, never a dense row per state), and only the shallowest states — those text keeps
    /// returning to, up to `denseBudget` table entries — get dense rows. Deeper states keep their few
    /// edges and their failure link (`Sparse`); the shipped model fits the budget whole, so its hot
    /// loop is the dense one.
    public init(patterns: [[UInt8]], denseBudget: Int = Automaton.defaultDenseBudget) {
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

        let trie = AutomatonTrie(patterns: patterns, classOf: classOf, classCount: classCount)
        let states = trie.stateCount
        let queue = trie.order

        // Dense rows for a breadth-first prefix (closed under failure links, which lead to shallower
        // states); numbering: dense states without output, dense with output, then sparse ones.
        let denseCount = max(1, min(states, denseBudget / max(classCount, 1)))
        var order: [Int] = [0]
        order.reserveCapacity(states)
        for s in queue[1..<denseCount] where !trie.hasOutput[s] { order.append(s) }
        let quiet = order.count
        for s in queue[1..<denseCount] where trie.hasOutput[s] { order.append(s) }
        order += queue[denseCount...]
        var newIndex = [Int32](repeating: 0, count: states)
        for (n, s) in order.enumerated() { newIndex[s] = Int32(n) }

        var sparse = Sparse()
        sparse.edgeStart.reserveCapacity(states - denseCount + 1)
        for s in order[denseCount...] {
            sparse.fail.append(newIndex[Int(trie.fail[s])])
            for k in Int(trie.childStart[s])..<Int(trie.childStart[s + 1]) {
                let child = Int(trie.children[k])
                sparse.edgeClass.append(trie.edgeClass[child])
                sparse.edgeTarget.append(newIndex[child])
            }
            sparse.edgeStart.append(Int32(sparse.edgeClass.count))
        }
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        outputStart.reserveCapacity(states + 1)
        for s in order {
            trie.outputs(of: s, into: &outputs)
            outputStart.append(Int32(outputs.count))
        }
        tables = Tables(
            classOf: classOf, classCount: classCount,
            rows: DenseRows(states: queue[0..<denseCount], trie: trie, newIndex: newIndex),
            states: states, denseStates: denseCount,
            firstOutputState: quiet, maxLength: max(1, patterns.reduce(0) { max($0, $1.count) }),
            outputStart: outputStart, outputs: outputs, sparse: sparse)
        patternLength = patterns.map { Int32($0.count) }
    }

    /// Dense table entries allowed (4 M: 8 MB of 16-bit entries); deeper states are sparse.
    public static let defaultDenseBudget = 1 << 22

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

/// The dense rows of an automaton, described rather than built: breadth first, each state's row is
/// its failure state's row (failure links lead to shallower states, so that row is filled already)
/// with the state's own edges written over it.
struct DenseRows {
    /// The dense states in breadth-first order (trie numbering).
    var states: ArraySlice<Int>
    var trie: AutomatonTrie
    /// Trie state → final state number.
    var newIndex: [Int32]

    /// Writes every dense row into `table`, rows `stride` entries apart, each target through `encode`.
    func fill<T>(_ table: UnsafeMutablePointer<T>, stride: Int, encode: (Int32) -> T) {
        for s in states {
            let to = Int(newIndex[s]) * stride
            if s != 0 {
                (table + to).initialize(from: table + Int(newIndex[Int(trie.fail[s])]) * stride, count: stride)
            }
            for k in Int(trie.childStart[s])..<Int(trie.childStart[s + 1]) {
                let child = Int(trie.children[k])
                table[to + Int(trie.edgeClass[child])] = encode(newIndex[child])
            }
        }
    }
}
