/// Net stance per outlet and country on a diverging blue–orange scale: each cell shows its net
/// stance and number of articles; a cell with no article stays blank.
///
/// Outlets are merged through `outlets.tsv` before they get here (`Sou Hu Cai Jing` is `搜狐财经`).
/// The most covered outlets are drawn; a note counts the rest, so no article disappears unsaid.
public struct OutletHeatmap: Sendable {
    public let data: ChartData
    public let context: ChartContext
    public static let maxOutlets = 25

    static let cell = (width: 76.0, height: 34.0)
    static let top = 112.0
    static let labelColumns = 26

    public init(data: ChartData, context: ChartContext) {
        self.data = data
        self.context = context
    }

    static let title = "Net stance per outlet and country"

    public func svg(standalone: Bool = true) -> String {
        let outlets = Array(data.outletsByArticles.prefix(OutletHeatmap.maxOutlets))
        let countries = context.countries
        let labels = outlets.map {
            "\(SVG.clipped($0, columns: OutletHeatmap.labelColumns)) (\(data.outletArticles[$0] ?? 0))"
        }
        let labelWidth = max(120, (labels.map { SVG.textWidth($0, size: 12.5) }.max() ?? 0) + 28)
        let gridLeft = 20 + labelWidth
        let gridWidth = Double(countries.count) * OutletHeatmap.cell.width
        let gridBottom = OutletHeatmap.top + Double(outlets.count) * OutletHeatmap.cell.height
        var notes: [String] = []
        let hidden = data.outletsByArticles.dropFirst(outlets.count)
        if !hidden.isEmpty {
            let articles = hidden.reduce(0) { $0 + (data.outletArticles[$1] ?? 0) }
            notes.append("\(hidden.count) less covered outlets (\(articles) articles) are not drawn.")
        }
        if data.withoutCountry > 0 {
            notes.append(
                "\(data.withoutCountry) article\(data.withoutCountry == 1 ? " names" : "s name") no country and stand\(data.withoutCountry == 1 ? "s" : "") in no cell."
            )
        }
        let width = max(640, gridLeft + gridWidth + 40)
        let height = gridBottom + 120 + Double(notes.count) * 17
        var svg = SVG(width: width, height: height)
        svg.header(
            title: OutletHeatmap.title,
            subtitle: "net stance = (favorable − unfavorable) / articles · number: articles · blank: no article")
        svg.open("g", [("class", "axis axis-x")])
        for (j, country) in countries.enumerated() {
            let x = gridLeft + (Double(j) + 0.5) * OutletHeatmap.cell.width
            svg.text(
                country, x: x, y: OutletHeatmap.top - 22, anchor: .middle, size: 13, weight: "bold",
                extra: [("class", "tick")])
            svg.text(
                "\(data.countries[country]?.count ?? 0)", x: x, y: OutletHeatmap.top - 8, anchor: .middle, size: 10.5,
                fill: Palette.muted)
        }
        svg.close("g")
        svg.text("outlet (articles)", x: 20, y: OutletHeatmap.top - 8, size: 12, weight: "bold")
        for (i, outlet) in outlets.enumerated() {
            let y = OutletHeatmap.top + Double(i) * OutletHeatmap.cell.height
            svg.text(
                labels[i], x: gridLeft - 10, y: y + OutletHeatmap.cell.height / 2 + 4.5, anchor: .end, size: 12.5,
                extra: [("class", "row-label")], tip: outlet)
            svg.open("g", [("class", "row"), ("data-outlet", outlet)])
            for (j, country) in countries.enumerated() {
                let x = gridLeft + Double(j) * OutletHeatmap.cell.width
                cellMark(&svg, x: x, y: y, stats: data.outlets[outlet]?[country], outlet: outlet, country: country)
            }
            svg.close("g")
        }
        legend(&svg, left: gridLeft, top: gridBottom + 22)
        svg.footer(context, notes: notes)
        return svg.rendered(
            title: OutletHeatmap.title,
            description: "\(outlets.count) outlets × \(countries.count) countries. \(context.footer)",
            id: "chart-outlets", standalone: standalone)
    }

    func cellMark(_ svg: inout SVG, x: Double, y: Double, stats: GroupStats?, outlet: String, country: String) {
        let (w, h) = OutletHeatmap.cell
        guard let s = stats, s.count > 0 else {
            svg.rect(
                x: x + 1, y: y + 1, width: w - 2, height: h - 2, fill: "#FFFFFF", stroke: "#EEEEEE",
                extra: [("class", "cell empty")])
            return
        }
        let fill = Palette.diverging(s.net)
        let ink = Palette.text(on: fill)
        let tip =
            "\(outlet) · \(country): net \(SVG.signed(s.net)), \(s.count) article\(s.count == 1 ? "" : "s") "
            + "(\(s.favorable) favorable, \(s.neutral) neutral, \(s.unfavorable) unfavorable)"
        svg.rect(
            x: x + 1, y: y + 1, width: w - 2, height: h - 2, fill: fill,
            extra: [("class", "cell"), ("data-country", country), ("data-n", String(s.count))], tip: tip)
        svg.text(
            SVG.signed(s.net), x: x + w / 2 - 2, y: y + h / 2 + 4.5, anchor: .end, size: 12, weight: "bold", fill: ink)
        svg.text("n=\(s.count)", x: x + w / 2 + 2, y: y + h / 2 + 4, size: 10, fill: ink)
    }

    /// The colour bar from −1 to +1 with its ends named.
    func legend(_ svg: inout SVG, left: Double, top: Double) {
        let width = 240.0
        let scale = LinearScale(domain: (-1, 1), range: (left, left + width))
        svg.open("g", [("class", "legend colour-scale")])
        let steps = 40
        for k in 0..<steps {
            let v = -1 + 2 * (Double(k) + 0.5) / Double(steps)
            svg.rect(
                x: left + width * Double(k) / Double(steps), y: top, width: width / Double(steps) + 0.3, height: 12,
                fill: Palette.diverging(v))
        }
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            svg.line(x1: scale(tick), y1: top + 12, x2: scale(tick), y2: top + 16, stroke: Palette.axis)
            svg.text(
                SVG.signed(tick, decimals: 1), x: scale(tick), y: top + 28, anchor: .middle, size: 11,
                extra: [("class", "tick")])
        }
        svg.text("unfavorable", x: left, y: top + 44, size: 11.5, fill: Palette.muted)
        svg.text("favorable", x: left + width, y: top + 44, anchor: .end, size: 11.5, fill: Palette.muted)
        svg.close("g")
        svg.legendSwatch(x: left + width + 30, y: top + 11, fill: "#FFFFFF", label: "no article", stroke: "#BBBBBB")
    }
}
