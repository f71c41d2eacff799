import Scoring

/// A unit that stance is judged in: the title, a heading, a bullet point or a sentence.
public struct Segment: Sendable, Equatable {
    public enum Field: String, Sendable { case title, body }

    public var kind: SegmentKind
    public var field: Field
    /// UTF-8 byte offsets of the segment in the original title or body.
    public var start: Int
    public var end: Int
    /// The cleaned text: citation marks and Markdown bold removed, line-wrap spaces inside Chinese
    /// words mended (`稀 缺` → `稀缺`).
    public var bytes: [UInt8]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
