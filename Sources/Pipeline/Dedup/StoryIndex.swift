/// Assigns story ids in one pass over a stream: an exact copy shares its body's id; a
/// near-identical copy takes the id of the similar story seen before it.
///
/// Remembers the signatures of the last `capacity` distinct stories only (about 400 bytes each:
/// 26 MB at the default 65,536), so memory stays bounded however long the stream; syndicated copies
/// appear close together (the same minute, the same export), so a window this size finds them.
/// A near copy of a story that left the window keeps its own id.
public struct StoryIndex: Sendable {
    public let capacity: Int
    private var slots: [(id: UInt64, story: UInt64, signature: [UInt32])] = []
    private var next = 0
    /// Band key → the slot that last held it.
    private var bands: [UInt64: Int] = [:]
    /// Exact id → the story it was assigned, for the ids in the window.
    private var assigned: [UInt64: Int] = [:]

    public init(capacity: Int = 65_536) {
        self.capacity = max(1, capacity)
    }

    /// Whether `id` is in the window: `story(of:)` then answers without reading the signature.
    public func holds(_ id: UInt64) -> Bool { assigned[id] != nil }

    /// The story id of `print`, remembering it for the copies that follow.
    public mutating func story(of print: StoryPrint) -> UInt64 {
        if let slot = assigned[print.id] { return slots[slot].story }
        let keys = StoryPrinter.bandKeys(print.signature)
        var story = print.id
        for key in keys {
            if let slot = bands[key], StoryPrinter.isNear(slots[slot].signature, print.signature) {
                story = slots[slot].story
                break
            }
        }
        let slot: Int
        if slots.count < capacity {
            slot = slots.count
            slots.append((print.id, story, print.signature))
        } else {
            slot = next
            next = (next + 1) % capacity
            let old = slots[slot]
            if assigned[old.id] == slot { assigned[old.id] = nil }
            for key in StoryPrinter.bandKeys(old.signature) where bands[key] == slot { bands[key] = nil }
            slots[slot] = (print.id, story, print.signature)
        }
        assigned[print.id] = slot
        for key in keys { bands[key] = slot }
        return story
    }
}
