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
    /// `subject`, `object` or `nearest`: how the cue was attributed.
    public var role: String
    /// 0-based segment index and kind.
    public var segment: Int
    public var segmentKind: SegmentKind
    /// The segment's text.
    public var segmentText: String
}
