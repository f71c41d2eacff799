import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

/// Group statistics and grouping by country × outlet × period (FORMATS.md §6, aggregates).
@Suite("Aggregator")
struct AggregatorTests {
    /// An article already scored, with the given (country, score, label) triples.
    func scored(
        _ id: String, outlet: String?, date: String?, tone: Double = 0,
        _ countries: [(String, Double, StanceLabel)]
    ) -> ScoredArticle {
        let article = Article(
            id: id, file: "t.txt", index: 1, line: 1, title: id, outlet: outlet,
            published: date.flatMap(Timestamp.parse), topic: nil, body: "")
        let stance = ArticleStance(
            countries: countries.map { CountryStance(code: $0.0, score: $0.1, label: $0.2, mentions: 1, evidence: []) },
            tone: tone, toneLabel: .neutral)
        return ScoredArticle(article: article, language: "zh", outlet: outlet, stance: stance)
    }

    func stats(_ values: [(Double, StanceLabel)], tones: [Double]? = nil) -> GroupStats {
        var s = GroupStats()
        for (i, v) in values.enumerated() { s.add(score: v.0, label: v.1, tone: tones?[i] ?? 0) }
        return s
    }

    // MARK: - GroupStats

    @Test("mean, sample sd, t interval, net and label counts of four scores, by hand")
    func arithmetic() throws {
        let s = stats(
            [(0.5, .favorable), (-0.25, .unfavorable), (0.75, .favorable), (0.1, .neutral)],
            tones: [0.2, -0.4, 0.6, 0.0])
        #expect(s.count == 4)
        #expect(abs(s.mean - 0.275) < 1e-12)
        // Deviations 0.225, -0.525, 0.475, -0.175: squares sum to 0.5825; / (n - 1) = 0.194166...
        #expect(abs(s.standardDeviation - (0.5825 / 3).squareRoot()) < 1e-12)
        #expect(abs(s.standardDeviation - 0.440643) < 1e-6)
        // t(0.975, 3 df) = 3.182: half width 3.182 × 0.440643 / 2 = 0.701064.
        let ci = try #require(s.interval)
        #expect(abs(ci.low - -0.426064) < 1e-5)
        #expect(abs(ci.high - 0.976064) < 1e-5)
        #expect((s.favorable, s.neutral, s.unfavorable) == (2, 1, 1))
        #expect(abs(s.net - 0.25) < 1e-12)
        #expect(abs(s.meanTone - 0.1) < 1e-12)
    }

    @Test("three close scores: t(2) = 4.303 gives a narrow interval")
    func smallSample() throws {
        let s = stats([(0.30, .favorable), (0.35, .favorable), (0.40, .favorable)])
        #expect(abs(s.mean - 0.35) < 1e-12)
        #expect(abs(s.standardDeviation - 0.05) < 1e-9)
        let ci = try #require(s.interval)
        let half = 4.303 * 0.05 / 3.0.squareRoot()  // 0.124217
        #expect(abs(ci.low - (0.35 - half)) < 1e-9)
        #expect(abs(ci.high - (0.35 + half)) < 1e-9)
        #expect(s.net == 1)
    }

    @Test("the interval is clipped to [-1, 1]; one article has none; no article has zeros")
    func edges() throws {
        let two = stats([(0.9, .favorable), (-0.9, .unfavorable)])
        let ci = try #require(two.interval)
        #expect(ci.low == -1 && ci.high == 1)
        #expect(two.net == 0)
        let one = stats([(-0.6, .unfavorable)])
        #expect(one.interval == nil)
        #expect(one.standardDeviation == 0)
        #expect(one.net == -1)
        let same = stats([(0.2, .favorable), (0.2, .favorable), (0.2, .favorable)])
        #expect(same.standardDeviation == 0)
        #expect(same.interval.map { abs($0.low - 0.2) < 1e-12 && abs($0.high - 0.2) < 1e-12 } == true)
        let none = GroupStats()
        #expect(none.count == 0 && none.mean == 0 && none.net == 0 && none.interval == nil)
    }

