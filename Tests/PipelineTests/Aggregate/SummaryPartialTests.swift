import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

/// Partials of any split merge into exactly the summary of the whole; copies of a story count once.
@Suite("Summary partials")
struct SummaryPartialTests {
    /// The bundled corpus plus constructed syndicated copies of some of its articles (other outlet,
    /// later or earlier date, re-punctuated, Traditional characters, a source line added), scored.
    static let corpus: [(ScoredArticle, StoryPrint)] = {
        let run = ScoringRun(lexicon: PipelineFixture.lexicon, threads: 1)
        let printer = StoryPrinter(model: PipelineFixture.lexicon.model)
        var articles = (try? PipelineFixture.load(paths: [PipelineFixture.seedsDirectory.path]).articles) ?? []
        let originals = articles
        for (n, a) in originals.enumerated() where n % 3 == 0 {
            var copy = a
            copy.id = "copies.txt:\(n)"
            copy.outlet = n % 2 == 0 ? "新浪财经" : a.outlet
            copy.title = "转载:" + a.title
            copy.published = Timestamp.parse(n % 4 == 0 ? "2024-01-01 08:00" : "2026-01-01 08:00")
            switch n % 4 {
            case 0: copy.body = a.body.replacingOccurrences(of: ",", with: " , ")
            case 1: copy.body = a.body.replacingOccurrences(of: "国", with: "國")
            case 2: copy.body = "(来源:新浪财经)" + a.body
            default: break
            }
            articles.append(copy)
        }
        return articles.map { (run.score($0), printer.print($0.body)) }
    }()

    static let model = PipelineFixture.lexicon.model.identifier

    func partial(_ items: some Sequence<(ScoredArticle, StoryPrint)>, by: Set<Aggregator.Dimension>, fold: Bool)
        -> SummaryPartial
    {
        var p = SummaryPartial(model: Self.model, by: by, period: .week, foldsDuplicates: fold)
        for (scored, print) in items {
            p.add(scored, print: print)
            p.account.read += 1
            p.account.scored += 1
        }
        return p
    }

    func rendered(_ p: SummaryPartial) -> [String] {
        let report = SummaryReport(aggregator: p.resolved(), model: Self.model)
        return ["table", "jsonl", "csv"].map { report.render(format: $0) }
    }

    static let groupings: [Set<Aggregator.Dimension>] = [
        [.country], [.country, .outlet], [.country, .period], [.outlet], [.period], [.country, .outlet, .period],
    ]

    @Test(
        "random splits, written and read back, merge into the single run's output byte for byte", arguments: groupings)
    func randomSplits(by: Set<Aggregator.Dimension>) throws {
        var rng = SplitMix(seed: 14)
        for fold in [true, false] {
            let whole = rendered(partial(Self.corpus, by: by, fold: fold))
            for _ in 0..<12 {
                let parts = Int.random(in: 2...7, using: &rng)
                var pieces = [[(ScoredArticle, StoryPrint)]](repeating: [], count: parts)
                for item in Self.corpus.shuffled(using: &rng) {
                    pieces[Int.random(in: 0..<parts, using: &rng)].append(item)
                }
                var merged: SummaryPartial?
                for (k, piece) in pieces.enumerated().shuffled(using: &rng) {
                    let text = partial(piece, by: by, fold: fold).encoded()
                    let back = try SummaryPartial(decoding: text, source: "part-\(k)")
                    if merged == nil { merged = back } else { try merged?.merge(back, from: "part-\(k)") }
                }
                let result = try #require(merged)
                #expect(rendered(result) == whole)
                #expect(result.account.read == Self.corpus.count)
            }
        }
    }

    @Test("syndicated copies count once per country, by the earliest copy; per outlet each outlet's copy")
    func foldsCopies() throws {
        let folded = partial(Self.corpus, by: [.country], fold: true).resolved()
        let kept = partial(Self.corpus, by: [.country], fold: false).resolved()
        let single = partial(Self.corpus.prefix(30), by: [.country], fold: false).resolved()
        let copies = Self.corpus.count - 30
        #expect(folded.folding?.copies == copies)
        #expect(folded.folding?.stories == 30)
        // Folded, each country counts each story once: as many as in the 30 originals.
        #expect(folded.groups.mapValues(\.count) == single.groups.mapValues(\.count))
        #expect(kept.groups.values.map(\.count).reduce(0, +) > single.groups.values.map(\.count).reduce(0, +))
        // The copies dated 2024 are earlier than their originals: their values stand for the story.
        let early = Self.corpus.filter {
            $0.0.article.id.hasPrefix("copies.txt:") && $0.0.article.published?.year == 2024
        }
        #expect(!early.isEmpty)
        let p = partial(Self.corpus, by: [.country], fold: true)
        for (scored, print) in early where !scored.stance.countries.isEmpty {
            // Same exact body as its original, two years earlier: every country's value is the copy's.
            let kept = try #require(p.stories[print.id]).copies.values.map(\.article)
            #expect(!kept.isEmpty && kept.allSatisfy { $0 == scored.article.id })
        }
        // Per outlet: a copy under another outlet counts there too.
        let byOutlet = partial(Self.corpus, by: [.country, .outlet], fold: true).resolved()
        let sina = byOutlet.groups.filter { $0.key.outlet == "新浪财经" }.values.map(\.count).reduce(0, +)
        #expect(sina > 0)
    }

    @Test("merging refuses another model version, grouping or duplicate handling")
    func refusesMismatch() throws {
        let base = partial(Self.corpus.prefix(5), by: [.country], fold: true)
        var other = base
        other.model = "stance-rare-earth@9.9.9"
        var merged = base
        #expect(throws: PartialError.self) { try merged.merge(other, from: "b.jsonl") }
        do { try merged.merge(other, from: "b.jsonl") } catch {
            #expect(error.description.contains("b.jsonl"))
            #expect(error.description.contains("9.9.9"))
        }
        #expect(throws: PartialError.self) {
            try merged.merge(partial(Self.corpus.prefix(5), by: [.country, .outlet], fold: true), from: "c.jsonl")
        }
        #expect(throws: PartialError.self) {
            try merged.merge(partial(Self.corpus.prefix(5), by: [.country], fold: false), from: "d.jsonl")
        }
        #expect(throws: PartialError.self) { try SummaryPartial(decoding: "{\"country\":\"CN\"}\n", source: "x") }
        #expect(throws: PartialError.self) { try SummaryPartial(decoding: "", source: "x") }
    }

    @Test("exact sums do not depend on the order of their terms")
    func exactSums() {
        var rng = SplitMix(seed: 7)
        let values = (0..<2000).map { _ in Double.random(in: -1...1, using: &rng) }
        var a = ExactSum(), b = ExactSum()
        for v in values { a.add(v) }
        for v in values.shuffled(using: &rng) { b.add(v) }
        #expect(a == b)
        #expect(abs(a.value - values.reduce(0, +)) < 1e-9)
        #expect(ExactSum(text: a.text) == a)
    }
}

/// A seeded generator, so a failing split can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StoryPrinter.mix(state)
    }
}
