/// Favorable, neutral and unfavorable articles per country as stacked horizontal bars, so the
/// balance behind each net figure — and how many articles it rests on — is visible at once.
public struct LabelBarsChart: Sendable {
    public let data: ChartData
    public let context: ChartContext

    static let bar = (height: 24.0, gap: 12.0)
    static let top = 96.0
    public static let plot = (left: 70.0, right: 780.0)

    public init(data: ChartData, context: ChartContext) {
        self.data = data
        self.context = context
    }

    static let title = "Stance labels per country"

    public func svg(standalone: Bool = true) -> String {
        let countries = context.countries
        let rows = Double(countries.count)
        let plotBottom = LabelBarsChart.top + rows * (LabelBarsChart.bar.height + LabelBarsChart.bar.gap)
        var notes: [String] = []
        if data.withoutCountry > 0 {
            notes.append(
                "\(data.withoutCountry) article\(data.withoutCountry == 1 ? " names" : "s name") no country and stand\(data.withoutCountry == 1 ? "s" : "") in no bar."
            )
        }
        let height = plotBottom + 112 + Double(notes.count) * 17
        var svg = SVG(width: 960, height: height)
        svg.header(
            title: LabelBarsChart.title,
            subtitle: "articles naming each country, by the stance the article takes toward it")
        let most = countries.map { data.countries[$0]?.count ?? 0 }.max() ?? 0
        let x = LinearScale(
            domain: LinearScale.countDomain(most), range: (LabelBarsChart.plot.left, LabelBarsChart.plot.right))
        svg.open("g", [("class", "axis axis-x")])
        for tick in x.ticks(6) {
            svg.line(
                x1: x(tick), y1: LabelBarsChart.top - 6, x2: x(tick), y2: plotBottom,
                stroke: tick == 0 ? Palette.axis : Palette.grid)
            svg.text(
                String(Int(tick)), x: x(tick), y: plotBottom + 16, anchor: .middle, size: 11.5,
                extra: [("class", "tick")])
        }
        svg.text(
            "articles", x: (LabelBarsChart.plot.left + LabelBarsChart.plot.right) / 2, y: plotBottom + 36,
            anchor: .middle, size: 12.5, fill: Palette.muted, extra: [("class", "axis-title")])
        svg.close("g")
        for (i, country) in countries.enumerated() {
            let y = LabelBarsChart.top + Double(i) * (LabelBarsChart.bar.height + LabelBarsChart.bar.gap)
            svg.text(
                country, x: LabelBarsChart.plot.left - 10, y: y + 16.5, anchor: .end, size: 13, weight: "bold",
                extra: [("class", "row-label")])
            svg.open("g", [("class", "series"), ("data-country", country)])
            let s = data.countries[country] ?? GroupStats()
            var start = 0
            for (label, count, fill) in [
                ("favorable", s.favorable, Palette.favorable), ("neutral", s.neutral, Palette.neutral),
                ("unfavorable", s.unfavorable, Palette.unfavorable),
            ] where count > 0 {
                let x0 = x(Double(start)), x1 = x(Double(start + count))
                svg.rect(
                    x: x0, y: y, width: x1 - x0, height: LabelBarsChart.bar.height, fill: fill, stroke: "#FFFFFF",
                    extra: [("class", "segment \(label)"), ("data-n", String(count))],
                    tip: "\(country): \(count) \(label) of \(s.count)")
                if x1 - x0 >= SVG.textWidth(String(count), size: 12) + 6 {
                    svg.text(
                        String(count), x: (x0 + x1) / 2, y: y + 16.5, anchor: .middle, size: 12,
                        fill: Palette.text(on: fill))
                }
                start += count
            }
            svg.close("g")
            let net = s.count > 0 ? " · net \(SVG.signed(s.net))" : " · no article"
            svg.text("\(s.count)\(net)", x: x(Double(s.count)) + 8, y: y + 16.5, size: 12, fill: Palette.muted)
        }
        let legendY = plotBottom + 64
        svg.open("g", [("class", "legend")])
        var lx = LabelBarsChart.plot.left
        for (label, fill) in [
            ("favorable", Palette.favorable), ("neutral", Palette.neutral), ("unfavorable", Palette.unfavorable),
        ] {
            svg.legendSwatch(x: lx, y: legendY, fill: fill, label: label)
            lx += 120
        }
        svg.close("g")
        svg.footer(context, notes: notes)
        return svg.rendered(
            title: LabelBarsChart.title,
            description: "Label counts of \(countries.joined(separator: ", ")). \(context.footer)",
            id: "chart-labels", standalone: standalone)
    }
}
