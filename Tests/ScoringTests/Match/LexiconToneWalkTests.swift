import Foundation
import TestSupport
import Testing

@testable import Scoring

/// The stance automaton also holds the tone layer's Latin words, so one walk finds both: the stance
/// tokens must be those of a stance-only walk, the tone tokens those of the tone layer's own Latin
/// automaton, and a sentence's tone the same whether the tone scorer is handed them or walks itself.
@Suite("Lexicon: one walk for stance and Latin tone tokens")
struct LexiconToneWalkTests {
    static var lexicon: Lexicon { Fixture.lexicon }

    /// Lines of tuning sets in both languages (Traditional included), and a few made-up edge cases:
    /// capitals, wildcards, words glued to Chinese, punctuation only.
    static let texts: [String] = {
        let files = [
            "Evaluations/dev/dev_a.txt", "Evaluations/dev2/dev2_b.txt", "Evaluations/realistic/r2_hant.txt",
            "Evaluations/realistic/r4_en_summaries.txt", "Evaluations/tone-zh/tone_zh_a.txt",
            "Evaluations/tone-en/tone_en_a.txt",
        ]
        let lines = files.flatMap { file in
            ((try? String(contentsOfFile: Fixture.path(file), encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init)
        }
        return lines + [
            "China's GREAT victory was not a disaster, but the US slumped badly!",
            "稀土價格暴跌, but MP Materials surged 20% on strong demand.",
            "increasingly worried: Beijing's export curbs are a crisis for Japan",
            "!!! ??? ... ，。", "",
        ]
    }()

    @Test("stance tokens as from a stance-only walk, tone tokens as from the tone layer's own")
    func tokensMatchSeparateWalks() throws {
        let lexicon = LexiconToneWalkTests.lexicon
        #expect(lexicon.findsLatinToneTokens)
        let latin = try #require(lexicon.tone.latin)
        #expect(LexiconToneWalkTests.texts.count > 100)
        for text in LexiconToneWalkTests.texts {
            let bytes = Array(text.utf8)
            var stance: [Lexicon.Token] = [], tone: [Lexicon.Token] = []
            var stanceAlone: [Lexicon.Token] = [], toneAlone: [Lexicon.Token] = []
            bytes.withUnsafeBufferPointer { b in
                lexicon.tokens(in: b, into: &stance, tone: &tone)
                lexicon.tokens(in: b, into: &stanceAlone)
                latin.tokens(in: b, into: &toneAlone)
            }
            #expect(stance == stanceAlone, "\(text)")
            #expect(tone == toneAlone, "\(text)")
        }
    }

    @Test("a sentence's tone and its evidence are the same with the tokens handed over")
    func toneUnchangedWithHandedTokens() {
        let lexicon = LexiconToneWalkTests.lexicon
        var walking = ToneScorer(lexicon: lexicon.tone)
        var handed = ToneScorer(lexicon: lexicon.tone)
        var moved = 0
        for (index, text) in LexiconToneWalkTests.texts.enumerated() {
            let bytes = Array(text.utf8)
            var stance: [Lexicon.Token] = [], tone: [Lexicon.Token] = []
            var alone: [Evidence]? = [], given: [Evidence]? = []
            let (a, b) = bytes.withUnsafeBufferPointer { buffer in
                lexicon.tokens(in: buffer, into: &stance, tone: &tone)
                return (
                    walking.score(buffer, kind: .sentence, segment: index, domain: 0, evidence: &alone),
                    handed.score(
                        buffer, kind: .sentence, segment: index, domain: 0, evidence: &given, latinTokens: tone)
                )
            }
            #expect(a == b, "\(text)")
            #expect(alone == given, "\(text)")
            if a.sum != 0 { moved += 1 }
        }
        // The texts carry tone: the comparison is not between zeros.
        #expect(moved > 50)
    }
}
