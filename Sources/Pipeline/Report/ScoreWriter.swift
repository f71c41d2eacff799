import Foundation
import Scoring

/// Writes score rows in one output format; one implementation per format. Writers are plain values,
/// so rows can be formatted on the worker threads (`ScoringRun.run(_:render:result:...)`).
public protocol ScoreWriter: Sendable {
    /// Text to write before the first row (a header), if any.
    func header() -> String
    /// The rows of one article: one per country it names (FORMATS.md §6), or one row with no country
    /// when it names none, so every scored article is visible in the output.
    func rows(_ scored: ScoredArticle, model: String) -> String
    /// Text to write after the last row.
    func footer() -> String
    /// `rows` as UTF-8 bytes.
    func rowBytes(_ scored: ScoredArticle, model: String) -> [UInt8]
}

extension ScoreWriter {
    public func header() -> String { "" }
    public func footer() -> String { "" }
    public func rowBytes(_ scored: ScoredArticle, model: String) -> [UInt8] { Array(rows(scored, model: model).utf8) }
}

/// One JSON object per (article, country), fields in the order of FORMATS.md §6.
public struct JSONLinesScoreWriter: ScoreWriter {
    /// Adds the `evidence` field.
    public var explain: Bool
    public init(explain: Bool = false) { self.explain = explain }

    public func rows(_ scored: ScoredArticle, model: String) -> String {
        String(decoding: rowBytes(scored, model: model), as: UTF8.self)
    }

