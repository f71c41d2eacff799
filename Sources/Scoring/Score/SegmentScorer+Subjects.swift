extension SegmentScorer {
    /// A relation's subject when no plain mention can be: a place that opens the cue's clause
    /// (在欧美急于降低倚赖中国稀土的同时: 在 opens a "while" clause whose subject is 欧美), or the
    /// segment's opening place just before it ("In Japan, reliance on China is high"). A companion
    /// inside the clause ("an agreement with Saudi Arabian Mining aimed at reducing reliance on China")
    /// is not the one relying. Mentions of the object's list are never the subject.
    func asideSubject(cueStart: Int, excluding object: Int?) -> Holder? {
        let cueClause = clause(cueStart)
        let excluded = objectList(object)
        var i = SegmentIndex.count(mentions, endingBy: cueStart) - 1
        // The cue's own clause, and the segment's opening place when the cue is in the clause right
        // after it ("In Japan, reliance on China is high").
        while i >= 0 {
            let m = mentions[i]
            let k = clause(m.start)
            guard k == cueClause || (k == 0 && cueClause == 1) else { return nil }
            if m.isAside && !excluded.contains(m.country) && opensClause(m) { return .mention(i) }
            i -= 1
        }
        return nil
    }

    /// The subject of an English relation in a phrase that opens the sentence and describes what
    /// follows it: "Heavily dependent on China, the U.S. and EU are trying to diversify" — the
    /// relation is the U.S.'s and the EU's, named at the start of the next clause.
    func frontedSubject(cueStart: Int, excluding object: Int?) -> Holder? {
        guard clause(cueStart) == 0, let next = clauseStarts.first else { return nil }
        let excluded = objectList(object)
        let q = SegmentIndex.count(mentions, startingBelow: next)
        guard q < mentions.count, clause(mentions[q].start) == 1 else { return nil }
        let m = mentions[q]
        guard !m.isObject, !m.isAside, !excluded.contains(m.country),
            m.start - next <= Vocabulary.frontedSubjectReach
        else { return nil }
        return .mention(q)
    }

    /// Whether a mention is the standard of a comparison: right after 比 or 较, or after English "than".
    func isCompared(_ m: Mention, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard m.isAside else { return false }
        if m.start > 0 && bytes[m.start - 1] >= 0x80 {
            return Vocabulary.comparedPrefixes.contains { ByteScan.hasBytes(bytes, $0, endingAt: m.start) }
        }
        let word = SegmentScorer.wordBefore(bytes, name: m.start)
        return word.count == Vocabulary.than.count
            && ByteScan.packedLowercase(bytes, word.start, word.count) == Vocabulary.thanKey
    }
}
