import Foundation
import Scoring

/// A labelled set (FORMATS.md §5): a folder of articles and the `labels.tsv` that labels them.
public struct LabelSet: Sendable {
    public struct Row: Sendable, Equatable {
        public var file: String
        public var index: Int
        public var country: String
        public var stance: StanceLabel
        public var title: String
        /// Line in labels.tsv.
        public var line: Int
    }

    public let directory: String
    public let name: String
    public let rows: [Row]
    /// The articles of the set, in file order.
    public let articles: [Article]
    public let rejections: [Rejection]
    /// The set's tone ratings (`tone.tsv`), when it has them.
    public let tone: ToneLabels?
    /// Problems that do not stop the evaluation, each naming labels.tsv and a line: a labelled country
    /// the model has no names for (its pairs count as missed detections).
    public let warnings: [String]

    /// Reads and checks the set; every misaligned or malformed row is an error naming the row. A code
    /// that is not ISO 3166-1 is an error; a real country missing from `knownCodes` is a warning.
    public init(directory: String, knownCodes: Set<String>) throws(EvalError) {
        self.directory = directory
        name = (directory as NSString).lastPathComponent
        let labelsPath = (directory as NSString).appendingPathComponent("labels.tsv")
        let tonePath = (directory as NSString).appendingPathComponent("tone.tsv")
        // A set may hold stance labels, tone ratings or both.
        let hasLabels = FileManager.default.fileExists(atPath: labelsPath)
        let hasTone = FileManager.default.fileExists(atPath: tonePath)
        guard hasLabels || hasTone else { throw .missingLabels(directory: directory) }
        guard let data = hasLabels ? FileManager.default.contents(atPath: labelsPath) : Data() else {
            throw .unreadable(path: labelsPath)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .badRow(at: "\(labelsPath):1", problem: "not UTF-8 text — save labels.tsv as UTF-8")
        }

        var articles: [Article] = []
        var rejections: [Rejection] = []
        let inputs = InputSource(paths: [directory])
        if let shared = inputs.sharedNames.first {
            throw .badRow(
                at: directory,
                problem:
                    "two article files are named \(shared.name) (\(shared.paths.joined(separator: ", "))); labels.tsv names files by base name — rename or remove one"
            )
        }
        for file in inputs.files {
            do {
                try InputSource.read(file) { event in
                    switch event {
                    case .article(let a): articles.append(a)
                    case .rejected(let r): rejections.append(r)
                    }
                }
            } catch let error as LoadError {
                throw .input(error)
            } catch {
                throw .unreadable(path: file.path)
            }
        }
        self.articles = articles
        self.rejections = rejections
        var byKey: [String: Article] = [:]
        for a in articles { byKey["\(a.file)\t\(a.index)"] = a }
        tone = hasTone ? try ToneLabels(path: tonePath, known: Set(byKey.keys)) : nil

        var rows: [Row] = []
        var seen: [String: Int] = [:]
        var unnamed: [String: (at: String, rows: Int)] = [:]
        var headerSeen = false
        for (lineNumber, columns) in TabbedLines.rows(text) {
            if !headerSeen {
                headerSeen = true
                if columns.first == "file" { continue }
            }
            let at = "\(labelsPath):\(lineNumber)"
            guard columns.count == 5 else {
                throw .badRow(
                    at: at,
                    problem:
                        "expected 5 tab-separated columns (file, index, country, stance, title), found \(columns.count)"
                )
            }
            guard let index = Int(columns[1]), index > 0 else {
                throw .badRow(at: at, problem: "index `\(columns[1])` is not a positive whole number")
            }
            let code = columns[2]
            guard CountryCodes.isKnown(code) else {
                throw .badRow(
                    at: at, problem: "unknown country code `\(code)` — use ISO 3166-1 alpha-2 (GB, not UK) or EU")
            }
            if !knownCodes.contains(code) {
                // A real country the model cannot name: the pair stays gold, so it counts as missed.
                unnamed[code, default: (at, 0)].rows += 1
            }
            guard let stance = StanceLabel(rawValue: columns[3]) else {
                throw .badRow(at: at, problem: "stance `\(columns[3])` must be favorable, neutral or unfavorable")
            }
            guard let article = byKey["\(columns[0])\t\(index)"] else {
                throw .badRow(at: at, problem: "no article \(columns[0]):\(index) in \(directory)")
            }
            guard LabelSet.normalize(article.title) == LabelSet.normalize(columns[4]) else {
                throw .misaligned(at: at, expected: article.title, found: columns[4])
            }
            let key = "\(columns[0])\t\(index)\t\(code)"
            if let previous = seen[key] {
                throw .badRow(
                    at: at, problem: "\(columns[0]):\(index) \(code) is labelled twice (also line \(previous))")
            }
            seen[key] = lineNumber
            rows.append(
                Row(file: columns[0], index: index, country: code, stance: stance, title: columns[4], line: lineNumber))
        }
        guard headerSeen || !hasLabels else { throw .badRow(at: "\(labelsPath):1", problem: "labels.tsv has no rows") }
        self.rows = rows
        warnings = unnamed.keys.sorted().compactMap { code in
            guard let first = unnamed[code] else { return nil }
            let more = first.rows > 1 ? " (and \(first.rows - 1) more row\(first.rows == 2 ? "" : "s"))" : ""
            return
                "\(first.at): country `\(code)`\(more) is not in the model's countries.tsv — counted as a missed detection; add its names there"
        }
    }

    static func normalize(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}

/// Why an evaluation could not run.
public enum EvalError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingLabels(directory: String)
    case unreadable(path: String)
    case badRow(at: String, problem: String)
    case misaligned(at: String, expected: String, found: String)
    /// An article file of the set could not be read at all.
    case input(LoadError)

    public var description: String {
        switch self {
        case .missingLabels(let d): "\(d): no labels.tsv — a labelled set needs one (FORMATS.md §5)"
        case .unreadable(let p): "\(p): cannot read the labelled set"
        case .badRow(let at, let problem): "\(at): \(problem)"
        case .input(let error): "\(error) (in the labelled set: fix or remove the file)"
        case .misaligned(let at, let expected, let found):
            "\(at): title `\(found)` does not match the record at that file:index (`\(expected)`) — fix the index or the title"
        }
    }
}
