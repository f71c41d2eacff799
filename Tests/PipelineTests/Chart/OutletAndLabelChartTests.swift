import Foundation
import Testing

@testable import Pipeline
@testable import Scoring

@Suite("outlet heatmap and label bars")
struct OutletAndLabelChartTests {
    static let hostile = "<script>alert(\"x\")</script> & 'Co'"

    static let articles: [ScoredArticle] = [
        ChartFixture.article(1, outlet: "搜狐财经", [("CN", 0.6, .favorable), ("US", -0.5, .unfavorable)]),
        ChartFixture.article(2, outlet: "搜狐财经", [("CN", 0.4, .favorable), ("US", 0.1, .neutral)]),
        ChartFixture.article(3, outlet: hostile, [("US", -0.3, .unfavorable)]),
        ChartFixture.article(4, outlet: nil, [("CN", -0.4, .unfavorable)]),
        ChartFixture.article(5, outlet: "观察者网", []),
    ]

    @Test("a cell per outlet and country: net colour, n, blank where no article; hostile names stay text")
    func heatmapCells() throws {
        let data = ChartFixture.data(OutletAndLabelChartTests.articles)
        let tree = try XMLTree.parse(OutletHeatmap(data: data, context: ChartFixture.context(["CN", "US"])).svg())
        let rows = tree.elements("g", class: "row")
        #expect(
            rows.map { $0.attributes["data-outlet"] } == [
                "搜狐财经", ChartData.unknownOutlet, OutletAndLabelChartTests.hostile, "观察者网",
            ])
        let sohu = rows[0].elements("rect", class: "cell")
        #expect(sohu.map { $0.attributes["data-n"] } == ["2", "2"])
        #expect(sohu[0].attributes["fill"] == Palette.diverging(1))
        // The hostile outlet has US only: its CN cell is blank; the 观察者网 article names no country.
        #expect(rows[2].elements("rect", class: "empty").count == 1)
        #expect(rows[3].elements("rect", class: "empty").count == 2)
        #expect(tree.elements("text", class: "row-label").contains { $0.allText.hasPrefix("<script>alert(\"x\")") })
        #expect(tree.elements("script").isEmpty)
        #expect(
            tree.elements("text", class: "chart-note").contains { $0.allText.contains("1 article names no country") })
        let scale = tree.elements("g", class: "colour-scale").first?.elements("text", class: "tick").map(\.allText)
        #expect(scale == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "+0.5", "+1.0"])
    }

    @Test("only the most covered outlets are drawn, and the rest are counted in a note")
    func heatmapCapsOutlets() throws {
        let articles = (0..<40).map { ChartFixture.article($0, outlet: "outlet \($0 % 30)", [("CN", 0.5, .favorable)]) }
        let tree = try XMLTree.parse(
            OutletHeatmap(data: ChartFixture.data(articles), context: ChartFixture.context(["CN"])).svg())
        #expect(tree.elements("g", class: "row").count == OutletHeatmap.maxOutlets)
        #expect(
            tree.elements("text", class: "chart-note").contains {
                $0.allText.contains("5 less covered outlets (5 articles) are not drawn")
            })
    }

    @Test("stacked bars: favorable, neutral, unfavorable segments adding up to the country's articles")
    func labelBars() throws {
        let data = ChartFixture.data(OutletAndLabelChartTests.articles)
        let tree = try XMLTree.parse(
            LabelBarsChart(data: data, context: ChartFixture.context(["CN", "US", "JP"])).svg())
        let series = tree.elements("g", class: "series")
        #expect(series.map { $0.attributes["data-country"] } == ["CN", "US", "JP"])
        func segments(_ g: XMLTree) -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: g.elements("rect").map {
                    (
                        String(($0.attributes["class"] ?? "").split(separator: " ").last ?? ""),
                        $0.attributes["data-n"] ?? ""
                    )
                })
        }
        #expect(segments(series[0]) == ["favorable": "2", "unfavorable": "1"])
        #expect(segments(series[1]) == ["neutral": "1", "unfavorable": "2"])
        #expect(segments(series[2]).isEmpty)
        // Segments sit end to end from the axis: CN's unfavorable starts where favorable ends.
        let cn = series[0].elements("rect")
        let end = try #require(cn[0].number("x")) + (try #require(cn[0].number("width")))
        #expect(abs(end - (try #require(cn[1].number("x")))) < 0.11)
        let legend = tree.elements("g", class: "legend-item").map {
            $0.allText.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(legend == ["favorable", "neutral", "unfavorable"])
        #expect(tree.elements("g", class: "axis-x").first?.elements("text", class: "tick").first?.allText == "0")
    }

    @Test("the same data gives the same bytes")
    func deterministic() {
        let a = ChartFixture.data(OutletAndLabelChartTests.articles)
        let b = ChartFixture.data(OutletAndLabelChartTests.articles)
        for kind in ChartKind.allCases {
            #expect(
                kind.render(a, context: ChartFixture.context(["CN", "US"]))
                    == kind.render(b, context: ChartFixture.context(["CN", "US"])))
        }
    }

    @Test("escaping: markup characters become entities, characters XML forbids become U+FFFD")
    func escaping() throws {
        #expect(SVG.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(SVG.escape("a\u{1}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
        var svg = SVG(width: 10, height: 10)
        svg.text("x\u{0}y <b>", x: 1, y: 1)
        let tree = try XMLTree.parse(svg.rendered(title: "t & <t>", description: "", id: "x"))
        #expect(tree.elements("text").first?.allText == "x\u{FFFD}y <b>")
        #expect(tree.elements("title").first?.allText == "t & <t>")
    }

    @Test("palette: the diverging ends are blue and orange, ink stays readable on every fill")
    func palette() {
        #expect(Palette.diverging(1) == "#2166AC")
        #expect(Palette.diverging(-1) == "#B35806")
        #expect(Palette.diverging(0) == "#F7F7F7")
        #expect(Palette.text(on: "#2166AC") == "#FFFFFF")
        #expect(Palette.text(on: "#F7F7F7") == Palette.ink)
        #expect(Palette.text(on: Palette.unfavorable) == Palette.ink)
    }
}
