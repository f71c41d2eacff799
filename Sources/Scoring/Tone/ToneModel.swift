/// The general sentiment layer of the model: graded words of English and Chinese, the rules that
/// change them in a sentence, and the numbers that turn a sentence's sum into a score.
///
/// Read from `tone_en.tsv`, `tone_zh.tsv` and `tone_rules.tsv` (Documentation/Tone.md). It is kept
/// apart from the stance cues so that the tone of an article can read any news without moving any
/// country's stance.
public struct ToneModel: Sendable {
    /// A word or phrase with its valence, −4 (very negative) … +4 (very positive).
    public struct Word: Sendable, Equatable {
        public var term: String
        public var valence: Double
        public var source: Model.Source
        /// Set when the word is also a `decrease` (下降, 回落) or an `increase` (上升, 扩大): the factor it
        /// gives the tone word before it in its clause (投诉下降 reads positive, 增长放缓 negative, 失业率
        /// 上升 more negative than 失业 alone).
        public var lowers: Double? = nil
        /// Set when the word is also a `reverser` (缺乏, 失去, 摆脱) or a `raiser` (上调, 扩大): the factor
        /// it gives the tone word after it in its clause (缺乏支撑 reads negative, 摆脱困境 positive,
        /// 上调物业费 more negative than 物业费 alone).
        public var reverses: Double? = nil
    }

    /// How a rule word changes the words around it.
    public enum RuleType: String, Sendable, CaseIterable {
        /// Flips and damps a word after it, within the negation window and its clause (not, 不, 未).
        case negator
        /// Scales the word right after it (very, 非常).
        case intensifier
        /// Scales the word right after it down (slightly, 略).
        case diminisher
        /// What follows in the sentence weighs `contrast_after`, what precedes `contrast_before` (but, 但是).
        case contrast
        /// Damps its own clause (although, 虽然): the concession is not the point.
        case concessive
        /// Marks a question (吗, 难道); a sentence ending in `?` is one too.
        case question
        /// Holds a rule word but means none (不断, 不仅, "not only", "no doubt"): it only hides it.
        case blocker
        /// A word that holds a tone or rule word but is neither (战略 holds 略, 负责人 holds 负责, 避险
        /// holds the 险 of 险情 in 避险情绪): matched whole so the inner word is never read; unlike a
        /// blocker it stops no rule.
        case neutral
        /// A tone word that lowers the thing named before it: after another tone word in its clause,
        /// within the negation window, it multiplies that word by its factor and counts nothing itself
        /// (投诉量下降 reads positive, 增长放缓 negative); alone it keeps its own valence. The term
        /// must also be in a word file.
        case decrease
        /// A tone word that turns the thing named after it: before another tone word in its clause,
        /// within the negation window, it multiplies that word by its factor and counts nothing itself
        /// (缺乏支撑 reads negative, 摆脱困境 positive); alone it keeps its own valence. The term must
        /// also be in a word file.
        case reverser
        /// A tone word that raises the thing named before it, as a decrease lowers it: after another
        /// tone word in its clause it multiplies that word by its factor (above 1) and counts nothing
        /// itself (失业率上升 and 亏损扩大 read negative, not as a rise); alone (出口增长) it keeps its
        /// own valence. The term must also be in a word file.
        case increase
        /// A transitive rise (上调, 提高, 扩大): before another tone word in its clause, within the negation
        /// window, it multiplies that word by its factor (above 1) and counts nothing itself, as a
        /// reverser does with a negative factor (上调物业费 reads negative, 提高养老金 positive); alone it
        /// keeps its own valence. The term must also be in a word file.
        case raiser
        /// A bound Chinese morpheme that changes only a one-character tone word written right after it,
        /// with nothing in between: the character backoff for compounds the lexicon lacks. A factor
        /// above 0 scales the head (暴 1.5: 暴亏 reads more negative than 亏), below 0 turns it (止 −0.6:
        /// 止跌 and 扭亏 read positive); anywhere else it does nothing.
        case prefix
    }

    public struct Rule: Sendable, Equatable {
        public var term: String
        public var type: RuleType
        public var factor: Double
        public var source: Model.Source
    }

    /// The numbers of the sentence and article score (`tone_rules.tsv`, type `parameter`).
    public struct Parameters: Sendable, Equatable {
        /// Sentence score = x / √(x² + alpha): alpha is the sum at which a sentence scores 0.71.
        public var alpha = 6.0
        /// Words a negator reaches forward in English, characters in Chinese.
        public var negationWindowWords = 3
        public var negationWindowCJK = 4
        /// The same for intensifiers and diminishers.
        public var intensifierWindowWords = 1
        public var intensifierWindowCJK = 2
        public var contrastBefore = 0.5
        public var contrastAfter = 1.5
        /// Factor for a sentence that asks.
        public var question = 0.7
        /// Factor for a positive word inside quotation marks (“” 「」 『』): in Chinese commentary scare
        /// quotes mostly mock what they hold (股东们可真是“感激不尽”); 1 leaves quoted words alone.
        public var quotedPositive = 1.0
        /// The longest quotation, in characters (three bytes each), that `quotedPositive` reads as scare
        /// quotes; a longer one is reported speech (「我們對明年抱有信心」) and keeps its tone. 0: any length.
        public var scareQuoteCJK = 0
        /// Added to the sum, in its direction, per `!` (at most three).
        public var exclamation = 0.3
        /// Added to a word, in its direction, written in capitals in a sentence that is not.
        public var capitals = 0.7
        /// Factor for the rare-earth market colour of `cues.tsv` (every cue's tone contribution).
        public var domain = 0.5
        /// How much a sentence with no tone word dilutes the article's mean (1: like any other).
        public var neutralSentence = 0.3
        /// Half-width of the article-tone neutral band per language (`neutral_band_zh`): a tone strictly
        /// inside ±width is neutral. Chinese sentences score lower than English ones for the same
        /// strength (fewer words match), so one band does not fit both; a language without a row uses
        /// params.tsv `tone_unfavorable` … `tone_favorable`.
        public var neutralBands: [String: Double] = [:]
        public init() {}
    }

    public var words: [Word] = []
    /// Traditional → simplified characters read only by the tone layer (tone_variants.tsv).
    public var variants: [(traditional: String, simplified: String)] = []
    public var rules: [Rule] = []
    public var parameters = Parameters()

    public init() {}
}
