extension SegmentScorer {
    /// Targets of a relation cue (依赖, 卡{X}脖子, "reliance on"): its subject takes the value, its
    /// object the opposite.
    mutating func attributeRelation(
        _ cue: Cue, _ contribution: Contribution, topic: Int?, _ bytes: UnsafeBufferPointer<UInt8>
    ) {
        let object = cue.objectMention ?? relationObject(cueStart: cue.start, cueEnd: cue.end, bytes)
        let subject =
            relationSubject(cueStart: cue.start, excluding: object, isLatin: cue.isLatin, topic: topic)
            ?? asideSubject(cueStart: cue.start, excluding: object)
            ?? (cue.isLatin ? frontedSubject(cueStart: cue.start, excluding: object) : nil)
        if let subject { addTarget(subject, contribution.value, .subject) }
        // 不依赖中国, "reduce reliance on China": the subject's need is denied or lessened; the
        // one depended on gains or loses nothing by it. Nor, in Chinese, when nobody is said to
        // depend (出口经营者应向商务部申请: a procedure); an English "reliance on China" with no
        // one named still says China is relied on.
        if let object, subject != nil || cue.isLatin, contribution.keepsSign {
            addTarget(.mention(object), -contribution.value, .object)
        }
    }

    /// The countries of the object's list (none without an object): never the relation's subject.
    func objectList(_ object: Int?) -> ArraySlice<Int> {
        object.map { index.groupCountries[index.groupRange[mentions[$0].group]] } ?? []
    }

    /// The subject of a relation: the nearest unmarked mention before the cue in its clause, else the
    /// sentence's first unmarked mention before it, else (Chinese) the carried topic. Mentions of the
    /// object's list are never the subject.
    private func relationSubject(cueStart: Int, excluding object: Int?, isLatin: Bool, topic: Int?) -> Holder? {
        let cueClause = Int32(clause(cueStart))
        let excluded = objectList(object)
        func isInObjectList(_ country: Int) -> Bool { excluded.contains(country) }
        func isCandidate(_ i: Int32) -> Bool { !isInObjectList(mentions[Int(i)].country) }
        let p = SegmentIndex.count(mentions, endingBy: cueStart)
        // Unmarked mentions before the cue (`SegmentIndex` kind 0), skipping those of the object's list;
        // a chain of them longer than `maximumSkips` ends the search (only a pathological list is that long).
        var inClause: Int?
        var i = index.lastBefore(0, p)
        var skips = 0
        while i >= 0 && index.clause(Int(i)) == cueClause && skips < Vocabulary.maximumSkips {
            if isCandidate(i) {
                inClause = Int(i)
                break
            }
            i = index.lastBefore(0, Int(i))
            skips += 1
        }
        var first: Int?
        i = index.nextFrom(0, 0)
        skips = 0
        while i >= 0 && Int(i) < p && skips < Vocabulary.maximumSkips {
            if isCandidate(i) {
                first = Int(i)
                break
            }
            i = index.nextFrom(0, Int(i) + 1)
            skips += 1
        }
        var nearest: Int?
        i = index.lastOpenBefore(0, p)
        skips = 0
        while i >= 0 && skips < Vocabulary.maximumSkips {
            if isCandidate(i) {
                nearest = Int(i)
                break
            }
            i = index.lastOpenBefore(0, Int(i))
            skips += 1
        }
        if let found = inClause ?? (isLatin ? first : nearest ?? first) { return .mention(found) }
        if !isLatin, let topic, !isInObjectList(topic) { return .topic(topic) }
        return nil
    }

    /// The object of a relation: a marked mention in the cue's clause, else the nearest mention after
    /// the cue in the same clause.
    private func relationObject(cueStart: Int, cueEnd: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let cueClause = Int32(clause(cueStart))
        // The last object ending by the cue in its clause, else the clause's first object.
        let p = SegmentIndex.count(mentions, endingBy: cueStart)
        let lastObject = index.lastObjectBefore(p)
        if lastObject >= 0 && index.clause(Int(lastObject)) == cueClause { return Int(lastObject) }
        let clauseStart = SegmentIndex.partition(mentions.count) { index.clause($0) < cueClause }
        let firstObject = index.nextObjectFrom(clauseStart)
        if firstObject >= 0 && index.clause(Int(firstObject)) == cueClause { return Int(firstObject) }
        // A compared country (依赖程度比美国的80%还高, "more than the US") is no object.
        let q = SegmentIndex.count(mentions, startingBelow: cueEnd)
        if q < mentions.count && index.clause(q) == cueClause && !isCompared(mentions[q], bytes) { return q }
        return nil
    }

    /// A `{X}` phrase found in the text: its country, where its closing text ends, and which cue it is.
    struct SlotMatch {
        /// The mention standing for `{X}`: the relation's object.
        var mention: Int
        /// The end of the closing text.
        var end: Int
        /// The cue whose closing text matched.
        var cue: Int
    }

    /// For `卡{X}脖子`: the mention right after the opening text, and the end of the closing text when
    /// it starts within `slotClosingReach` bytes after the mention (向中国商务部提交: 商务部 may stand
    /// between). Several cues may share the opening (向{X}提交, 向{X}申请): the nearest closing text decides.
    func slotObject(after index: Int, cue: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> SlotMatch? {
        let open = tokens[index]
        let m = SegmentIndex.count(mentions, startingBelow: open.end)
        guard m < mentions.count, mentions[m].start == open.end, let alternatives = lexicon.slotClosings[cue] else {
            return nil
        }
        let from = mentions[m].end
        let limit = min(bytes.count, from + Vocabulary.slotClosingReach)
        var at = from
        while at < limit {
            for alternative in alternatives {
                for closing in alternative.closings where ByteScan.hasBytes(bytes, closing, startingAt: at) {
                    return SlotMatch(mention: m, end: at + closing.count, cue: alternative.cue)
                }
            }
            at += 1
        }
        return nil
    }
}
