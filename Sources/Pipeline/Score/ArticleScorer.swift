import Scoring

/// Scores articles one after another: segment, score each segment, finish the sums.
///
/// Not shared between threads: each worker owns one (scratch buffers inside), built from the same
/// read-only `Lexicon`.
public struct ArticleScorer: Sendable {
    public let lexicon: Lexicon
    public let explain: Bool
    /// Keep each segment's tone and text (`score --by sentence`).
    public let sentences: Bool
    private var segmentScorer: SegmentScorer
    private var toneScorer: ToneScorer
    private var accumulator: StanceAccumulator
    private let segmenter = Segmenter()
    /// The current article's segments, refilled for each article (no allocation once grown).
    private var segments = SegmentList()
    /// Outlet as written → canonical name: the same few outlets come again and again, and the lookup
    /// trims and lower-cases. Bounded, so odd inputs cannot grow it without limit.
    private var outlets: [String: String] = [:]

    public init(lexicon: Lexicon, explain: Bool = false, sentences: Bool = false) {
        self.lexicon = lexicon
        self.explain = explain
        self.sentences = sentences
        segmentScorer = SegmentScorer(lexicon: lexicon)
        toneScorer = ToneScorer(lexicon: lexicon.tone)
        accumulator = StanceAccumulator(countryCount: lexicon.codes.count, explain: explain)
    }

    public mutating func score(_ article: Article) -> ScoredArticle {
        accumulator.reset()
        // Taken out while scoring, so the segments are read while the scorer and sums are written.
        var list = SegmentList()
        swap(&list, &segments)
        segmenter.segments(title: article.title, body: article.body, into: &list)
        accumulator.segmentCount = list.count
        var tone = ToneAggregate()
        var sentenceTones: [SentenceTone] = []
        var toneEvidence: [Evidence]? = explain ? [] : nil
        let p = lexicon.model.parameters
        for index in 0..<list.count {
            let kind = list.items[index].kind
            accumulator.segment = index
            accumulator.segmentKind = kind
            let weight = kind == .title ? p.titleWeight : 1
            list.withBytes(index) { bytes in
                // The market colour of the stance cues in this segment, before its title weight.
                let before = accumulator.toneSum
                segmentScorer.score(bytes, kind: kind, segment: index, into: &accumulator)
                let domain = (accumulator.toneSum - before) / weight
                // The stance walk found the Latin tone words too: the tone scorer need not look again.
                let latinTokens = lexicon.findsLatinToneTokens ? segmentScorer.toneTokens : nil
                var sentence = toneScorer.score(
                    bytes, kind: kind, segment: index, domain: domain, evidence: &toneEvidence,
                    latinTokens: latinTokens)
                tone.add(sentence, weight: weight, parameters: lexicon.tone.model.parameters)
                if sentences || explain {
                    sentence.text = String(decoding: bytes, as: UTF8.self)
                    sentenceTones.append(sentence)
                }
            }
        }
        swap(&list, &segments)
        var stance = accumulator.finish(lexicon: lexicon, articleTone: tone.value)
        stance.tone = tone.value
        let language = ArticleScorer.language(of: article.body)
        // Each language has its own neutral band (tone_rules.tsv neutral_band_<language>).
        stance.toneLabel = lexicon.model.toneLabel(tone.value, language: language)
        return ScoredArticle(
            article: article, language: language,
            outlet: article.outlet.map { canonicalOutlet($0) }, stance: stance, sentences: sentenceTones,
            toneEvidence: toneEvidence ?? [])
    }

    /// The decision layer's features of each country of the article just scored, in the order of
    /// `stance.countries`: what `stance tune` fits on.
    public func decisionFeatures(_ stance: ArticleStance) -> [[Double]] {
        accumulator.decisionFeatures(stance.countries, tone: stance.tone, codes: lexicon.codes)
    }

    private mutating func canonicalOutlet(_ outlet: String) -> String {
        if let known = outlets[outlet] { return known }
        let canonical = lexicon.model.canonicalOutlet(outlet)
        if outlets.count >= 4096 { outlets.removeAll(keepingCapacity: true) }
        outlets[outlet] = canonical
        return canonical
    }

    /// Byte → bit flags: 1 for the lead byte of a CJK ideograph (E4..E9), 2 for an ASCII letter, 4 for
    /// a continuation byte (which neither starts nor ends a word); 0 for anything else (ends a word).
    static let languageClass: [UInt8] = (0..<256).map { (value: Int) -> UInt8 in
        let b = UInt8(value)
        if b >= 0xE4 && b <= 0xE9 { return 1 }
        if ByteScan.isLetter(b) { return 2 }
        return b >= 0x80 && b < 0xC0 ? 4 : 0
    }

    /// The number of bytes of `mask` whose high bit is set (all other bits clear).
    @inline(__always)
    static func countHighBits(_ mask: UInt64) -> Int {
        Int(((mask &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// `zh` when CJK characters dominate the body, `en` when Latin words do, else `mixed`.
    public static func language(of text: String) -> String {
        Segmenter.withUTF8(text) { language(ofUTF8: $0) }
    }

    static func language(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var cjk = 0, words = 0, inWord = 0
        var i = 0
        if let p = bytes.baseAddress {
            // Eight bytes at a time (SWAR). In valid UTF-8 (a `String` always is) a continuation byte
            // follows a lead byte, which ends a word, so "in a word" after a byte is simply "that byte
            // is a letter", and a word starts at each letter after a non-letter.
            let high: UInt64 = 0x8080_8080_8080_8080
            var lastLetters: UInt64 = 0
            while i &+ 8 <= bytes.count {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                // Letters: ASCII (high bit clear) and, lower-cased, within 0x61...0x7A.
                let x = (v | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
                let letters = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & ~v & high
                let starts = letters & ~((letters &<< 8) | (lastLetters &>> 56))
                // CJK lead bytes E4...E9: `v ^ E0` within 4...9 with the high bit clear.
                let y = v ^ 0xE0E0_E0E0_E0E0_E0E0
                let y7 = y & 0x7F7F_7F7F_7F7F_7F7F
                let ideographs = (y7 &+ 0x7C7C_7C7C_7C7C_7C7C) & ~(y7 &+ 0x7676_7676_7676_7676) & ~y & high
                words &+= ArticleScorer.countHighBits(starts)
                cjk &+= ArticleScorer.countHighBits(ideographs)
                lastLetters = letters
                i &+= 8
            }
            inWord = lastLetters &>> 63 == 1 ? 1 : 0
        }
        languageClass.withUnsafeBufferPointer { table in
            // Arithmetic, no branches: mixed Chinese and Latin text would mispredict a test per byte.
            for b in UnsafeBufferPointer(rebasing: bytes[i...]) {
                let c = Int(table[Int(b)])
                let letter = (c &>> 1) & 1
                cjk &+= c & 1
                words &+= letter & (inWord ^ 1)
                inWord = letter | ((c &>> 2) & inWord)
            }
        }
        // A Chinese character carries about as much as an English word does... at a ratio of ~1.5.
        let zh = Double(cjk) / 1.5
        let total = zh + Double(words)
        guard total > 0 else { return "mixed" }
        let share = zh / total
        return share >= 0.8 ? "zh" : share <= 0.2 ? "en" : "mixed"
    }
}
