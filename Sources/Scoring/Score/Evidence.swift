/// One contribution to a country's score, kept so a reader can trace a figure back to the words.
public struct Evidence: Sendable, Equatable, Codable {
    /// The text matched in the segment.
    public var matched: String
    /// The lexicon entry, as written in the model.
    public var entry: String
    /// Where the entry is defined (`cues.tsv:42`).
    public var source: String
    /// The entry's weight before modifiers.
    public var weight: Double
    /// Modifiers applied, each as `term×factor` or `title×2`.
    public var modifiers: [String]
    /// The signed value added to the country's sum.
    public var value: Double
    /// How the cue reached the country.
    public var role: Role
    /// 0-based segment index and kind.
    public var segment: Int
    public var segmentKind: SegmentKind
    /// The segment's text.
    public var segmentText: String

    /// How a cue reached a country; the raw value is what `--explain` and the JSON output print.
    public enum Role: String, Sendable, Equatable, Codable {
        /// The one who holds, lacks or depends in a relation (美国 in 美国依赖中国).
        case subject
        /// The one depended on, blocked or supplied in a relation (中国 in 美国依赖中国): it gets the
        /// opposite sign.
        case object
        /// The holder of a one-country cue, named in the cue's own clause.
        case nearest
        /// The holder of a one-country cue reached only through the sentence or the carried topic;
        /// the value counts `distant_attribution` times.
        case distant
        /// A word of the general sentiment layer (tone_en.tsv, tone_zh.tsv, cues.tsv's market colour): it
        /// counts toward the article's tone, not a country.
        case tone
    }
}
