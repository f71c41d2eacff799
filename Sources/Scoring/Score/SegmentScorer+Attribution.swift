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
    mutating func attribute(_ cue: Cue, _ contribution: Contribution, topic: Int?) {
        targets.removeAll(keepingCapacity: true)
        if cue.kind == .rel {
            attributeRelation(cue, contribution, topic: topic)
        } else if let attribution = holder(cueStart: cue.start, cueEnd: cue.end, isLatin: cue.isLatin, topic: topic) {
            // A cue reached only through the sentence or the topic, not its own clause, is less
            // surely about that country: it counts `distant_attribution` times.
            let factor = attribution.isNear ? 1 : lexicon.model.parameters.distantAttribution
            addTarget(attribution.holder, contribution.value * factor, attribution.isNear ? .nearest : .distant)
        }
    }

    /// The country a one-country cue is about, and whether it stands in the cue's own clause.
    /// English: the nearest mention before it in its clause, else the nearest after it in the clause
    /// ("concern in the U.S."), else the sentence's first mention before it, else the first after it.
    /// Chinese, where subjects are often dropped and a country after a verb is mostly its object: the
    /// nearest mention before it in its clause, else the nearest clause subject before it, else the
    /// first mention before it, else the topic carried from earlier segments, else the nearest
    /// mention after it in the clause, else the first after it.
    func holder(cueStart: Int, cueEnd: Int, isLatin: Bool, topic: Int?) -> Attribution? {
        // A companion or a place (与欧盟, 在马来西亚, "in Malaysia") holds the cue only when nobody else can.
        holder(cueStart: cueStart, cueEnd: cueEnd, isLatin: isLatin, topic: topic, includingAsides: false)
            ?? holder(cueStart: cueStart, cueEnd: cueEnd, isLatin: isLatin, topic: nil, includingAsides: true)
    }

    private func holder(cueStart: Int, cueEnd: Int, isLatin: Bool, topic: Int?, includingAsides: Bool)
        -> Attribution?
    {
        let cueClause = clause(cueStart)
        var before: Int?
        var after: Int?
        var firstBefore: Int?
        var nearestBefore: Int?
        var firstAfter: Int?
        var marked: Int?
        for (i, m) in mentions.enumerated() {
            guard !m.isObject && (includingAsides || !m.isAside) else {
                if m.isObject && m.end <= cueStart && clause(m.start) == cueClause { marked = i }
                continue
            }
            if m.end <= cueStart {
                if firstBefore == nil { firstBefore = i }
                if opensClause(m) { nearestBefore = i }
                if clause(m.start) == cueClause { before = i }
            } else if m.start >= cueEnd {
                if firstAfter == nil { firstAfter = i }
                if after == nil && clause(m.start) == cueClause { after = i }
            }
        }
        // English summaries open each sentence with its subject; Chinese clauses without a subject
        // continue the nearest clause subject before them (中国坚决不给稀土,美国人“被逼急了”,超级大国沦落到...),
        // or the topic of the previous sentences; a country after a Chinese cue is mostly its object.
        if let found = before ?? (isLatin ? after : nil) { return Attribution(holder: .mention(found), isNear: true) }
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
}
