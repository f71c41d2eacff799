import Foundation
import Scoring

/// The tone ratings of a labelled set (`tone.tsv`): `file<TAB>index<TAB>tone`, where tone is a number
/// (any scale: higher is more positive) or a label `negative`, `neutral`, `positive`.
///
/// A numeric rating is also read as a label, for macro-F1: ratings inside the neutral band are
/// neutral. The band is `[-0.5, 0.5]` unless the file sets it with a row `neutral<TAB>low<TAB>high`
/// (a scale of 1..5 would say `neutral<TAB>2.5<TAB>3.5`).
public struct ToneLabels: Sendable {
    public struct Row: Sendable, Equatable {
        public var file: String
        public var index: Int
        /// The rating when it was given as a number.
        public var rating: Double?
        public var label: ToneLabel
        public var line: Int
    }

    public let rows: [Row]
    public let neutralBand: ClosedRange<Double>

    /// Reads `path`; `known` holds every `file<TAB>index` of the set's articles.
    public init(path: String, known: Set<String>) throws(EvalError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .badRow(at: "\(path):1", problem: "not UTF-8 text — save tone.tsv as UTF-8")
        }
        var band: ClosedRange<Double> = -0.5...0.5
        var parsed: [(file: String, index: Int, rating: Double?, label: ToneLabel?, line: Int)] = []
        var seen: [String: Int] = [:]
        for (lineNumber, columns) in TabbedLines.rows(text) {
            let at = "\(path):\(lineNumber)"
            if columns.first == "file" { continue }  // a header row
            if columns.first == "neutral" {
                guard columns.count == 3, let low = Double(columns[1]), let high = Double(columns[2]), low <= high
                else {
                    throw .badRow(at: at, problem: "write the neutral band as `neutral<TAB>low<TAB>high`, low ≤ high")
                }
                band = low...high
                continue
            }
            guard columns.count >= 3 else {
                throw .badRow(at: at, problem: "expected `file<TAB>index<TAB>tone` — separate columns with one tab")
            }
            guard let index = Int(columns[1]), index > 0 else {
                throw .badRow(at: at, problem: "index `\(columns[1])` is not a positive whole number")
            }
            let key = "\(columns[0])\t\(index)"
            guard known.contains(key) else {
                throw .badRow(at: at, problem: "no article \(columns[0]):\(index) in the set — fix the file or index")
            }
            if let previous = seen[key] {
                throw .badRow(at: at, problem: "\(columns[0]):\(index) is rated twice (also line \(previous))")
            }
            seen[key] = lineNumber
            let value = columns[2].trimmingCharacters(in: .whitespaces)
            if let rating = Double(value), rating.isFinite {
                parsed.append((columns[0], index, rating, nil, lineNumber))
            } else if let label = ToneLabel(rawValue: value.lowercased()) {
                parsed.append((columns[0], index, nil, label, lineNumber))
            } else {
                throw .badRow(at: at, problem: "tone `\(value)` is neither a number nor negative, neutral or positive")
            }
        }
        neutralBand = band
        rows = parsed.map { p in
            Row(
                file: p.file, index: p.index, rating: p.rating,
                label: p.label ?? ToneLabel(p.rating ?? 0, neutral: band), line: p.line)
        }
    }
}

/// The three tone classes of macro-F1.
public enum ToneLabel: String, Sendable, CaseIterable {
    case negative, neutral, positive

    /// The label of `value` with `neutral` as the closed band of neutral values.
    public init(_ value: Double, neutral: ClosedRange<Double>) {
        self = value < neutral.lowerBound ? .negative : value > neutral.upperBound ? .positive : .neutral
    }

    /// As a stance label, so the stance `Metrics` (macro-F1, confusion) can count tone too.
    var asStance: StanceLabel {
        switch self {
        case .negative: .unfavorable
        case .neutral: .neutral
        case .positive: .favorable
        }
    }
}
