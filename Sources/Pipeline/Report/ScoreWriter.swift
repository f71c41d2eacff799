import Scoring

/// Writes score rows in one output format; one implementation per format.
public protocol ScoreWriter {
    /// Text to write before the first row (a header), if any.
    func header() -> String
    /// The rows of one article: one per country it names (FORMATS.md §6), or one row with no country
    /// when it names none, so every scored article is visible in the output.
    func rows(_ scored: ScoredArticle, model: String) -> String
    /// Text to write after the last row.
    func footer() -> String
}

extension ScoreWriter {
    public func header() -> String { "" }
    public func footer() -> String { "" }
}

/// One JSON object per (article, country), fields in the order of FORMATS.md §6.
public struct JSONLinesScoreWriter: ScoreWriter {
    /// Adds the `evidence` field.
    public var explain: Bool
    public init(explain: Bool = false) { self.explain = explain }

    public func rows(_ scored: ScoredArticle, model: String) -> String {
        let a = scored.article
        let common: [(String, String)] = [
            ("article", JSON.string(a.id)), ("title", JSON.string(a.title)), ("outlet", JSON.optional(scored.outlet)),
            ("published", JSON.optional(a.published?.text)), ("topic", JSON.optional(a.topic)),
            ("language", JSON.string(scored.language)),
        ]
        let tail: [(String, String)] = [
            ("tone", JSON.number(scored.stance.tone)), ("model", JSON.string(model)),
        ]
        guard !scored.stance.countries.isEmpty else {
            return JSON.object(common + [("country", "null"), ("score", "null"), ("stance", "null"), ("mentions", "0")] + tail) + "\n"
        }
        var out = ""
        for c in scored.stance.countries {
            var pairs = common + [
                ("country", JSON.string(c.code)), ("score", JSON.number(c.score)), ("stance", JSON.string(c.label.rawValue)),
                ("mentions", String(c.mentions)),
            ] + tail
            if explain {
                pairs.append(("evidence", JSON.array(c.evidence.map(JSONLinesScoreWriter.evidence))))
            }
            out += JSON.object(pairs) + "\n"
        }
        return out
    }

    static func evidence(_ e: Evidence) -> String {
        JSON.object([
            ("matched", JSON.string(e.matched)), ("entry", JSON.string(e.entry)), ("source", JSON.string(e.source)),
            ("weight", JSON.number(e.weight)), ("modifiers", JSON.array(e.modifiers.map(JSON.string))),
            ("value", JSON.number(e.value)), ("role", JSON.string(e.role)), ("segment", String(e.segment)),
            ("segment_kind", JSON.string(e.segmentKind.rawValue)), ("segment_text", JSON.string(e.segmentText)),
        ])
    }
}

/// RFC 4180 CSV with a header row; evidence, when asked for, as one `;`-joined column.
public struct CSVScoreWriter: ScoreWriter {
    public var explain: Bool
    public init(explain: Bool = false) { self.explain = explain }

    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public func header() -> String {
        "article,title,outlet,published,topic,language,country,score,stance,mentions,tone,model"
            + (explain ? ",evidence" : "") + "\n"
    }

    public func rows(_ scored: ScoredArticle, model: String) -> String {
        let a = scored.article
        let common = [a.id, a.title, scored.outlet ?? "", a.published?.text ?? "", a.topic ?? "", scored.language]
        let countries: [CountryStance?] = scored.stance.countries.isEmpty ? [nil] : scored.stance.countries
        var out = ""
        for c in countries {
            var cells = common + [
                c?.code ?? "", c.map { JSON.number($0.score) } ?? "", c?.label.rawValue ?? "", String(c?.mentions ?? 0),
                JSON.number(scored.stance.tone), model,
            ]
            if explain {
                cells.append((c?.evidence ?? []).map { "\($0.matched)=\(JSON.number($0.value))" }.joined(separator: "; "))
            }
            out += cells.map(CSVScoreWriter.field).joined(separator: ",") + "\n"
        }
        return out
    }
}

/// A readable table for the terminal; with `--explain`, each row is followed by its evidence.
public struct TableScoreWriter: ScoreWriter {
    public var explain: Bool
    public init(explain: Bool = false) { self.explain = explain }

    public func header() -> String { "" }

    public func rows(_ scored: ScoredArticle, model: String) -> String {
        let a = scored.article
        var out = "\(a.id)  \(scored.outlet ?? "(no outlet)")  \(a.published?.text ?? "undated")  [\(scored.language)]  tone \(TableScoreWriter.signed(scored.stance.tone))\n"
        out += "  \(a.title)\n"
        if scored.stance.countries.isEmpty { out += "    (no country named)\n" }
        for c in scored.stance.countries {
            out += "    \(c.code)  \(TableScoreWriter.signed(c.score))  \(c.label.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(c.mentions) mention\(c.mentions == 1 ? "" : "s")\n"
            if explain {
                for e in c.evidence {
                    let mods = e.modifiers.isEmpty ? "" : " " + e.modifiers.joined(separator: " ")
                    out += "        \(TableScoreWriter.signed(e.value)) \(e.matched) [\(e.entry) \(JSON.number(e.weight)), \(e.source)\(mods), \(e.role)] in \(e.segmentKind.rawValue) \(e.segment): \(TextTable.truncate(e.segmentText, 90))\n"
                }
            }
        }
        return out
    }

    public func footer() -> String { "" }

    static func signed(_ x: Double) -> String {
        let text = String(format: "%.2f", x)
        return x >= 0 ? "+" + text : text
    }
}

import Foundation
