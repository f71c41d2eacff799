import Foundation

/// The exact story ids already fingerprinted in a run, shared by the worker threads of `summary`.
///
/// Lets the first copy of a body claim its id, so only that copy computes the MinHash signature
/// (`StoryPrinter.print(_:unlessSeenIn:)`). Holds one id per distinct story: 8 bytes each plus the
/// set's slack, next to the record `SummaryPartial` already keeps per story.
public final class SeenStories: @unchecked Sendable {
    private let lock = NSLock()
    private var ids = Set<UInt64>()

    public init() {}

    /// Whether `id` was not seen before; it is seen from now on.
    public func insert(_ id: UInt64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return ids.insert(id).inserted
    }
}
