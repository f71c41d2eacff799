/// What a run did with its input: every record read is either scored or rejected, and the counts
/// always add up (`read == scored + rejected`).
public struct RunAccount: Sendable, Equatable {
    public var read = 0
    public var scored = 0
    public var rejected = 0
    /// Files that could not be read at all (missing, unreadable, binary, wrong encoding).
    public var skippedFiles: [LoadError] = []

    public init() {}

    /// `30 articles read, 29 scored, 1 rejected` (+ `; 1 file skipped`).
    public var summary: String {
        var text = "\(read) article\(read == 1 ? "" : "s") read, \(scored) scored, \(rejected) rejected"
        if !skippedFiles.isEmpty {
            text += "; \(skippedFiles.count) file\(skippedFiles.count == 1 ? "" : "s") skipped"
        }
        return text
    }

    /// True when nothing was rejected or skipped.
    public var isClean: Bool { rejected == 0 && skippedFiles.isEmpty }
}
