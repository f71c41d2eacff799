/// The trie of an automaton's patterns with its failure links, in flat arrays: what `Automaton.init`
/// numbers and compiles into its tables.
///
/// Built from the patterns in sorted order (of their byte classes), so a new state is always a child
/// of the current path and never needs looking up: no hash table of edges, no array per state.
/// Children are kept by parent in class order (`childStart`, `children`), states in breadth-first
/// order (`order`, children by class), which is the order the tables are numbered in. A model load
/// builds three automata over some 45,000 states, so this is most of what loading costs.
struct AutomatonTrie {
    /// The class of the edge into each state (0 for the root).
    var edgeClass: [Int32] = [0]
    /// Children of state `s`: `children[childStart[s] ..< childStart[s + 1]]`, by class.
    var childStart: [Int32] = []
    var children: [Int32] = []
    /// Patterns ending in state `s` (its own, not inherited): `own[ownStart[s] ..< ownStart[s + 1]]`, by id.
    var ownStart: [Int32] = []
    var own: [Int32] = []
    var fail: [Int32] = []
    /// Whether a pattern ends in the state or anywhere down its failure chain.
    var hasOutput: [Bool] = []
    /// Every state, breadth first from the root, children in class order.
    var order: [Int] = []

    var stateCount: Int { edgeClass.count }

    init(patterns: [[UInt8]], classOf: [Int32], classCount: Int) {
        var parent: [Int32] = [0]
        var end = [Int32](repeating: -1, count: patterns.count)
        // Pattern ids by class sequence; equal sequences by id (so a state's own patterns come in id order).
        let ids = AutomatonTrie.sortedByClasses(patterns, classOf: classOf)
        // After a pattern, `path[k]` is the state of its first k bytes. The next pattern shares a prefix
        // with it and, being larger, leaves it with a class larger than any child already there.
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for id in ids {
            let p = patterns[id]
            var shared = 0
            while shared < min(p.count, previous.count)
                && classOf[Int(p[shared])] == classOf[Int(previous[shared])]
            { shared += 1 }
            path.removeLast(path.count - shared - 1)
            for k in shared..<p.count {
                parent.append(path[k])
                edgeClass.append(classOf[Int(p[k])])
                path.append(Int32(edgeClass.count - 1))
            }
            end[id] = path[p.count]
            previous = p
        }
        let states = edgeClass.count
        // Children grouped by parent; states were made in order, so each parent's stay in class order.
        childStart = AutomatonTrie.groupStarts(parent[1...], count: states)
        children = [Int32](repeating: 0, count: max(states - 1, 0))
        var next = childStart
        for s in 1..<max(states, 1) {
            let p = Int(parent[s])
            children[Int(next[p])] = Int32(s)
            next[p] += 1
        }
        let ends = end.filter { $0 >= 0 }
        ownStart = AutomatonTrie.groupStarts(ends[...], count: states)
        own = [Int32](repeating: 0, count: ends.count)
        next = ownStart
        for (id, s) in end.enumerated() where s >= 0 {
            own[Int(next[Int(s)])] = Int32(id)
            next[Int(s)] += 1
        }
        buildFailureLinks(classCount: classCount)
    }

    /// Breadth first: each child's failure link is the longest proper suffix of its path in the trie.
    private mutating func buildFailureLinks(classCount: Int) {
        let states = stateCount
        fail = [Int32](repeating: 0, count: states)
        hasOutput = [Bool](repeating: false, count: states)
        // The root's children by class: the failure chain ends there for every state.
        var rootChild = [Int32](repeating: 0, count: classCount)
        for k in Int(childStart[0])..<Int(childStart[1]) { rootChild[Int(edgeClass[Int(children[k])])] = children[k] }
        order = [0]
        order.reserveCapacity(states)
        var head = 0
        while head < order.count {
            let state = order[head]
            head += 1
            for k in Int(childStart[state])..<Int(childStart[state + 1]) {
                let child = Int(children[k])
                let c = edgeClass[child]
                if state != 0 {
                    var f = Int(fail[state])
                    var target: Int32 = -1
                    while f != 0 {
                        target = edge(f, c)
                        if target >= 0 { break }
                        f = Int(fail[f])
                    }
                    fail[child] = f == 0 ? rootChild[Int(c)] : target
                }
                hasOutput[child] = ownStart[child] != ownStart[child + 1] || hasOutput[Int(fail[child])]
                order.append(child)
            }
        }
    }

    /// The child of `state` on class `c`, or -1 (children are sorted by class: a binary search).
    private func edge(_ state: Int, _ c: Int32) -> Int32 {
        var lo = Int(childStart[state]), hi = Int(childStart[state + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            let m = edgeClass[Int(children[mid])]
            if m == c { return children[mid] }
            if m < c { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// The patterns reported in `state`: its own, then those of its failure chain (longest first).
    func outputs(of state: Int, into list: inout [Int32]) {
        var s = state
        while s != 0 && hasOutput[s] {
            list += own[Int(ownStart[s])..<Int(ownStart[s + 1])]
            s = Int(fail[s])
        }
    }

    /// The ids of the non-empty patterns, ordered by their class sequences (equal ones by id). The
    /// sequences are laid out in one buffer first, so comparing two is a loop over plain memory.
    private static func sortedByClasses(_ patterns: [[UInt8]], classOf: [Int32]) -> [Int] {
        var start = [Int](repeating: 0, count: patterns.count + 1)
        for (id, p) in patterns.enumerated() { start[id + 1] = start[id] + p.count }
        var flat = [UInt16](repeating: 0, count: start[patterns.count])
        for (id, p) in patterns.enumerated() {
            for (k, byte) in p.enumerated() { flat[start[id] + k] = UInt16(classOf[Int(byte)]) }
        }
        var ids = (0..<patterns.count).filter { start[$0 + 1] > start[$0] }
        flat.withUnsafeBufferPointer { f in
            start.withUnsafeBufferPointer { s in
                ids.sort { a, b in
                    let p = s[a], q = s[b]
                    let m = min(s[a + 1] - p, s[b + 1] - q)
                    for k in 0..<m where f[p + k] != f[q + k] { return f[p + k] < f[q + k] }
                    let (lengthA, lengthB) = (s[a + 1] - p, s[b + 1] - q)
                    return lengthA != lengthB ? lengthA < lengthB : a < b
                }
            }
        }
        return ids
    }

    /// Counting sort offsets: `starts[k]` is where key `k`'s items begin, `starts[count]` the total.
    private static func groupStarts(_ keys: ArraySlice<Int32>, count: Int) -> [Int32] {
        var starts = [Int32](repeating: 0, count: count + 1)
        for k in keys { starts[Int(k) + 1] += 1 }
        for k in 0..<count { starts[k + 1] += starts[k] }
        return starts
    }
}