    @Test(
        "Student's t quantiles match the printed table",
        arguments: [
            (1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (10, 2.228), (20, 2.086), (30, 2.042),
            (31, 2.040), (40, 2.021), (60, 2.000), (120, 1.980), (1000, 1.962),
        ])
    func tQuantiles(degrees: Int, t: Double) {
        #expect(GroupStats.t975(degrees: degrees) == t)
    }

    // MARK: - Grouping

    var corpus: [ScoredArticle] {
        [
            scored(
                "a1", outlet: "搜狐财经", date: "2025-07-22 06:20", [("CN", 0.5, .favorable), ("US", -0.4, .unfavorable)]),
            scored("a2", outlet: "观察者网", date: "2025-07-15 08:43", [("CN", 0.2, .favorable)]),
            scored("a3", outlet: "搜狐财经", date: "2025-07-14 02:18", [("US", 0.0, .neutral)]),
            scored("a4", outlet: nil, date: nil, [("CN", -0.3, .unfavorable)]),
            scored("a5", outlet: "观察者网", date: "2025-07-16 10:00", []),
        ]
    }

    func aggregate(_ by: Set<Aggregator.Dimension>, _ period: Period = .week) -> Aggregator {
        var aggregator = Aggregator(by: by, period: period)
        for article in corpus { aggregator.add(article) }
        return aggregator
    }

    @Test("by country: one group per country, countries with more articles first")
    func byCountry() throws {
        let a = aggregate([.country])
        #expect(a.articles == 5)
        #expect(a.sorted.map(\.key.country) == ["CN", "US"])
        let cn = try #require(a.groups[Aggregator.Key(country: "CN")])
        #expect(cn.count == 3)
        #expect(abs(cn.mean - 0.4 / 3) < 1e-12)
        #expect((cn.favorable, cn.neutral, cn.unfavorable) == (2, 0, 1))
        #expect(abs(cn.net - 1.0 / 3) < 1e-12)
        let us = try #require(a.groups[Aggregator.Key(country: "US")])
        #expect(us.count == 2 && abs(us.mean - -0.2) < 1e-12)
        #expect(a.groups.keys.allSatisfy { $0.outlet == nil && $0.period == nil })
    }

    @Test("by country and period (ISO week); undated articles form their own period")
    func byCountryAndWeek() {
        let a = aggregate([.country, .period])
        let keys = Set(a.groups.keys.map { "\($0.country!) \($0.period!)" })
        #expect(keys == ["CN 2025-W30", "US 2025-W30", "CN 2025-W29", "US 2025-W29", "CN undated"])
        #expect(a.groups[Aggregator.Key(country: "CN", period: "undated")]?.mean == -0.3)
    }

    @Test("by outlet and month; an unknown outlet is grouped as (unknown)")
    func byOutletAndMonth() {
        let a = aggregate([.outlet, .period], .month)
        let counts = Dictionary(
            uniqueKeysWithValues: a.groups.map { ("\($0.key.outlet!) \($0.key.period!)", $0.value.count) })
        // Without a country grouping each article counts once (by its tone), including one naming no country.
        #expect(counts == ["搜狐财经 2025-07": 2, "观察者网 2025-07": 2, "(unknown) undated": 1])
        #expect(a.groups.keys.allSatisfy { $0.country == nil })
    }

    @Test("by country, outlet and quarter")
    func byAllThree() {
        let a = aggregate([.country, .outlet, .period], .quarter)
        let keys = Set(a.groups.keys.map { "\($0.country!)|\($0.outlet!)|\($0.period!)" })
        #expect(keys == ["CN|搜狐财经|2025-Q3", "US|搜狐财经|2025-Q3", "CN|观察者网|2025-Q3", "CN|(unknown)|undated"])
        #expect(a.groups[Aggregator.Key(country: "US", outlet: "搜狐财经", period: "2025-Q3")]?.count == 2)
    }

    @Test("no dimension means by country")
    func defaultDimension() {
        #expect(Aggregator(by: []).dimensions == [.country])
    }

    @Test(
        "grouped by outlet alone, the article count counts articles, not (article, country) pairs")
    func outletCountsArticles() {
        let a = aggregate([.outlet])
        // 搜狐财经 published a1 (naming CN and US) and a3: two articles.
        #expect(a.groups[Aggregator.Key(outlet: "搜狐财经")]?.count == 2)
        #expect(a.groups.values.map(\.count).reduce(0, +) <= a.articles)
    }

    // MARK: - Real records

    @Test("pinyin and Chinese names of an outlet are counted as one outlet")
    func outletAliases() throws {
        let model = PipelineFixture.lexicon.model
        for (pinyin, chinese) in [
            ("Sou Hu Cai Jing", "搜狐财经"), ("Guan Cha Zhe Wang", "观察者网"), ("Zheng Quan Shi Bao", "证券时报"),
            ("Xin Lang Cai Jing", "新浪财经"), ("Hua Er Jie Jian Wen", "华尔街见闻"),
        ] {
            #expect(model.canonicalOutlet(pinyin) == model.canonicalOutlet(chinese), "\(pinyin) = \(chinese)")
        }
        var scorer = ArticleScorer(lexicon: PipelineFixture.lexicon)
        var aggregator = Aggregator(by: [.outlet])
        let body = "中国宣布对稀土实施出口管制，美国表示关切。"
        for (n, outlet) in ["Sou Hu Cai Jing", "搜狐财经", "Sou Hu Cai Jing"].enumerated() {
            aggregator.add(
                scorer.score(
                    Article(
                        id: "x:\(n)", file: "x", index: n, line: n, title: "稀土", outlet: outlet,
                        published: Timestamp.parse("2025-10-17 17:13"), topic: nil, body: body)))
        }
        #expect(aggregator.groups.count == 1)
        #expect(aggregator.groups.keys.first?.outlet == "搜狐财经")
    }

    @Test("on the seeds, every group equals the statistics recomputed from the article scores")
    func seedsRecomputed() throws {
        let loaded = try PipelineFixture.load(paths: [PipelineFixture.seedsDirectory.path])
        var scorer = ArticleScorer(lexicon: PipelineFixture.lexicon)
        let scoredArticles = loaded.articles.map { scorer.score($0) }
        var aggregator = Aggregator(by: [.country, .outlet, .period], period: .month)
        for s in scoredArticles { aggregator.add(s) }
        #expect(aggregator.articles == 30)
        // Seed outlets are pinyin; they must come out under their Chinese names.
        #expect(!aggregator.groups.keys.contains { $0.outlet == "Sou Hu Cai Jing" })
        #expect(aggregator.groups.keys.contains { $0.outlet == "搜狐财经" })
        var expected: [Aggregator.Key: [CountryStance]] = [:]
        for s in scoredArticles {
            let month = s.article.published.map { String(format: "%04d-%02d", $0.year, $0.month) } ?? "undated"
            for c in s.stance.countries {
                expected[Aggregator.Key(country: c.code, outlet: s.outlet ?? "(unknown)", period: month), default: []]
                    .append(c)
            }
        }
        #expect(Set(expected.keys) == Set(aggregator.groups.keys))
        for (key, members) in expected {
            let g = try #require(aggregator.groups[key])
            let n = Double(members.count)
            let mean = members.map(\.score).reduce(0, +) / n
            #expect(g.count == members.count)
            #expect(abs(g.mean - mean) < 1e-9)
            if members.count > 1 {
                let sd = (members.map { ($0.score - mean) * ($0.score - mean) }.reduce(0, +) / (n - 1)).squareRoot()
                #expect(abs(g.standardDeviation - sd) < 1e-6)
            }
            let fav = members.filter { $0.label == .favorable }.count,
                unf = members.filter { $0.label == .unfavorable }.count
            #expect(g.favorable == fav && g.unfavorable == unf && g.neutral == members.count - fav - unf)
            #expect(abs(g.net - Double(fav - unf) / n) < 1e-12)
        }
    }
}
