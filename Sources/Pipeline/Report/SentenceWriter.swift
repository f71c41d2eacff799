import Foundation
import Scoring

/// `score --by sentence`: one row per segment (title, heading, bullet, sentence) with its tone, for
/// readers who want to see where an article's tone comes from or to use sentence scores themselves.
public struct SentenceWriter: ScoreWriter {
    public enum Format: String, Sendable { case table, jsonl, csv }
    public var format: Format
    /// Adds the tone words of each sentence.
    public var explain: Bool

    public init(format: Format, explain: Bool = false) {
        self.format = format
        self.explain = explain
    }

    public func header() -> String {
        switch format {
        case .csv: "article,story,segment,kind,tone,sum,text,model" + (explain ? ",evidence" : "") + "\n"
        case .table, .jsonl: ""
        }
    }

    public func rows(_ scored: ScoredArticle, model: String) -> String {
        var out = ""
        if format == .table {
            out +=
                "\(scored.article.id)  [\(scored.language)]\(scored.story.map { "  story " + $0 } ?? "")  tone \(TableScoreWriter.signed(scored.stance.tone))\n"
        }
        for s in scored.sentences {
            let words = scored.toneEvidence.filter { $0.segment == s.segment }
            switch format {
            case .table:
                out +=
                    "  \(String(s.segment).padding(toLength: 3, withPad: " ", startingAt: 0)) \(s.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(TableScoreWriter.signed(s.score))  \(TextTable.truncate(s.text, 90))\n"
                if explain { out += SentenceWriter.evidenceLines(words) }
            case .jsonl:
                var o = JSONBytes(capacity: s.text.utf8.count + 120)
                o.raw(0x7B)
                o.key("article", first: true)
                o.string(scored.article.id)
                if let story = scored.story {
                    o.key("story")
                    o.string(story)
                }
                o.key("segment")
                o.integer(s.segment)
                o.key("kind")
                o.string(s.kind.rawValue)
                o.key("tone")
                o.number(s.score)
                o.key("sum")
                o.number((s.sum * 1000).rounded() / 1000)
                o.key("text")
                o.string(s.text)
                o.key("model")
                o.string(model)
                if explain {
                    o.key("evidence")
                    JSONLinesScoreWriter.evidenceArray(words, into: &o)
                }
                o.raw("}\n")
                out += o.text
            case .csv:
                var cells = [
                    scored.article.id, scored.story ?? "", String(s.segment), s.kind.rawValue, JSON.number(s.score),
                    JSON.number((s.sum * 1000).rounded() / 1000), s.text, model,
                ]
                if explain {
                    cells.append(words.map { "\($0.matched)=\(JSON.number($0.value))" }.joined(separator: "; "))
                }
                out += cells.map(CSVScoreWriter.field).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The tone words of one sentence as `--explain` lines: value, text, entry, valence, source, rules.
    static func evidenceLines(_ evidence: [Evidence], indent: String = "        ") -> String {
        var out = ""
        for e in evidence {
            let mods = e.modifiers.isEmpty ? "" : " " + e.modifiers.joined(separator: " ")
            if e.weight == 0 {
                out += "\(indent)\(e.entry)\(mods)\n"
            } else {
                out +=
                    "\(indent)\(TableScoreWriter.signed(e.value)) \(e.matched) [\(e.entry) \(JSON.number(e.weight)), \(e.source)\(mods)]\n"
            }
        }
        return out
    }
}
