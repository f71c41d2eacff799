/// One partial resolved into several groupings: what `chart` and `report` need without holding a
/// partial (and a record per story) for each.
extension SummaryPartial {
    /// The summary `--by target` of the same articles, from this partial grouped more finely
    /// (`target` ⊆ `dimensions`, both with or both without country): the same groups, bit for bit.
    ///
    /// Exact because a story's earliest copy for a coarse key is the earliest of its earliest copies
    /// for the finer keys under it (`Copy.precedes` is a total order), and sums are exact. `roots`
    /// are the story clusters of this partial's stories (computed once for every grouping).
    func resolved(coarsenedTo target: Set<Aggregator.Dimension>, roots: [UInt64: UInt64]?) -> Aggregator {
        precondition(target.isSubset(of: dimensions) && target.contains(.country) == dimensions.contains(.country))
        func project(_ key: Aggregator.Key, period: String?) -> Aggregator.Key {
            Aggregator.Key(
                country: key.country, outlet: target.contains(.outlet) ? key.outlet : nil,
                period: target.contains(.period) ? period : nil)
        }
        var result: [Aggregator.Key: GroupStats] = [:]
        for (key, stats) in groups { result[project(key, period: key.period), default: GroupStats()].merge(stats) }
        var folded = foldedResolved
        var storyCount = storiesResolved
        if !stories.isEmpty {
            let roots = roots ?? StoryClusters.roots(stories.mapValues(\.signature))
            var joined: [UInt64: Story] = [:]
            for id in stories.keys.sorted() {
                guard let story = stories[id] else { continue }
                let root = roots[id] ?? id
                if joined[root] == nil { joined[root] = story } else { joined[root]?.merge(story) }
            }
            storyCount += joined.count
            for story in joined.values {
                folded += story.articles - 1
                var coarse = Story()
                for (key, copy) in story.copies { coarse.keep(copy, at: project(key, period: nil)) }
                for (key, copy) in coarse.copies {
                    result[project(key, period: copy.period), default: GroupStats()].add(copy.value)
                }
            }
        }
        return Aggregator(
            dimensions: target, period: period, groups: result, articles: articles,
            withoutCountry: withoutCountry, folding: foldsDuplicates ? (folded, storyCount) : nil)
    }
}
