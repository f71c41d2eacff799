/// The three stance labels of ANNOTATION.md.
public enum StanceLabel: String, Sendable, CaseIterable, Comparable, Codable {
    case favorable, neutral, unfavorable

    public static func < (a: StanceLabel, b: StanceLabel) -> Bool { a.order < b.order }
    private var order: Int {
        switch self {
        case .favorable: 0
        case .neutral: 1
        case .unfavorable: 2
        }
    }

    /// The label of `score` under the thresholds `unfavorable < 0 < favorable`.
    public init(score: Double, favorable: Double, unfavorable: Double) {
        if score >= favorable {
            self = .favorable
        } else if score <= unfavorable {
            self = .unfavorable
        } else {
            self = .neutral
        }
    }
}

/// The kind of a stance unit; titles weigh more than body units.
public enum SegmentKind: String, Sendable, Codable {
    case title, heading, bullet, sentence
}
