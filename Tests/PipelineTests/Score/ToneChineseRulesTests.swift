import Foundation
import Pipeline
import Scoring
import TestSupport
import Testing

/// The Chinese rules of the tone layer stated as examples: neutral words that hide the word inside
/// them, decreases that turn what they lower, and the Chinese neutral band of the article tone.
@Suite("Chinese tone rules")
struct ToneChineseRulesTests {
    /// The sentence helpers of the general tone rules (one-sentence article, its evidence).
    let rules = ToneRulesTests()
    func tone(_ sentence: String) -> Double { rules.tone(sentence) }
    func evidence(_ sentence: String) -> [Evidence] { rules.evidence(sentence) }

    @Test func aNeutralWordHidesTheToneWordInsideIt() {
        // 避险|情绪 holds 险情 (a dangerous situation) across its word boundary.
        #expect(!evidence("市场避险情绪升温。").contains { $0.entry == "险情" })
        #expect(tone("市场避险情绪有所缓解。") > 0)
        // 负责人 (the person in charge) is not 负责 (responsible, +).
        #expect(tone("商务部有关负责人表示。") == 0)
        // 无人机 holds the negator 无: the drone does not negate the word after it.
        #expect(tone("无人机产业发展良好。") > 0)
    }

    @Test func aNeutralWordStopsNoRule() {
        // 战略 holds the diminisher 略 but does not scale 优势; the negator before it still reaches.
        let plain = tone("中国具有优势。")
        #expect(tone("中国具有战略优势。") == plain)
        #expect(!evidence("中国具有战略优势。").contains { $0.modifiers.contains { $0.hasPrefix("略") } })
        #expect(
            evidence("他们不具备战略优势。").contains { $0.entry == "优势" && $0.modifiers.contains { $0.hasPrefix("不×") } })
    }

    @Test func aDecreaseTurnsWhatItLowers() {
        #expect(tone("消费者投诉量同比下降。") > 0)
        #expect(tone("不良贷款率下降。") > 0)
        #expect(tone("经济增长放缓。") < 0)
        // Alone a decrease keeps its own valence: a fall is bad news.
        #expect(tone("公司利润同比下降。") < 0)
        let words = evidence("消费者投诉量同比下降。")
        #expect(words.contains { $0.entry == "下降" && $0.modifiers.contains { $0.hasPrefix("lowers 投诉") } })
    }

    @Test func aDecreaseStopsAtTheClause() {
        // The complaint is in another clause: 下降 stands alone and is negative.
        #expect(tone("投诉不少，利润下降。") < tone("投诉不少。"))
    }

    @Test func aReverserTurnsWhatFollows() {
        #expect(tone("这轮上涨缺乏基本面支撑。") < 0)
        #expect(tone("企业成功摆脱困境。") > 0)
        #expect(tone("有关部门依法打击违规行为。") > 0)
        #expect(tone("贸易摩擦损害市场信心。") < 0)
        // Alone a reverser keeps its own valence.
        #expect(tone("公司缺乏资金。") < 0)
        let words = evidence("企业成功摆脱困境。")
        #expect(words.contains { $0.entry == "困境" && $0.modifiers.contains("摆脱×-0.8") })
    }

    @Test func traditionalSpellingsOfRuleWordsFold() {
        #expect(tone("消費者投訴量同比下降。") > 0)
        // 並非 is the traditional 并非: it negates.
        #expect(tone("這次改革並非失敗。") > 0)
        #expect(tone("客運量已恢復。") > 0)
    }

    @Test func theChineseNeutralBandLabelsChineseArticles() {
        var model = Fixture.lexicon.model
        model.tone.parameters.neutralBands = ["zh": 0.08]
        model.parameters.toneFavorable = 0.15
        model.parameters.toneUnfavorable = -0.15
        #expect(model.toneLabel(0.1, language: "zh") == .favorable)
        #expect(model.toneLabel(-0.1, language: "zh") == .unfavorable)
        #expect(model.toneLabel(0.05, language: "zh") == .neutral)
        #expect(model.toneLabel(0.1, language: "en") == .neutral)
        // A Chinese article whose tone lies between the two bands is labelled by the Chinese one, an
        // English article with the same tone by params.tsv.
        let tone = abs(self.tone("项目进展顺利。"))
        #expect(tone > 0)
        model.tone.parameters.neutralBands = ["zh": tone / 2]
        model.parameters.toneFavorable = tone + 0.1
        model.parameters.toneUnfavorable = -(tone + 0.1)
        var scorer = ArticleScorer(lexicon: Lexicon(model: model))
        let article = Article(
            id: "t:1", file: "t", index: 1, line: 1, title: "Notice", outlet: nil, published: nil, topic: nil,
            body: "项目进展顺利。")
        let scored = scorer.score(article)
        #expect(scored.language == "zh")
        #expect(abs(scored.stance.tone) == tone)
        #expect(scored.stance.toneLabel != .neutral)
        model.tone.parameters.neutralBands = [:]
        var plain = ArticleScorer(lexicon: Lexicon(model: model))
        #expect(plain.score(article).stance.toneLabel == .neutral)
    }

    @Test func theBandIsFittedOnTheOtherFolds() {
        // Tones of ±0.1 are rated non-neutral, ±0.02 neutral: a band of 0.03…0.10 separates them.
        var m = ToneMetrics(neutralBand: -0.15...0.15, goldNeutralBand: -0.5...0.5)
        for i in 0..<20 {
            let (rating, predicted) = [(2.0, 0.1), (-2.0, -0.1), (0.0, 0.02), (0.0, -0.02)][i % 4]
            m.items.append(
                .init(
                    rating: rating, gold: ToneLabel(rating, neutral: -0.5...0.5), predicted: predicted, language: "zh"))
        }
        #expect(m.labels.macroF1 < 0.6)
        let band = m.fitBands(m.items)["zh"] ?? 0
        #expect(band > 0.02 && band <= 0.1)
        let cv = m.crossValidate(folds: 5)
        #expect(cv.folds.count == 5)
        #expect(abs(cv.pooled.macroF1 - 1) < 1e-9)
    }
}

