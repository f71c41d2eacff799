import Foundation

/// The lexicon model: countries, stance cues, modifiers and parameters, as read from `Models/`.
///
/// A value type so it can be shared read-only by every worker thread; the matcher compiled from it
/// (`Lexicon`) is what scoring uses.
public struct Model: Sendable {
    /// How a country form is used in text.
    public enum FormKind: String, Sendable, CaseIterable {
        case name, capital, leader, body, firm, demonym, slang, bare
        /// A place inside the country that stands for it in rare-earth news (Kachin, Kuantan, Mountain
        /// Pass): scored like a name.
        case place
    }

    public struct CountryForm: Sendable, Equatable {
        public var code: String
        public var kind: FormKind
        public var form: String
        public var caseSensitive: Bool
        public var source: Source
    }

    public enum CueKind: String, Sendable {
        /// About one country: the nearest one named.
        case cue
        /// Between two countries: `weight` to the subject, `-weight` to the object.
        case rel
        /// Moves the article's tone only (shares fell, 涨停): market colour, not a country's position.
        case tone
    }

    public struct Cue: Sendable, Equatable {
        public var term: String
        public var weight: Double
        public var kind: CueKind
        public var source: Source
    }

    public enum ModifierType: String, Sendable, CaseIterable {
        case negator, intensifier, diminisher, contrast, concessive, question, irony
        /// Lessens what follows (降低, reduce, ease): a weakness lessened reads as a gain (降低对华依赖
        /// is mildly favorable), a strength lessened as a smaller strength.
        case reducer
        /// A reducer that takes no object (降至, 下降, 缓解), so it may also stand after a Chinese cue:
        /// 对华依赖降至六成, 短缺有所缓解. (降低 after a cue acts on something else: 短缺降低了产能.)
        case lessening
        /// A phrase that holds a modifier but means none (不仅, 不断, 策略, not only): it only hides it.
        case blocker
        /// A verb that ends the reach of modifiers before it (难以摆脱对华依赖: 难以 negates 摆脱, not 依赖).
        case barrier
        /// Makes a share in its clause a share of the world (全球, global): "China accounts for 90% of
        /// global refining" is a position, "10% of demand" is not (params.tsv: share_min, share_weight).
        case scope
        /// Marks a cue after it in its clause as the past (in the past, 过去, 曾经, 一度): it counts `factor`
        /// times, since the present state decides a position.
        case past
        /// An aim (efforts to, seeks to, 力图, 寻求) just before a reducer: "efforts to reduce its reliance
        /// on China" states the reliance, so the reducer does not act. Before a strength it makes the
        /// strength a goal ("seeks to secure supply"), which counts `factor` times.
        case intent
    }

    public struct Modifier: Sendable, Equatable {
        public var term: String
        public var type: ModifierType
        public var factor: Double
        public var source: Source
    }

    public struct Affix: Sendable, Equatable {
        public var text: String
        /// What the prefix marks the country after it as (the `role` column of `pairing.tsv`).
        public var mark: Mark

        /// What a prefix says of the country after it. Not to be confused with `Evidence.Role`, how a
        /// cue reached a country.
        public enum Mark: String, Sendable {
            /// Nothing beyond completing a pairing (赴美, 涉俄).
            case plain
            /// The object of what follows (对华依赖: 华 is depended upon).
            case object
            /// A companion, not the subject (与欧盟的谈判, "a deal with Australia").
            case aside
        }
    }

    /// What may stand between two country names that are read as one list (美国和日本, "Vietnam,
    /// India and Australia"), so that a cue about the list reaches each of its members.
    public struct Join: Sendable, Equatable {
        public var text: String
        /// A `series` join (the English comma) joins only when the list is closed by a `list` join
        /// ("A, B and C"); alone it separates ("In China, the US ...").
        public var isSeries: Bool
    }

    /// Where an entry was read, so evidence and errors can point back to the model file.
    public struct Source: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var description: String { "\(file):\(line)" }
    }

    /// The numbers that turn contributions into scores and labels.
    public struct Parameters: Sendable, Equatable {
        public var favorable = 0.15
        public var unfavorable = -0.15
        public var toneFavorable = 0.15
        public var toneUnfavorable = -0.15
        public var titleWeight = 2.0
        public var scale = 1.5
        public var contrastAfter = 1.5
        /// Factor for a quoted cue inside a question (a mocked claim): negative, it flips.
        public var quotedQuestion = -0.5
        /// Segments added to the count a country's sum is averaged over, so one weak cue in one
        /// sentence does not make a strong score.
        public var priorSegments = 0.0
        /// Factor for a cue attributed outside its own clause (the sentence's subject, the carried topic).
        public var distantAttribution = 1.0
        /// A share of the world at or above this percentage reads as a strong position ...
        public var shareMin = 50.0
        /// ... worth this weight, attributed like a cue.
        public var shareWeight = 2.0
        public var negationWindowCJK = 4
        public var negationWindowWords = 3
        public var intensifierWindowCJK = 2
        public var intensifierWindowWords = 2
        public init() {}
    }

    public var name: String
    public var version: String
    public var directory: String
    public var countries: [CountryForm]
    public var falseFriends: [String]
    public var prefixes: [Affix]
    public var suffixes: [Affix]
    public var joins: [Join] = []
    public var cues: [Cue]
    public var modifiers: [Modifier]
    /// Traditional character → simplified character, both one Unicode scalar of the same UTF-8 length.
    public var variants: [(traditional: String, simplified: String)]
    /// Any outlet name → its canonical name.
    public var outlets: [String: String]
    public var parameters: Parameters
    /// The fitted decision layer (`decision.tsv`), when the model has one: it then labels every country.
    public var decision: DecisionModel? = nil
    /// The general sentiment layer (tone_en.tsv, tone_zh.tsv, tone_rules.tsv): empty when absent.
    public var tone = ToneModel()

    /// `name@version`, written on every output row.
    public var identifier: String { "\(name)@\(version)" }

    /// Every country code the model knows.
    public var countryCodes: Set<String> { Set(countries.map(\.code)) }

    /// Maps an outlet as written in an export to the one name it is counted under.
    public func canonicalOutlet(_ outlet: String) -> String {
        let trimmed = outlet.trimmingCharacters(in: .whitespaces)
        if let canonical = outlets[trimmed] { return canonical }
        if let canonical = outlets[trimmed.lowercased()] { return canonical }
        return trimmed
    }
}
