import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

/// Issue 12, scorer and model: bounded terms, checked parameters, no NaN, a model that detects a
/// country, and segments of megabytes scored in near-linear time.
@Suite("Hostile models and segments", .serialized)
struct HostileModelTests {
    /// A copy of the shipped model with some files replaced, in a new temporary folder.
    static func model(_ changes: [String: String]) throws -> String {
        let dir = try Robust.temporaryDirectory()
        for name in Model.fileNames {
            let from = (Robust.modelDirectory as NSString).appendingPathComponent(name)
            let to = (dir as NSString).appendingPathComponent(name)
            if let text = changes[name] {
                try Data(text.utf8).write(to: URL(fileURLWithPath: to))
            } else {
                try FileManager.default.copyItem(atPath: from, toPath: to)
            }
        }
        return dir
    }

    static func params(_ rows: [(String, String)]) -> String {
        "format\t1\n" + rows.map { "\($0.0)\t\($0.1)\n" }.joined()
    }

    static let shippedParams: [(String, String)] = [
        ("favorable", "0.04"), ("unfavorable", "-0.06"), ("tone_favorable", "0.15"), ("tone_unfavorable", "-0.15"),
        ("title_weight", "2"), ("scale", "1.5"),
    ]

    @Test(
        "item 16: extreme parameters are refused by the checker",
        arguments: [
            ("title_weight", "1e308"), ("scale", "1e-308"), ("contrast_after", "1e300"), ("prior_segments", "1e308"),
            ("favorable", "5"), ("tone_favorable", "9"), ("negation_window_cjk", "1000"), ("share_weight", "-1"),
        ])
    func extremeParametersRefused(_ key: String, _ value: String) throws {
        let rows = Self.shippedParams.filter { $0.0 != key } + [(key, value)]
        let dir = try Self.model(["params.tsv": Self.params(rows)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let issues = Model.check(directory: dir).filter { $0.severity == .error }
        #expect(issues.contains { $0.message.contains("`\(key)` \(value) out of range — it must be") }, "\(issues)")
        #expect(throws: ModelError.self) { try Model.load(directory: dir) }
    }

    @Test("item 16: a model that can detect no country is an error (empty or bare-only countries.tsv)")
    func noCountry() throws {
        for countries in ["format\t1\n", "format\t1\nUS\tbare\t美\n"] {
            let dir = try Self.model(["countries.tsv": countries])
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let issues = Model.check(directory: dir)
            #expect(issues.contains { $0.message.contains("the model could detect no country") }, "\(issues)")
        }
    }

    @Test("item 15: a term over 256 bytes is refused with a clear error; model check reports size and time")
    func longTermRefused() throws {
        let cues = (try? String(contentsOfFile: Robust.modelDirectory + "/cues.tsv", encoding: .utf8)) ?? ""
        let dir = try Self.model(["cues.tsv": cues + String(repeating: "稀", count: 1000) + "\t2\tcue\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let issues = Model.check(directory: dir)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.message.contains("3000 bytes long, over the 256-byte limit for one term") == true)
        let outcome = try Robust.stance(["model", "check", Robust.modelDirectory])
        #expect(outcome.status == 0)
        #expect(outcome.stdoutText.contains("MB compiled, loaded and built in"))
        #expect(outcome.stdoutText.contains("patterns ("))
    }

    @Test("property: 60 random params.tsv inside the checker's ranges never give NaN or an infinite score")
    func randomParametersStayFinite() throws {
        let base = try Robust.lexicon()
        var rng = RobustRNG(seed: 2026)
        let articles =
            try Robust.load(paths: [Robust.seedsDirectory]).articles + [
                Article(
                    id: "x:1", file: "x", index: 1, line: 1,
                    title: String(repeating: "美国依赖中国稀土吗“中国主导”全球占九成，", count: 40), outlet: nil,
                    published: nil, topic: nil,
                    body: String(repeating: "美国和日本不依赖中国稀土但是非常主导 the U.S. relies on China, ", count: 400))
            ]
        for round in 0..<60 {
            let rows = ParameterSpace.draw(&rng).map { ($0.key, $0.value) }
            let dir = try Self.model(["params.tsv": Self.params(rows)])
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let model: Model
            do { model = try Model.load(directory: dir) } catch {
                Issue.record("round \(round): a drawn parameter file is refused: \(error)\n\(rows)")
                continue
            }
            var scorer = ArticleScorer(lexicon: base.replacingParameters(model.parameters))
            for article in articles {
                let scored = scorer.score(article)
                #expect(scored.stance.tone.isFinite && abs(scored.stance.tone) <= 1, "round \(round)")
                for c in scored.stance.countries {
                    #expect(c.score.isFinite && abs(c.score) <= 1, "round \(round): \(c.code) \(c.score) \(rows)")
                }
            }
        }
    }

    @Test("item 14: a 2 MB one-sentence body is scored, in segments of at most 64 KiB")
    func longSegment() throws {
        let lexicon = try Robust.lexicon()
        let unit = "美国和日本不依赖中国稀土吗“中国主导”全球占九成非常卡中国脖子但是"
        let body = String(repeating: unit, count: 2_000_000 / unit.utf8.count)
        var scorer = ArticleScorer(lexicon: lexicon)
        let scored = scorer.score(
            Article(
                id: "w:1", file: "w", index: 1, line: 1, title: "稀土", outlet: nil, published: nil, topic: nil,
                body: body))
        #expect(Set(scored.stance.countries.map(\.code)) == ["CN", "JP", "US"])
        #expect(scored.stance.countries.allSatisfy { $0.score.isFinite && abs($0.score) <= 1 })
        var list = SegmentList()
        Segmenter().segments(title: "稀土", body: body, into: &list)
        #expect(list.count > 2_000_000 / Segmenter.maxSegmentBytes)
        for k in 0..<list.count { #expect(list.segment(k).bytes.count <= Segmenter.maxSegmentBytes) }
    }

    @Test("item 14: the per-segment tables answer as the plain scans did (quotes, units)")
    func tablesMatchScans() {
        var rng = RobustRNG(seed: 7)
        let pieces = ["“", "”", "\"", "a", "b ", "中", "-", "'", "é", " ", "9"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<40, using: &rng) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                var quotes = QuoteIndex()
                quotes.build(b)
                for start in 0...b.count {
                    for end in start...b.count {
                        #expect(
                            quotes.isQuoted(start: start, end: end) == SegmentScorer.isQuoted(b, start: start, end: end)
                        )
                    }
                    var back = SegmentIndex.UnitsBackward(to: b.count)
                    var from = b.count
                    while from > start {
                        from -= 1
                        back.extend(b, to: from)
                        #expect(back.units == ByteScan.units(b, from: from, to: b.count), "\(text) \(from)")
                    }
                    var forward = SegmentIndex.UnitsForward(from: start)
                    for to in start...b.count {
                        forward.extend(b, to: to)
                        #expect(forward.units == ByteScan.units(b, from: start, to: to), "\(text) \(start)..<\(to)")
                    }
                }
            }
        }
    }
}
