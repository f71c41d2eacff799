// libFuzzer target for the scorer: random segments (raw bytes, or built from the model's own terms so
// they are full of mentions, cues, modifiers and list joins), up to hundreds of kilobytes long, scored
// with the real model and with models whose parameters are drawn from the ranges `stance model
// check` accepts. Any crash, sanitizer report, timeout or broken invariant (abort) is a finding.
//
// Built and run by Scripts/fuzz.sh (`Scripts/fuzz.sh SECONDS scorer`).
//
// Invariants checked on every input:
// - every model drawn from the checker's accepted space loads (a checker/loader disagreement is a bug);
// - every score and tone is finite and within [-1, 1], every scored country has a mention;
// - the same article scores to the same result twice (no state leaks between articles);
// - a segment's time stays near-linear: a long segment is scored (a cubic step would time out).

import Foundation
import Scoring

@testable import Pipeline

enum FuzzScorer {
    static func say(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }

    static func fail(_ message: String) -> Never {
        say("fuzz-scorer: invariant broken: \(message)")
        abort()
    }

    static let modelDirectory = ProcessInfo.processInfo.environment["STANCE_MODEL"] ?? "Models"

    /// The real model, then seven with parameters drawn (seeded) from the checker's accepted ranges.
    static let lexicons: [Lexicon] = {
        var result: [Lexicon] = []
        var rng = Generator(seed: 12)
        for k in 0..<8 {
            let directory = k == 0 ? modelDirectory : drawnModel(&rng, k)
            do {
                result.append(Lexicon(model: try Model.load(directory: directory)))
            } catch {
                fail("a model from the accepted parameter space does not load (\(directory)): \(error)")
            }
        }
        return result
    }()

    /// A copy of the model with a random params.tsv inside the accepted ranges (the edges included).
    static func drawnModel(_ rng: inout Generator, _ k: Int) -> String {
        let directory = NSTemporaryDirectory() + "stance-fuzz-scorer-\(getpid())-\(k)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in Model.fileNames where name != "params.tsv" {
            let from = (modelDirectory as NSString).appendingPathComponent(name)
            let to = (directory as NSString).appendingPathComponent(name)
            try? FileManager.default.removeItem(atPath: to)
            try? FileManager.default.copyItem(atPath: from, toPath: to)
        }
        let text = ParameterSpace.draw(&rng).map { "\($0.key)\t\($0.value)\n" }.joined()
        let path = (directory as NSString).appendingPathComponent("params.tsv")
        guard FileManager.default.createFile(atPath: path, contents: Data(("format\t1\n" + text).utf8)) else {
            fail("cannot write \(path)")
        }
        return directory
    }

    /// Pieces a segment is built from: every term of the model, and the punctuation and joins that
    /// make lists, clauses, quotes and questions.
    static let vocabulary: [[UInt8]] = {
        var pieces = Set(lexicons[0].entries.map { Array($0.text.utf8) })
        for p in ["，", "。", "、", "和", "与", " and ", ", ", "“", "”", "?", "？", "不", " ", "的", "对", "%", "50", "五成"] {
            pieces.insert(Array(p.utf8))
        }
        return pieces.sorted { $0.lexicographicallyPrecedes($1) }
    }()

    /// The segment an input stands for: raw bytes, or a term per two bytes; repeated to make it long.
    static func segment(_ bytes: [UInt8]) -> [UInt8] {
        guard let mode = bytes.first else { return [] }
        let rest = bytes.dropFirst()
        var unit: [UInt8] = []
        if mode & 0x08 != 0 {
            var i = rest.startIndex
            while i + 1 < rest.endIndex {
                unit += vocabulary[(Int(rest[i]) << 8 | Int(rest[i + 1])) % vocabulary.count]
                i += 2
            }
        } else {
            unit = Array(rest)
        }
        // x1, x64, x1024 or up to 300 KB: a long segment must still score in near-linear time.
        let repeats = [1, 64, 1024, 1 << 20][Int(mode >> 4) & 3]
        var text: [UInt8] = []
        for _ in 0..<repeats {
            text += unit
            if text.count >= 300_000 || unit.isEmpty { break }
        }
        return text
    }

    static func check(_ scored: ScoredArticle, _ what: String) {
        if !scored.stance.tone.isFinite || abs(scored.stance.tone) > 1 { fail("tone \(scored.stance.tone) \(what)") }
        for c in scored.stance.countries where !c.score.isFinite || abs(c.score) > 1 || c.mentions < 1 {
            fail("score \(c.score) mentions \(c.mentions) for \(c.code) \(what)")
        }
    }

    nonisolated(unsafe) static var scorers: [ArticleScorer] = lexicons.map { ArticleScorer(lexicon: $0) }

    static func one(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let k = Int(mode & 0x07)
        let text = String(decoding: segment(bytes), as: UTF8.self)
        // As the body (one long sentence unless it holds its own stops) and as the title.
        let article = Article(
            id: "f:1", file: "f", index: 1, line: 1, title: mode & 0x40 != 0 ? text : "稀土", outlet: nil,
            published: nil, topic: nil, body: text.isEmpty ? "稀土" : text)
        let first = scorers[k].score(article)
        check(first, "model \(k)")
        let second = scorers[k].score(article)
        if first != second { fail("the same article scored twice differs (model \(k))") }
    }
}

/// SplitMix64, a small seeded generator: the drawn models are the same on every run.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScorer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzScorer.one(bytes)
    return 0
}
