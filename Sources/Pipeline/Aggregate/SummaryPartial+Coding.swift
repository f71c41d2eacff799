import Foundation
import Scoring

/// The partial as JSON Lines (`summary --format partial`): a header line with the model, the
/// grouping and the account, then one line per group and one per story, in a fixed order. Exact
/// sums are decimal strings of 2⁻⁶⁰ units (JSON numbers would be read as doubles and rounded).
extension SummaryPartial {
    public static let formatVersion = 1

    public func encoded() -> String {
        let by = Aggregator.Dimension.allCases.filter { dimensions.contains($0) }.map(\.rawValue)
        var out =
            JSON.object([
                ("stance_partial", String(SummaryPartial.formatVersion)), ("model", JSON.string(model)),
                ("by", JSON.string(by.joined(separator: ","))), ("period", JSON.string(period.rawValue)),
                ("duplicates", JSON.string(foldsDuplicates ? "fold" : "keep")), ("read", String(account.read)),
                ("scored", String(account.scored)), ("rejected", String(account.rejected)),
                ("skipped", String(skipped)), ("articles", String(articles)),
                ("without_country", String(withoutCountry)), ("folded", String(foldedResolved)),
                ("stories", String(storiesResolved)),
            ]) + "\n"
        func key(_ k: Aggregator.Key) -> [(String, String)] {
            [
                ("country", JSON.optional(k.country)), ("outlet", JSON.optional(k.outlet)),
                ("period", JSON.optional(k.period)),
            ]
        }
        for (k, s) in groups.sorted(by: { $0.key < $1.key }) {
            out +=
                JSON.object([
                    ("group", JSON.object(key(k))), ("count", String(s.count)), ("sum", JSON.string(s.exactSum.text)),
                    ("sum2", JSON.string(s.exactSquares.text)), ("tone", JSON.string(s.exactTone.text)),
                    ("favorable", String(s.favorable)), ("neutral", String(s.neutral)),
                    ("unfavorable", String(s.unfavorable)),
                ]) + "\n"
        }
        for (id, story) in stories.sorted(by: { $0.key < $1.key }) {
            let copies = story.copies.sorted { $0.key < $1.key }.map { k, c in
                JSON.object(
                    key(Aggregator.Key(country: k.country, outlet: k.outlet, period: c.period)) + [
                        ("when", JSON.string(c.when)), ("article", JSON.string(c.article)),
                        ("score", JSON.string(String(c.value.score))), ("square", JSON.string(String(c.value.square))),
                        ("tone", JSON.string(String(c.value.tone))), ("stance", JSON.string(c.value.label.rawValue)),
                    ])
            }
            let signature = story.signature.map { word -> String in
                let hex = String(word, radix: 16)
                return String(repeating: "0", count: 8 - hex.count) + hex
            }.joined()
            out +=
                JSON.object([
                    ("story", JSON.string(StoryPrint.hex(id))), ("articles", String(story.articles)),
                    ("minhash", JSON.string(signature)), ("copies", JSON.array(copies)),
                ]) + "\n"
        }
        return out
    }

