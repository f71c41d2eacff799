import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

@Suite("timeline chart")
struct TimelineChartTests {
    /// Three weeks of CN and US coverage, a gap week, and two undated articles.
    static let articles: [ScoredArticle] = [
        ChartFixture.article(1, date: "2025-07-07", [("CN", 0.6, .favorable), ("US", -0.5, .unfavorable)]),
        ChartFixture.article(2, date: "2025-07-08", [("CN", 0.4, .favorable), ("US", -0.2, .unfavorable)]),
        ChartFixture.article(3, date: "2025-07-15", [("CN", -0.3, .unfavorable)]),
        ChartFixture.article(4, date: "2025-07-29", [("CN", 0.1, .neutral), ("US", 0.5, .favorable)]),
        ChartFixture.article(5, date: nil, [("CN", 0.9, .favorable)]),
        ChartFixture.article(6, date: nil, [("US", -0.9, .unfavorable)]),
    ]

    func render(_ countries: [String], measure: TimelineChart.Measure = .net) throws -> XMLTree {
        let data = ChartFixture.data(TimelineChartTests.articles)
        let svg = TimelineChart(data: data, context: ChartFixture.context(countries), measure: measure).svg()
        return try XMLTree.parse(svg)
    }

    @Test("one series per requested country, in the order asked")
    func seriesPerCountry() throws {
        let tree = try render(["US", "CN", "JP"])
        let series = tree.elements("g", class: "series").map { $0.attributes["data-country"] ?? "" }
        #expect(series == ["US", "CN", "JP"])
        // JP has no article: its series is empty and a note says so.
        #expect(tree.elements("g", class: "series")[2].children.isEmpty)
        #expect(
            tree.elements("text", class: "chart-note").contains { $0.allText.contains("No dated article names JP") })
    }

    @Test("a point per country and dated period, inside the plot area, sized by its articles")
    func pointsInsidePlot() throws {
        let tree = try render(["CN", "US"])
        let plot = TimelineChart.plot
        let cn = try #require(tree.elements("g", class: "series").first { $0.attributes["data-country"] == "CN" })
        let points = cn.elements("circle", class: "point")
        // CN: weeks 28 (2 articles), 29 (1) and 31 (1); undated left out.
        #expect(points.map { $0.attributes["data-n"] } == ["2", "1", "1"])
        for point in tree.elements("circle", class: "point") {
            let (x, y) = (try #require(point.number("cx")), try #require(point.number("cy")))
            #expect(x > plot.left && x < plot.right && y > plot.top && y < plot.bottom)
        }
        #expect(try #require(points[0].number("r")) > (try #require(points[1].number("r"))))
        // Net of week 28 is +1 (two favorable): the highest of the three points.
        #expect(try #require(points[0].number("cy")) < (try #require(points[2].number("cy"))))
    }

    @Test("net scale ticks from −1 to +1, legend entries per country, undated articles noted")
    func ticksLegendNote() throws {
        let tree = try render(["CN", "US"])
        let ticks = tree.elements("g", class: "axis-y").first?.elements("text", class: "tick").map(\.allText)
        #expect(ticks == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "+0.5", "+1.0"])
        let legend = tree.elements("g", class: "legend-item").compactMap { $0.attributes["data-country"] }
        #expect(legend == ["CN", "US"])
        #expect(
            tree.elements("text", class: "chart-note").contains {
                $0.allText.contains("2 undated articles are left out of the timeline")
            })
        #expect(
            tree.elements("text", class: "chart-footer").first?.allText
                == "model test-model@1.0 · 10 articles, 10 scored")
        // Every week from the first dated article to the last is on the axis, the empty week 30 included.
        let periods = tree.elements("g", class: "axis-x").first?.elements("text", class: "tick").map(\.allText)
        #expect(periods == ["2025-W28", "2025-W29", "2025-W30", "2025-W31"])
    }

    @Test("a gap between periods is bridged by a dashed line; adjacent periods get a band")
    func bridgesAndBands() throws {
        let tree = try render(["CN"])
        let lines = tree.elements("line", class: "line")
        #expect(lines.count == 2)
        #expect(lines[0].attributes["stroke-dasharray"] == nil)  // W28 → W29
        #expect(lines[1].attributes["stroke-dasharray"] != nil)  // W29 → W31 across the empty W30
        // Only W28 has two articles, hence an interval; W29 has one, so no band joins them.
        #expect(tree.elements("line", class: "interval").count == 1)
        #expect(tree.elements("polygon", class: "band").isEmpty)
    }

    @Test("mean measure places points at the mean score")
    func meanMeasure() throws {
        let tree = try render(["US"], measure: .mean)
        #expect(tree.elements("text", class: "chart-title").first?.allText == "Mean stance score per country, by week")
        let point = try #require(tree.elements("circle", class: "point").first)
        let y = LinearScale(domain: (-1.1, 1.1), range: (TimelineChart.plot.bottom, TimelineChart.plot.top))
        #expect(abs(try #require(point.number("cy")) - y(-0.35)) < 0.11)
    }

    @Test("a dense timeline (periods a few pixels apart) drops point sizes and whiskers, and says so")
    func dense() throws {
        var articles: [ScoredArticle] = []
        for day in 0..<200 {
            let (y, m, d) = Timestamp.civilFromDays(Timestamp.daysFromCivil(2025, 1, 1) + day)
            let date = "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
            for k in 0..<(1 + day % 3) {
                articles.append(
                    ChartFixture.article(day * 3 + k, date: date, [("CN", 0.5, k == 0 ? .favorable : .neutral)]))
            }
        }
        let data = ChartFixture.data(articles, period: .day)
        let tree = try XMLTree.parse(TimelineChart(data: data, context: ChartFixture.context(["CN"])).svg())
        let points = tree.elements("circle", class: "point")
        #expect(points.count == 200)
        #expect(Set(points.compactMap { $0.attributes["r"] }).count == 1)
        #expect(tree.elements("line", class: "interval").isEmpty)
        // Bands join adjacent days that both have 2+ articles: day % 3 == 1 followed by day % 3 == 2, 66 times.
        #expect(tree.elements("polygon", class: "band").count == 66)
        #expect(
            tree.elements("text", class: "chart-note").contains {
                $0.allText.contains("200 days side by side: points are not sized")
            })
    }

    @Test("no dated article at all: empty series, a message in the plot, the undated counted")
    func allUndated() throws {
        let articles = [
            ChartFixture.article(1, date: nil, [("CN", 0.9, .favorable)]),
            ChartFixture.article(2, date: nil, [("US", -0.9, .unfavorable)]),
        ]
        let svg = TimelineChart(data: ChartFixture.data(articles), context: ChartFixture.context(["CN", "US"])).svg()
        let tree = try XMLTree.parse(svg)
        #expect(tree.elements("g", class: "series").map { $0.attributes["data-country"] } == ["CN", "US"])
        #expect(tree.elements("circle", class: "point").isEmpty)
        #expect(tree.allText.contains("No dated article: nothing to place on a timeline"))
        #expect(tree.allText.contains("2 undated articles are left out of the timeline"))
    }

    @Test("net interval is the t interval of +1/0/−1 per article")
    func netInterval() {
        var s = GroupStats()
        s.add(score: 0.5, label: .favorable, tone: 0)
        s.add(score: 0.5, label: .favorable, tone: 0)
        s.add(score: -0.5, label: .unfavorable, tone: 0)
        s.add(score: 0, label: .neutral, tone: 0)
        // values 1, 1, −1, 0: mean 0.25, sd 0.957, t(3) 3.182 → half width 1.523
        let interval = try? #require(s.netInterval)
        #expect(abs((interval?.low ?? 0) - -1) < 1e-9)
        #expect(abs((interval?.high ?? 0) - 1) < 1e-9)
        var many = GroupStats()
        for k in 0..<100 { many.add(score: 0, label: k < 60 ? .favorable : .unfavorable, tone: 0) }
        let ci = try? #require(many.netInterval)
        #expect(abs(many.net - 0.2) < 1e-12)
        #expect(abs((ci?.low ?? 0) - (0.2 - 1.984 * 0.98473 / 10)) < 0.002)
    }

    @Test("period numbers run without gaps and read back as their labels, across year ends")
    func periodOrdinals() throws {
        for period in Period.allCases {
            var previous: Int?
            var day = try #require(Timestamp(year: 2024, month: 12, day: 20))
            for _ in 0..<400 {
                let ordinal = period.ordinal(day)
                #expect(period.label(ordinal: ordinal) == period.label(day))
                if let previous { #expect(ordinal == previous || ordinal == previous + 1) }
                previous = ordinal
                let (y, m, d) = Timestamp.civilFromDays(Timestamp.daysFromCivil(day.year, day.month, day.day) + 1)
                day = try #require(Timestamp(year: y, month: m, day: d))
            }
        }
    }
}
