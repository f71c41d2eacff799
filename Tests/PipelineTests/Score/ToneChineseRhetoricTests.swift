import Foundation
import Pipeline
import Scoring
import TestSupport
import Testing

/// The second pass of Chinese tone rules stated as examples: rises that raise what they follow,
/// rhetorical questions, scare quotes, verbs of relief read both ways, and plain report words.
@Suite("Chinese tone rules: rises, rhetoric, quotes")
struct ToneChineseRhetoricTests {
    let rules = ToneRulesTests()
    func tone(_ sentence: String) -> Double { rules.tone(sentence) }
    func evidence(_ sentence: String) -> [Evidence] { rules.evidence(sentence) }

    @Test func aRiseRaisesWhatItFollows() {
        // A rise of a bad thing is bad news, not a rise.
        #expect(tone("城镇失业率上升。") < tone("城镇失业率。"))
        #expect(tone("公司亏损进一步扩大。") < 0)
        #expect(
            evidence("公司亏损进一步扩大。").contains {
                $0.entry == "扩大" && $0.modifiers.contains { $0.hasPrefix("raises 亏损") }
            })
        // Alone a rise keeps its own valence; a slowdown after it still lowers it.
        #expect(tone("出口同比增长。") > 0)
        #expect(tone("居民收入增长放缓。") < 0)
    }

    @Test func aRhetoricalQuestionTurnsTheSentence() {
        #expect(tone("这是好事。") > 0)
        #expect(tone("难道这是好事吗？") < 0)
        #expect(tone("难道这不是好事吗？") > 0)
        // A plain question only damps.
        #expect(tone("这是好事吗？") > 0)
        #expect(tone("一边要求放宽出口，一边不断加码限制，这合理吗？") < 0)
    }

    @Test func scareQuotesTakeThePraiseAway() {
        #expect(tone("管理层称之为重大进展。") > 0)
        #expect(tone("这个季度亏了5亿元，管理层居然称之为“重大进展”。") < 0)
        #expect(
            evidence("管理层居然称之为“重大进展”。").contains {
                $0.entry == "重大进展" && $0.modifiers.contains("“”×0")
            })
        // Corner brackets (Taiwan, Hong Kong) quote as well; a bad word in quotes keeps its tone.
        #expect(tone("官方稱「一切順利」。") <= 0)
        #expect(tone("業者直呼「快撐不下去」。") < 0)
    }

    @Test func aVerbOfReliefTurnsWhatFollowsBeforeItLowersWhatPrecedes() {
        #expect(tone("拆息回落将纾缓供楼人士的压力。") > 0)
        #expect(tone("群众就医负担进一步减轻。") > 0)
        #expect(tone("切实减轻企业负担。") > 0)
        #expect(tone("企业终于走出困境。") > 0)
        #expect(tone("这家企业至今仍未走出困境。") < 0)
        // The negator belongs to the reverser: 不损害信心 keeps the confidence.
        #expect(tone("此举不会损害市场信心。") > 0)
    }

    @Test func setPhrasesHideTheNegatorInsideThem() {
        // 不如说 and 坚定不移 hold 不 but negate nothing.
        #expect(tone("与其说是战略调整，不如说是节节败退。") < 0)
        #expect(tone("会议强调，要坚定不移推动高质量发展。") >= 0)
    }

    @Test func plainReportWordsAreMilderThanJudgements() {
        // 增长 in a statistic states a figure; 大幅增长 and 强劲复苏 judge it.
        #expect(abs(tone("出口同比增长3.6%。")) < abs(tone("出口强劲复苏。")))
        #expect(abs(tone("失业率为5.2%。")) < abs(tone("失业潮来袭。")))
    }
}

/// `stance model check` on the second pass's rule types and parameter.
@Suite("Chinese tone rules: second-pass model check")
struct ToneChineseRhetoricCheckTests {
    @Test func quotedPositiveOutOfRangeIsAnError() throws {
        let (dir, _) = try ToneChineseRulesCheckTests.model(adding: "")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("tone_rules.tsv")
        let text = try String(contentsOf: rules, encoding: .utf8)
        #expect(text.contains("quoted_positive\tparameter\t0\n"))
        try text.replacingOccurrences(of: "quoted_positive\tparameter\t0\n", with: "quoted_positive\tparameter\t2\n")
            .write(to: rules, atomically: true, encoding: .utf8)
        let issues = Model.check(directory: dir.path).filter { $0.severity == .error }
        #expect(issues.contains { $0.message.contains("`quoted_positive` must lie in -1.0...1.0") }, "\(issues)")
    }

    @Test func aRhetoricalQuestionWordIsAccepted() throws {
        let (dir, _) = try ToneChineseRulesCheckTests.model(adding: "凭什么\tquestion\t-0.6\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Model.check(directory: dir.path).filter { $0.severity == .error }.isEmpty)
    }

    @Test func theShippedRulesAreRead() {
        let model = Fixture.lexicon.model
        #expect(model.tone.words.contains { $0.term == "扩大" && ($0.lowers ?? 0) > 1 })
        #expect(model.tone.rules.contains { $0.term == "难道" && $0.type == .question && $0.factor < 0 })
        #expect(model.tone.parameters.quotedPositive == 0)
    }
}