    /// Reads a partial written by `encoded()`; `source` names it in errors.
    public init(decoding text: String, source: String) throws(PartialError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter {
            !$0.element.allSatisfy { $0 == " " || $0 == "\r" }
        }.makeIterator()
        func object(_ n: Int, _ line: Substring) throws(PartialError) -> [String: Any] {
            guard let data = line.data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data), let fields = value as? [String: Any]
            else { throw .malformed(source, line: n + 1, "not a JSON object") }
            return fields
        }
        guard let (n, first) = lines.next() else { throw .malformed(source, line: 1, "empty file") }
        let head = try object(n, first)
        guard let version = head["stance_partial"] as? Int else {
            throw .malformed(source, line: n + 1, "no `stance_partial` header: not a partial")
        }
        guard version == SummaryPartial.formatVersion else {
            throw .malformed(
                source, line: n + 1, "partial format \(version), this stance reads \(SummaryPartial.formatVersion)")
        }
        let field = Fields(source: source, line: n + 1, values: head)
        var dimensions: Set<Aggregator.Dimension> = []
        for name in try field.string("by").split(separator: ",") {
            guard let d = Aggregator.Dimension(rawValue: String(name)) else {
                throw .malformed(source, line: n + 1, "unknown grouping `\(name)`")
            }
            dimensions.insert(d)
        }
        guard let period = Period(rawValue: try field.string("period")) else {
            throw .malformed(source, line: n + 1, "unknown period")
        }
        self.init(
            model: try field.string("model"), by: dimensions, period: period,
            foldsDuplicates: try field.string("duplicates") == "fold")
        account.read = try field.int("read")
        account.scored = try field.int("scored")
        account.rejected = try field.int("rejected")
        skipped = try field.int("skipped")
        articles = try field.int("articles")
        withoutCountry = try field.int("without_country")
        foldedResolved = try field.int("folded")
        storiesResolved = try field.int("stories")
        while let (n, line) = lines.next() {
            let f = Fields(source: source, line: n + 1, values: try object(n, line))
            if f.values["group"] != nil {
                let key = try f.key(f.object("group"))
                var s = GroupStats()
                s.count = try f.int("count")
                s.exactSum = ExactSum(units: try f.units("sum"))
                s.exactSquares = ExactSum(units: try f.units("sum2"))
                s.exactTone = ExactSum(units: try f.units("tone"))
                (s.favorable, s.neutral, s.unfavorable) = (
                    try f.int("favorable"), try f.int("neutral"), try f.int("unfavorable")
                )
                groups[key, default: GroupStats()].merge(s)
            } else if f.values["story"] != nil {
                guard let id = UInt64(try f.string("story"), radix: 16) else { throw f.error("bad story id") }
                var story = Story()
                story.articles = try f.int("articles")
                let hex = Array(try f.string("minhash").utf8)
                guard hex.count == 0 || hex.count == 8 * StoryPrinter.hashes else { throw f.error("bad minhash") }
                story.signature = try stride(from: 0, to: hex.count, by: 8).map { i throws(PartialError) in
                    guard let word = UInt32(String(decoding: hex[i..<(i + 8)], as: UTF8.self), radix: 16) else {
                        throw f.error("bad minhash")
                    }
                    return word
                }
                guard let copies = f.values["copies"] as? [[String: Any]] else { throw f.error("no `copies` list") }
                for values in copies {
                    let c = Fields(source: source, line: n + 1, values: values)
                    let key = try c.key(values)
                    guard let label = StanceLabel(rawValue: try c.string("stance")) else { throw c.error("bad stance") }
                    let value = GroupStats.Contribution(
                        score: try c.units("score"), square: try c.units("square"), tone: try c.units("tone"),
                        label: label)
                    let copy = Copy(
                        when: try c.string("when"), article: try c.string("article"), period: key.period, value: value)
                    story.keep(copy, at: Aggregator.Key(country: key.country, outlet: key.outlet, period: nil))
                }
                if stories[id] == nil { stories[id] = story } else { stories[id]?.merge(story) }
            } else {
                throw f.error("neither a group nor a story line")
            }
        }
    }
}

/// Typed access to one decoded JSON object, with errors naming file and line.
private struct Fields {
    var source: String
    var line: Int
    var values: [String: Any]

    func error(_ what: String) -> PartialError { .malformed(source, line: line, what) }

    func string(_ name: String) throws(PartialError) -> String {
        guard let s = values[name] as? String else { throw error("`\(name)` missing or not a string") }
        return s
    }

    func int(_ name: String) throws(PartialError) -> Int {
        guard let n = values[name] as? Int, n >= 0 else { throw error("`\(name)` missing or not a count") }
        return n
    }

    func units(_ name: String) throws(PartialError) -> Int128 {
        guard let s = values[name] as? String, let n = Int128(s) else { throw error("`\(name)` is not an exact sum") }
        return n
    }

    func object(_ name: String) throws(PartialError) -> [String: Any] {
        guard let o = values[name] as? [String: Any] else { throw error("`\(name)` is not an object") }
        return o
    }

    func key(_ o: [String: Any]) throws(PartialError) -> Aggregator.Key {
        func part(_ name: String) throws(PartialError) -> String? {
            guard let v = o[name], !(v is NSNull) else { return nil }
            guard let s = v as? String else { throw error("`\(name)` is not a string") }
            return s
        }
        return Aggregator.Key(country: try part("country"), outlet: try part("outlet"), period: try part("period"))
    }
}