/// `stance model check` on the new tone rule types and the neutral band: each bad value an error
/// with its file and line.
@Suite("Chinese tone rules: model check")
struct ToneChineseRulesCheckTests {
    /// A copy of the shipped model folder with `tone_rules.tsv` extended by `rows`; the line of the
    /// first added row.
    static func model(adding rows: String) throws -> (URL, Int) {
        let dir = try Fixture.temporaryDirectory(prefix: "stance-tone-check")
        let source = URL(fileURLWithPath: Fixture.modelDirectory)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let rules = dir.appendingPathComponent("tone_rules.tsv")
        var text = try String(contentsOf: rules, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + rows).write(to: rules, atomically: true, encoding: .utf8)
        return (dir, line)
    }

    @Test(
        arguments: [
            ("neutral_band_mixed\tparameter\t1.5\n", "half-width of the neutral band"),
            ("neutral_band_en\tparameter\t0\n", "half-width of the neutral band"),
            ("neutral_band_fr\tparameter\t0.1\n", "unknown language `fr`"),
            ("战术\tneutral\t2\n", "out of range for a neutral"),
            ("下沉\tdecrease\t0.5\n", "out of range for a decrease"),
            ("缺席\treverser\t1\n", "out of range for a reverser"),
            ("委员会\treverser\t-0.8\n", "is not a tone word"),
            ("委员会\tdecrease\t-0.6\n", "is not a tone word"),
            ("剧烈\tprefix\t1\n", "out of range for a prefix"),
            ("剧烈\tprefix\t0\n", "out of range for a prefix"),
            ("上涨\traiser\t0.8\n", "out of range for a raiser"),
            ("委员会\traiser\t1.2\n", "is not a tone word"),
            ("上行\tincrease\t0.8\n", "out of range for a increase"),
            ("凭什么\tquestion\t0\n", "out of range for a question"),
            ("凭什么\tquestion\t-1.5\n", "out of range for a question"),
            ("委员会\tincrease\t1.2\n", "is not a tone word"),
        ])
    func badRowsAreErrorsWithTheirLine(_ row: String, _ message: String) throws {
        let (dir, line) = try Self.model(adding: row)
        defer { try? FileManager.default.removeItem(at: dir) }
        let issues = Model.check(directory: dir.path).filter { $0.severity == .error }
        #expect(
            issues.contains { $0.path.hasSuffix("tone_rules.tsv") && $0.line == line && $0.message.contains(message) },
            "\(issues)")
    }

    @Test func theShippedBandIsRead() throws {
        let model = Fixture.lexicon.model
        #expect(model.tone.parameters.neutralBands["zh"] != nil)
        #expect(model.tone.words.contains { $0.term == "下降" && $0.lowers != nil })
    }
}
