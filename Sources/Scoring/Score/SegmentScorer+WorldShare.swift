extension SegmentScorer {
    /// A figure found in a clause: its value in percent and where it stands.
    private struct Figure {
        var percent: Double
        var start: Int
        var end: Int
        /// Followed by "of" ("90% of global refining"): an English share.
        var isFollowedByOf: Bool
    }

    /// The share a clause that names the world gives (90%, 90 per cent, ９０％, 九成, 9成), as the byte
    /// range of the figure, when it is at or above `share_min`. The last figure counts (份额从90%降至40%:
    /// 40%), and only a figure that reads as a share: in English one followed by "of" ("90% of global
    /// refining") or in a clause that says "share"; in Chinese one in a clause that says 占, 份额, 比重 or
    /// 来自 — so "prices jumped 80%" and 全球价格上涨八成 are no position.
    func worldShare(inClause k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let from = k == 0 ? 0 : clauseStarts[k - 1]
        let to = k < boundaries.count ? boundaries[k] : bytes.count
        var last: Figure?
        var i = from
        while i < to {
            guard ByteScan.digit(bytes, at: i, before: to) != nil else {
                // 九成: a Chinese numeral before 成.
                if bytes[i] >= 0xE4 && bytes[i] <= 0xE5, i + 6 <= to,
                    ByteScan.hasBytes(bytes, Vocabulary.cheng, startingAt: i + 3),
                    !SegmentScorer.chengIsAWord(bytes, at: i + 6, before: to),
                    let tenth = Vocabulary.chineseDigits.firstIndex(where: {
                        ByteScan.hasBytes(bytes, $0, startingAt: i)
                    })
                {
                    last = Figure(percent: Double(tenth + 1) * 10, start: i, end: i + 6, isFollowedByOf: false)
                    i += 6
                    continue
                }
                i += 1
                continue
            }
            // A number: digits (ASCII or full-width), an optional decimal part, then %, ％, 成 or "percent".
            let start = i
            var value = 0.0
            if i > from, ByteScan.digit(bytes, at: i - 1, before: to) != nil || bytes[i - 1] == 0x2E {
                i += 1
                continue
            }
            while let d = ByteScan.digit(bytes, at: i, before: to) {
                value = value * 10 + Double(d.value)
                i += d.width
            }
            if i + 1 < to && bytes[i] == 0x2E, ByteScan.digit(bytes, at: i + 1, before: to) != nil {
                var scale = 0.1
                i += 1
                while let d = ByteScan.digit(bytes, at: i, before: to) {
                    value += Double(d.value) * scale
                    scale /= 10
                    i += d.width
                }
            }
            var j = i
            while j < to && bytes[j] == 0x20 { j += 1 }
            var end: Int?
            if j < to && bytes[j] == 0x25 {
                end = j + 1
            } else if ByteScan.hasBytes(bytes, Vocabulary.fullWidthPercent, startingAt: j) && j + 3 <= to {
                end = j + 3
            } else if ByteScan.hasBytes(bytes, Vocabulary.cheng, startingAt: i) && i + 3 <= to
                && !SegmentScorer.chengIsAWord(bytes, at: i + 3, before: to)
            {
                value *= 10
                end = i + 3
            } else {
                for word in Vocabulary.percentWords where j + word.count <= to {
                    if ByteScan.hasBytes(bytes, word, endingAt: j + word.count, caseInsensitive: true),
                        j + word.count == to || !ByteScan.isWordByte(bytes[j + word.count])
                    {
                        end = j + word.count
                        break
                    }
                }
            }
            if let end {
                var k = end
                while k < to && bytes[k] == 0x20 { k += 1 }
                let of = Vocabulary.of
                let isFollowedByOf =
                    k + of.count <= to
                    && ByteScan.hasBytes(bytes, of, endingAt: k + of.count, caseInsensitive: true)
                    && (k + of.count == to || !ByteScan.isWordByte(bytes[k + of.count]))
                last = Figure(percent: value, start: start, end: end, isFollowedByOf: isFollowedByOf)
                i = end
            }
        }
        guard let last, last.percent >= lexicon.model.parameters.shareMin, last.percent <= 100 else { return nil }
        let isLatin = !(from..<to).contains { bytes[$0] >= 0xE0 }
        let saysShare =
            last.isFollowedByOf
            || ByteScan.contains(
                bytes, from: from, to: to, any: isLatin ? Vocabulary.shareWordsEN : Vocabulary.shareWordsZH)
        return saysShare ? last.start..<last.end : nil
    }

    /// 成 that begins a word rather than closing a figure: 成为, 成本, 成员, ..., and 八成会/八成是
    /// ("probably"); the words are `Vocabulary.chengWords`.
    static func chengIsAWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, before to: Int) -> Bool {
        guard i + 3 <= to else { return false }
        return Vocabulary.chengWords.contains { ByteScan.hasBytes(bytes, $0, startingAt: i) }
    }
}
