extension SegmentScorer {
    /// Who a cue is about: a mention in this segment (with the rest of its list), or the topic
    /// carried from earlier segments.
    enum Holder {
        case mention(Int)
        case topic(Int)
    }

    /// The holder of a one-country cue and how surely the cue is about it.
    struct Attribution {
        var holder: Holder
        /// Found in the cue's own clause (or, in Chinese, marked there); otherwise reached through the
        /// sentence or the topic, and counted `distant_attribution` times.
        var isNear: Bool
    }

    /// Sets `targets` to the countries the cue moves: a relation's subject and object
    /// (`attributeRelation`, +Relations), else the holder of a one-country cue.
    mutating func attribute(
        _ cue: Cue, _ contribution: Contribution, topic: Int?, _ bytes: UnsafeBufferPointer<UInt8>
    ) {
        targets.removeAll(keepingCapacity: true)
        if cue.kind == .rel {
            attributeRelation(cue, contribution, topic: topic, bytes)
        } else if cue.isLatin, let recipient = recipient(cueEnd: cue.end, bytes) {
            addTarget(.mention(recipient), contribution.value, .nearest)
        } else if let attribution = holder(
            cueStart: cue.start, cueEnd: cue.end, isLatin: cue.isLatin, topic: topic, bytes)
        {
            // A cue reached only through the sentence or the topic, not its own clause, is less
            // surely about that country: it counts `distant_attribution` times.
            let factor = attribution.isNear ? 1 : lexicon.model.parameters.distantAttribution
            addTarget(attribution.holder, contribution.value * factor, attribution.isNear ? .nearest : .distant)
        }
    }

    /// The country a one-country cue is about, and whether it stands in the cue's own clause.
    /// English: the nearest mention before it in its clause, else the nearest after it in the clause
    /// when `of` leads to it ("the fragility of Europe's supply chains"), else the sentence's first
    /// mention before it (its subject: "U.S. attempts ..., MP's among them, are years away from matching
    /// what Lynas has running"), else the nearest after it in the clause ("concern in the U.S."), else
    /// the first after it.
    /// Chinese, where subjects are often dropped and a country after a verb is mostly its object: the
    /// nearest mention before it in its clause, else the nearest clause subject before it, else the
    /// first mention before it, else the topic carried from earlier segments, else the nearest
    /// mention after it in the clause, else the first after it.
    func holder(
        cueStart: Int, cueEnd: Int, isLatin: Bool, topic: Int?, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Attribution? {
        // A companion or a place (与欧盟, 在马来西亚, "in Malaysia") holds the cue only when nobody else can.
        holder(cueStart: cueStart, cueEnd: cueEnd, isLatin: isLatin, topic: topic, includingAsides: false, bytes)
            ?? holder(cueStart: cueStart, cueEnd: cueEnd, isLatin: isLatin, topic: nil, includingAsides: true, bytes)
    }

    private func holder(
        cueStart: Int, cueEnd: Int, isLatin: Bool, topic: Int?, includingAsides: Bool,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Attribution? {
        // What a scan over every mention found, read from the segment's tables (`SegmentIndex`):
        // mentions ending by the cue are the first `p`, those starting at or after its end from `q` on.
        let cueClause = Int32(clause(cueStart))
        let kind = includingAsides ? 1 : 0
        let p = SegmentIndex.count(mentions, endingBy: cueStart)
        let q = SegmentIndex.count(mentions, startingBelow: cueEnd)
        func index(_ i: Int32) -> Int? { i >= 0 ? Int(i) : nil }
        func inCueClause(_ i: Int32) -> Int? { i >= 0 && self.index.clause(Int(i)) == cueClause ? Int(i) : nil }
        let before = inCueClause(self.index.lastBefore(kind, p))
        let firstBefore = index(self.index.nextFrom(kind, 0)).flatMap { $0 < p ? $0 : nil }
        let nearestBefore = index(self.index.lastOpenBefore(kind, p))
        let firstAfter = index(self.index.nextFrom(kind, q))
        let after = inCueClause(self.index.nextFrom(kind, q))
        // The last object before the cue in its clause (objects are never eligible).
        let marked = inCueClause(self.index.lastObjectBefore(p))
        // English summaries open each sentence with its subject; Chinese clauses without a subject
        // continue the nearest clause subject before them (中国坚决不给稀土,美国人“被逼急了”,超级大国沦落到...),
        // or the topic of the previous sentences; a country after a Chinese cue is mostly its object.
        if let found = before { return Attribution(holder: .mention(found), isNear: true) }
        if isLatin, let found = after,
            ByteScan.contains(bytes, from: cueEnd, to: mentions[found].start, any: SegmentScorer.possessorWords)
        {
            return Attribution(holder: .mention(found), isNear: true)
        }
        if isLatin, let found = firstBefore { return Attribution(holder: .mention(found), isNear: false) }
        if isLatin, let found = after { return Attribution(holder: .mention(found), isNear: true) }
        // Chinese 对美国的缺口只是杯水车薪: a marked country earlier in the clause is nearer than the
        // sentence's subject (in English the clause's country after the cue has already been taken).
        if let marked, !isLatin { return Attribution(holder: .mention(marked), isNear: true) }
        if isLatin {
            if let found = firstBefore { return Attribution(holder: .mention(found), isNear: false) }
        } else {
            if let found = nearestBefore ?? firstBefore { return Attribution(holder: .mention(found), isNear: false) }
            if let topic { return Attribution(holder: .topic(topic), isNear: false) }
            if let after { return Attribution(holder: .mention(after), isNear: true) }
        }
        return firstAfter.map { Attribution(holder: .mention($0), isNear: false) }
    }

    /// `of` between a cue and the country after it names who holds the cue: "the fragility of the
    /// alliance between the U.S. and Europe", "the cost advantage of Chinese producers".
    static let possessorWords: [[UInt8]] = [Array(" of ".utf8)]
}
