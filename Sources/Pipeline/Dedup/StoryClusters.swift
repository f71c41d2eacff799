/// Groups story prints into stories over a whole corpus, in a way that does not depend on the
/// order the prints come in: near-identical prints are joined (transitively) and each story is
/// named by the smallest exact id in it. `summary` and `merge` both group this way, so any split
/// of the input gives the same stories.
public enum StoryClusters {
    /// Exact id → the id of its story, for every id in `signatures`.
    ///
    /// Candidates are prints sharing an LSH band; a candidate pair is joined when the signatures
    /// agree in `StoryPrinter.threshold` positions. Memory: the signatures plus one entry per band.
    public static func roots(_ signatures: [UInt64: [UInt32]]) -> [UInt64: UInt64] {
        let ids = signatures.keys.sorted()
        var parent: [UInt64: UInt64] = [:]
        for id in ids { parent[id] = id }
        func find(_ x: UInt64) -> UInt64 {
            var r = x
            while let p = parent[r], p != r { r = p }
            var y = x
            while let p = parent[y], p != r {
                parent[y] = r
                y = p
            }
            return r
        }
        var buckets: [UInt64: [UInt64]] = [:]
        for id in ids {
            guard let signature = signatures[id] else { continue }
            for key in StoryPrinter.bandKeys(signature) { buckets[key, default: []].append(id) }
        }
        for key in buckets.keys.sorted() {
            guard let members = buckets[key], members.count > 1 else { continue }
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = members[i], b = members[j]
                    let ra = find(a), rb = find(b)
                    guard ra != rb, let sa = signatures[a], let sb = signatures[b], StoryPrinter.isNear(sa, sb)
                    else { continue }
                    // The smaller id names the story, whatever order the pair came in.
                    if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
                }
            }
        }
        var roots: [UInt64: UInt64] = [:]
        for id in ids { roots[id] = find(id) }
        return roots
    }
}
