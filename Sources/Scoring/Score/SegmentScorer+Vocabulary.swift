extension SegmentScorer {
    /// The fixed words and byte limits the rules use, each named once here so a rule and the model
    /// loader that checks against it can never disagree (`Model+Loading` reads `maximumJoinLength`).
    ///
    /// Words a user is meant to tune (cues, modifiers, joins, prefixes) live in `Models/`; these are the
    /// grammar the rules are written for: changing one changes what a rule means, so it comes with a
    /// test (Documentation/Development.md).
    enum Vocabulary {
        // MARK: World shares (+WorldShare)

        /// 成 after a numeral: tenths (九成, 9成 = 90%).
        static let cheng: [UInt8] = Array("成".utf8)

        /// What can follow 成 so that it begins a word rather than closing a figure: 成为, 成本, 成员, 成立,
        /// 成功, 成长, 成熟, 成交, 成绩, 成果, and 八成会/八成是/八成要/八成就 ("probably").
        static let chengWords: [[UInt8]] = ["为", "本", "员", "立", "功", "长", "熟", "交", "会", "是", "要", "就", "绩", "果"]
            .map { Array($0.utf8) }

        /// 一 … 十, whose position + 1 is the number of tenths before 成.
        static let chineseDigits: [[UInt8]] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].map {
            Array($0.utf8)
        }

        /// The full-width percent sign ％.
        static let fullWidthPercent: [UInt8] = Array("％".utf8)

        /// English words for %, after a number ("90 per cent").
        static let percentWords: [[UInt8]] = ["per cent", "percent"].map { Array($0.utf8) }

        /// "of" after a figure makes it a share in English ("90% of global refining").
        static let of: [UInt8] = Array("of".utf8)

        /// Words that make an English clause's figure a share.
        static let shareWordsEN: [[UInt8]] = ["share"].map { Array($0.utf8) }

        /// Words that make a Chinese clause's figure a share.
        static let shareWordsZH: [[UInt8]] = ["占", "份额", "比重", "来自"].map { Array($0.utf8) }

        // MARK: Mentions and lists (+Mentions)

        /// How many bytes may stand between two names of one list, spaces included.
        static let maximumListGap = 16

        /// The longest join `pairing.tsv` may give: the list gap less a space on each side (" and ").
        static let maximumJoinLength = maximumListGap - 2

        /// The English article skipped before a name ("from the US") and taken into the next name of a
        /// list ("the US and the EU").
        static let the: [UInt8] = Array("the".utf8)

        /// 的 between a name and a comparison word (中国的相比).
        static let de: [UInt8] = Array("的".utf8)

        /// Words right after a name that make the names before it two sides of a comparison (中国与美国相比).
        static let comparisonWords: [[UInt8]] = ["相比", "相较", "比较"].map { Array($0.utf8) }

        /// English words before a name and what they mark it as: on/upon/from an object ("reliance on
        /// China"); with/unlike/than a companion and in a place ("a deal with Australia", "in Malaysia").
        static let englishMarkWords: [(word: String, mark: Model.Affix.Mark)] = [
            ("on", .object), ("upon", .object), ("from", .object),
            ("in", .aside), ("with", .aside), ("than", .aside), ("unlike", .aside),
        ]

        /// `englishMarkWords` as the scan compares them: each word's letters packed into one integer
        /// (`ByteScan.packedLowercase`), so that a name's word before it costs one comparison a word.
        static let englishMarkKeys: [(key: UInt64, mark: Model.Affix.Mark)] = englishMarkWords.map {
            (ByteScan.packedLowercase(Array($0.word.utf8)), $0.mark)
        }

        /// `the`, packed like `englishMarkKeys`.
        static let theKey = ByteScan.packedLowercase(the)

        /// How many letters back the word before a name is looked for: longer than any English mark word.
        static let markWordReach = 8

        // MARK: Clauses (+Clauses)

        /// How many bytes may open a clause before its subject: a space, a quotation mark, or one CJK
        /// character such as 在 or 而.
        static let clauseOpeningReach = 3

        // MARK: Relations (+Relations)

        /// How many bytes after the country of a `{X}` phrase its closing text may start (向中国商务部提交:
        /// 商务部 stands between).
        static let slotClosingReach = 15

        /// How many bytes may open the clause after a fronted English phrase before its subject: a
        /// space and "the " ("Heavily dependent on China, the U.S. and EU are ...").
        static let frontedSubjectReach = 5

        /// The words before a compared country, which is never a relation's object (依赖程度比美国还高,
        /// "more reliant than the US"): 比 and 较 are `aside` prefixes in pairing.tsv.
        static let comparedPrefixes: [[UInt8]] = ["比", "较"].map { Array($0.utf8) }
        static let than: [UInt8] = Array("than".utf8)
        static let thanKey = ByteScan.packedLowercase(than)

        /// How many mentions of a relation's object list the subject search steps over before it
        /// gives up: a bound on a pathological segment (a list repeated thousands of times), far
        /// above any real sentence.
        static let maximumSkips = 256

        /// How far back a modifier is looked for, in bytes per unit of its window (plus a margin):
        /// the window counts characters or words, and no real word is 24 bytes long; the bound keeps
        /// a cue's search short in a segment of megabytes.
        static let modifierBytesPerUnit = 24
        static let modifierReachMargin = 32

        /// How many tokens back from a cue a `past` marker is looked for (its clause ends the search
        /// sooner in any real sentence, which holds a few dozen tokens).
        static let pastMarkerReach = 256
    }
}
