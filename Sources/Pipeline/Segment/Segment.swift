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

/// The segments of one article in reusable storage: the cleaned bytes of every segment back to back
/// in one buffer, and where each segment stands. A scorer keeps one and refills it for each article,
/// so segmenting allocates nothing once the buffers have grown to the largest article seen.
public struct SegmentList: Sendable {
    public struct Item: Sendable, Equatable {
        public var kind: SegmentKind
        public var field: Segment.Field
        /// UTF-8 byte offsets of the segment in the original title or body.
        public var start: Int
        public var end: Int
        /// Where the cleaned bytes stand in the shared buffer.
        var textStart: Int
        var textEnd: Int
    }

    public private(set) var items: [Item] = []
    /// Cleaned bytes of every segment; only the first `used` are meaningful, the rest is room.
    private var text: [UInt8] = []
    private var used = 0

    public init() {}

    public var count: Int { items.count }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        used = 0
    }

    /// Cleans `source` (`Segmenter.clean`) into the buffer and records it, unless it comes out empty
    /// or, with `requireText`, holds nothing but spaces, dashes and asterisks.
    mutating func append(
        kind: SegmentKind, field: Segment.Field, start: Int, end: Int,
        cleaning source: UnsafeBufferPointer<UInt8>, requireText: Bool
    ) {
        guard !source.isEmpty else { return }
        let from = used
        let need = from + source.count
        if text.count < need { text.append(contentsOf: repeatElement(0, count: max(need - text.count, text.count))) }
        let length = text.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            let out = base + from
            let length = Segmenter.clean(source, into: out)
            if requireText {
                for k in 0..<length where out[k] > 0x20 && out[k] != 0x2D && out[k] != 0x2A { return length }
                return 0
            }
            return length
        }
        guard length > 0 else { return }
        items.append(Item(kind: kind, field: field, start: start, end: end, textStart: from, textEnd: from + length))
        used = from + length
    }

    /// Runs `body` on the cleaned bytes of segment `index`.
    @inline(__always)
    public func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let item = items[index]
        return try text.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[item.textStart..<item.textEnd]))
        }
    }

    /// Segment `index` as a value of its own.
    public func segment(_ index: Int) -> Segment {
        let item = items[index]
        return Segment(
            kind: item.kind, field: item.field, start: item.start, end: item.end,
            bytes: Array(text[item.textStart..<item.textEnd]))
    }
}