    public func rowBytes(_ scored: ScoredArticle, model: String) -> [UInt8] {
        let a = scored.article
        // The fields every row of the article shares, written once.
        var common = JSONBytes(capacity: a.title.utf8.count + a.id.utf8.count + 160)
        common.key("article", first: true)
        common.string(a.id)
        common.key("title")
        common.string(a.title)
        common.key("outlet")
        common.optional(scored.outlet)
        common.key("published")
        common.optional(a.published?.text)
        common.key("topic")
        common.optional(a.topic)
        common.key("language")
        common.string(scored.language)
        if let story = scored.story {
            common.key("story")
            common.string(story)
        }
        var tail = JSONBytes(capacity: 64)
        tail.key("tone")
        tail.number(scored.stance.tone)
        tail.key("model")
        tail.string(model)

        var out = JSONBytes(
            capacity: (common.bytes.count + tail.bytes.count + 80) * max(1, scored.stance.countries.count))
        guard !scored.stance.countries.isEmpty else {
            out.raw(0x7B)
            out.raw(common)
            out.raw(#","country":null,"score":null,"stance":null,"mentions":0"#)
            out.raw(tail)
            if explain {
                out.key("tone_evidence")
                JSONLinesScoreWriter.evidenceArray(scored.toneEvidence, into: &out)
            }
            out.raw("}\n")
            return out.bytes
        }
        for c in scored.stance.countries {
            out.raw(0x7B)
            out.raw(common)
            out.key("country")
            out.string(c.code)
            out.key("score")
            out.number(c.score)
            out.key("stance")
            out.string(c.label.rawValue)
            out.key("mentions")
            out.integer(c.mentions)
            out.raw(tail)
            if explain {
                out.key("evidence")
                JSONLinesScoreWriter.evidenceArray(c.evidence, into: &out)
                if let probability = c.probability {
                    out.key("decision")
                    JSONLinesScoreWriter.decision(c, probability: probability, into: &out)
                }
                out.key("tone_evidence")
                JSONLinesScoreWriter.evidenceArray(scored.toneEvidence, into: &out)
            }
            out.raw("}\n")
        }
        return out.bytes
    }

    /// The decision layer's reading: the chosen label's probability and each feature's part in it.
    static func decision(_ c: CountryStance, probability: Double, into out: inout JSONBytes) {
        out.raw(0x7B)
        out.key("probability", first: true)
        out.number(probability)
        out.key("terms")
        out.raw(0x5B)
        for (k, t) in c.decision.enumerated() {
            if k > 0 { out.raw(0x2C) }
            out.raw(0x7B)
            out.key("feature", first: true)
            out.string(t.feature)
            out.key("value")
            out.number(t.value)
            out.key("contribution")
            out.number(t.contribution)
            out.raw(0x7D)
        }
        out.raw(0x5D)
        out.raw(0x7D)
    }

    /// A JSON array of evidence objects.
    static func evidenceArray(_ list: [Evidence], into out: inout JSONBytes) {
        out.raw(0x5B)
        for (k, e) in list.enumerated() {
            if k > 0 { out.raw(0x2C) }
            JSONLinesScoreWriter.evidence(e, into: &out)
        }
        out.raw(0x5D)
    }

    static func evidence(_ e: Evidence) -> String {
        var out = JSONBytes()
        evidence(e, into: &out)
        return out.text
    }

    static func evidence(_ e: Evidence, into out: inout JSONBytes) {
        out.raw(0x7B)
        out.key("matched", first: true)
        out.string(e.matched)
        out.key("entry")
        out.string(e.entry)
        out.key("source")
        out.string(e.source)
        out.key("weight")
        out.number(e.weight)
        out.key("modifiers")
        out.raw(0x5B)
        for (k, m) in e.modifiers.enumerated() {
            if k > 0 { out.raw(0x2C) }
            out.string(m)
        }
        out.raw(0x5D)
        out.key("value")
        out.number(e.value)
        out.key("role")
        out.string(e.role.rawValue)
        out.key("segment")
        out.integer(e.segment)
        out.key("segment_kind")
        out.string(e.segmentKind.rawValue)
        out.key("segment_text")
        out.string(e.segmentText)
        out.raw(0x7D)
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
        "article,title,outlet,published,topic,language,story,country,score,stance,mentions,tone,model"
            + (explain ? ",evidence" : "") + "\n"
    }

    public func rows(_ scored: ScoredArticle, model: String) -> String {
        let a = scored.article
        let common = [
            a.id, a.title, scored.outlet ?? "", a.published?.text ?? "", a.topic ?? "", scored.language,
            scored.story ?? "",
        ]
        let countries: [CountryStance?] = scored.stance.countries.isEmpty ? [nil] : scored.stance.countries
        var out = ""
        for c in countries {
            var cells =
                common + [
                    c?.code ?? "", c.map { JSON.number($0.score) } ?? "", c?.label.rawValue ?? "",
                    String(c?.mentions ?? 0),
                    JSON.number(scored.stance.tone), model,
                ]
            if explain {
                cells.append(
                    (c?.evidence ?? []).map { "\($0.matched)=\(JSON.number($0.value))" }.joined(separator: "; "))
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
        var out =
            "\(a.id)  \(scored.outlet ?? "(no outlet)")  \(a.published?.text ?? "undated")  [\(scored.language)]\(scored.story.map { "  story " + $0 } ?? "")  tone \(TableScoreWriter.signed(scored.stance.tone))\n"
        out += "  \(a.title)\n"
        if scored.stance.countries.isEmpty { out += "    (no country named)\n" }
        for c in scored.stance.countries {
            out +=
                "    \(c.code)  \(TableScoreWriter.signed(c.score))  \(c.label.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(c.mentions) mention\(c.mentions == 1 ? "" : "s")\n"
            if explain {
                for e in c.evidence {
                    let mods = e.modifiers.isEmpty ? "" : " " + e.modifiers.joined(separator: " ")
                    out +=
                        "        \(TableScoreWriter.signed(e.value)) \(e.matched) [\(e.entry) \(JSON.number(e.weight)), \(e.source)\(mods), \(e.role.rawValue)] in \(e.segmentKind.rawValue) \(e.segment): \(TextTable.truncate(e.segmentText, 90))\n"
                }
                if let probability = c.probability {
                    // The decision layer: the largest parts first (feature=value:part of the chosen label's margin).
                    let terms = c.decision.prefix(8).map {
                        "\($0.feature)=\(JSON.number($0.value)):\(TableScoreWriter.signed($0.contribution))"
                    }
                    out +=
                        "        decision \(c.label.rawValue) p=\(String(format: "%.2f", probability)): \(terms.joined(separator: " "))\n"
                }
            }
        }
        if explain { out += TableScoreWriter.toneLines(scored) }
        return out
    }

    /// The tone evidence under `--explain`: each segment that carries tone, its score and its words.
    static func toneLines(_ scored: ScoredArticle) -> String {
        var out = ""
        let toned = scored.sentences.filter { $0.carriesTone }
        guard !toned.isEmpty else { return out }
        out += "    tone  \(signed(scored.stance.tone))\n"
        for s in toned {
            out +=
                "      \(signed(s.score)) \(s.kind.rawValue) \(s.segment): \(TextTable.truncate(s.text, 90))\n"
            out += SentenceWriter.evidenceLines(scored.toneEvidence.filter { $0.segment == s.segment })
        }
        return out
    }

    public func footer() -> String { "" }

    static func signed(_ x: Double) -> String {
        let text = String(format: "%.2f", x)
        return x >= 0 ? "+" + text : text
    }
}
