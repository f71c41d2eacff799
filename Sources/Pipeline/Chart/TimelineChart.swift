/// Net stance (or mean score) per country over periods: one line per country, its 95% interval as a
/// band, points sized by the number of articles and a strip of article counts per period below.
///
/// Periods run at even steps from the first dated article to the last, so weeks without coverage stay
/// visible as gaps, bridged by a dashed line. Undated articles cannot be placed and are left out; a
/// note says how many.
public struct TimelineChart: Sendable {
    public enum Measure: String, Sendable, CaseIterable { case net, mean }

    public let data: ChartData
    public let context: ChartContext
    public let measure: Measure
    /// More lines than colours that stay distinct would make the chart unreadable.
    public static let maxSeries = Palette.series.count

    static let width = 960.0
    /// Below this many pixels between periods, points are not sized and have no whiskers.
    static let denseStep = 8.0
    /// The plot area: every point lies inside it.
    public static let plot = (left: 72.0, right: 770.0, top: 84.0, bottom: 384.0)
    static let strip = (top: 396.0, bottom: 450.0)

    public init(data: ChartData, context: ChartContext, measure: Measure = .net) {
        self.data = data
        self.context = context
        self.measure = measure
    }

    func value(_ s: GroupStats) -> Double { measure == .net ? s.net : s.mean }
    func interval(_ s: GroupStats) -> (low: Double, high: Double)? { measure == .net ? s.netInterval : s.interval }

    var title: String {
        let unit = data.period.rawValue
        return measure == .net ? "Net stance per country, by \(unit)" : "Mean stance score per country, by \(unit)"
    }

    public func svg(standalone: Bool = true) -> String {
        let plot = TimelineChart.plot
        let countries = Array(context.countries.prefix(TimelineChart.maxSeries))
        var notes: [String] = []
        if data.undated > 0 {
            let (one, many) = data.folding == nil ? ("article", "articles") : ("story", "stories")
            notes.append(
                "\(data.undated) undated \(data.undated == 1 ? one + " is" : many + " are") left out of the timeline (counted in the other charts)."
            )
        }
        let absent = countries.filter { (data.timeline[$0] ?? [:]).isEmpty }
        if !absent.isEmpty { notes.append("No dated article names \(absent.joined(separator: ", ")).") }
        if context.countries.count > countries.count {
            notes.append(
                "Only the first \(TimelineChart.maxSeries) countries are drawn; left out: \(context.countries.dropFirst(countries.count).joined(separator: ", "))."
            )
        }
        if let span = data.periodSpan, (plot.right - plot.left) / Double(span.count) < TimelineChart.denseStep {
            notes.append(
                "\(span.count) \(data.period.rawValue)s side by side: points are not sized by articles; a longer --period reads better."
            )
        }
        // Slanted period labels need more room below the strip than level ones.
        let labelRoom =
            data.periodSpan.map { levelLabels(step: (plot.right - plot.left) / Double($0.count)) } ?? true ? 40.0 : 84.0
        let height = TimelineChart.strip.bottom + labelRoom + 48 + Double(notes.count) * 17
        var svg = SVG(width: TimelineChart.width, height: height)
        svg.header(
            title: title,
            subtitle: measure == .net
                ? "net stance = (favorable − unfavorable) / articles · band: 95% interval · point area: articles"
                : "mean article score in [−1, +1] · band: 95% interval (Student's t) · point area: articles")
        // A margin beyond ±1, so the largest points at the extremes stay clear of the plot's edge.
        let y = LinearScale(domain: (-1.1, 1.1), range: (plot.bottom, plot.top))
        svg.valueAxis(
            y, ticks: [-1, -0.5, 0, 0.5, 1], left: plot.left, right: plot.right,
            format: { SVG.signed($0, decimals: 1) },
            title: "unfavorable ← \(measure == .net ? "net stance" : "mean score") → favorable")
        if let span = data.periodSpan {
            let step = (plot.right - plot.left) / Double(span.count)
            let x = { (ordinal: Int) in plot.left + (Double(ordinal - span.lowerBound) + 0.5) * step }
            let maxCount = countries.compactMap { data.timeline[$0]?.values.map(\.count).max() }.max() ?? 1
            // Periods a few pixels apart: sized points and whiskers would pile up; the strip gives the counts.
            let dense = step < TimelineChart.denseStep
            let radius = { (n: Int) in
                dense ? min(2.5, max(1.2, step * 0.45)) : TimelineChart.radius(n, max: maxCount)
            }
            for (i, country) in countries.enumerated() {
                let dodge = (Double(i) - Double(countries.count - 1) / 2) * min(step * 0.5 / Double(countries.count), 4)
                series(
                    &svg, country: country, color: Palette.series[i], x: { x($0) + dodge }, y: y, radius: radius,
                    whiskers: !dense)
            }
            strip(&svg, span: span, x: x, step: step)
            periodLabels(&svg, span: span, x: x, step: step)
            legend(&svg, countries: countries, maxCount: dense ? 0 : maxCount)
        } else {
            for country in countries { svg.element("g", [("class", "series"), ("data-country", country)]) }
            svg.text(
                "No dated article: nothing to place on a timeline", x: (plot.left + plot.right) / 2,
                y: (plot.top + y(0.5)) / 2 + 5, anchor: .middle, size: 14, fill: Palette.muted)
            legend(&svg, countries: countries, maxCount: 1)
        }
        svg.footer(context, notes: notes)
        return svg.rendered(
            title: title, description: "Timeline of \(countries.joined(separator: ", ")). \(context.footer)",
            id: "chart-timeline", standalone: standalone)
    }

    /// One country: band segments and whiskers, then the line, then the points.
    func series(
        _ svg: inout SVG, country: String, color: String, x: (Int) -> Double, y: LinearScale,
        radius: (Int) -> Double, whiskers: Bool
    ) {
        let cells = (data.timeline[country] ?? [:]).sorted { $0.key < $1.key }
        svg.open("g", [("class", "series"), ("data-country", country)])
        for (k, cell) in cells.enumerated() {
            guard let band = interval(cell.value) else { continue }
            if whiskers {
                svg.line(
                    x1: x(cell.key), y1: y(band.low), x2: x(cell.key), y2: y(band.high), stroke: color, width: 1.5,
                    extra: [("stroke-opacity", "0.35"), ("class", "interval")])
            }
            if k + 1 < cells.count, cells[k + 1].key == cell.key + 1, let next = interval(cells[k + 1].value) {
                let polygon = [
                    (x(cell.key), y(band.high)), (x(cells[k + 1].key), y(next.high)),
                    (x(cells[k + 1].key), y(next.low)),
                    (x(cell.key), y(band.low)),
                ]
                svg.element(
                    "polygon",
                    [("points", SVG.points(polygon)), ("fill", color), ("fill-opacity", "0.10"), ("class", "band")])
            }
        }
        for k in cells.indices.dropLast() {
            let (a, b) = (cells[k], cells[k + 1])
            var extra = [("class", "line")]
            // A dashed bridge across periods without any article on this country.
            let bridge = b.key != a.key + 1
            if bridge { extra += [("stroke-dasharray", "3 4"), ("stroke-opacity", "0.55")] }
            svg.line(
                x1: x(a.key), y1: y(value(a.value)), x2: x(b.key), y2: y(value(b.value)), stroke: color,
                width: bridge ? 1.3 : 2.2, extra: extra)
        }
        for cell in cells {
            let s = cell.value
            let ci = interval(s).map { "; 95% [\(SVG.signed($0.low)), \(SVG.signed($0.high))]" } ?? ""
            let tip =
                "\(country) \(data.period.label(ordinal: cell.key)): \(measure.rawValue) \(SVG.signed(value(s))), "
                + "\(s.count) article\(s.count == 1 ? "" : "s") (\(s.favorable) favorable, \(s.neutral) neutral, "
                + "\(s.unfavorable) unfavorable)\(ci)"
            svg.element(
                "circle",
                [
                    ("cx", SVG.number(x(cell.key))), ("cy", SVG.number(y(value(s)))),
                    ("r", SVG.number(radius(s.count))), ("fill", color),
                    ("stroke", "#FFFFFF"), ("stroke-width", whiskers ? "1" : "0"), ("class", "point"),
                    ("data-n", String(s.count)),
                ], tip: tip)
        }
        svg.close("g")
    }

    /// Point radius: area grows with the number of articles.
    static func radius(_ count: Int, max: Int) -> Double {
        2.5 + 6.5 * (Double(count) / Double(Swift.max(1, max))).squareRoot()
    }

    /// Dated articles per period (all countries), as grey bars under the plot.
    func strip(_ svg: inout SVG, span: ClosedRange<Int>, x: (Int) -> Double, step: Double) {
        let band = TimelineChart.strip
        let top = data.articlesPerPeriod.values.max() ?? 1
        let scale = LinearScale(domain: (0, Double(top)), range: (band.bottom, band.top))
        svg.open("g", [("class", "strip")])
        svg.line(
            x1: TimelineChart.plot.left, y1: band.bottom, x2: TimelineChart.plot.right, y2: band.bottom,
            stroke: Palette.axis)
        for (ordinal, count) in data.articlesPerPeriod.sorted(by: { $0.key < $1.key }) {
            let w = max(1, min(step * 0.7, 18))
            svg.rect(
                x: x(ordinal) - w / 2, y: scale(Double(count)), width: w, height: band.bottom - scale(Double(count)),
                fill: "#9A9A9A",
                tip: "\(data.period.label(ordinal: ordinal)): \(count) dated article\(count == 1 ? "" : "s")")
        }
        svg.text(
            "articles", x: TimelineChart.plot.left - 8, y: band.top + 8, anchor: .end, size: 11, fill: Palette.muted)
        svg.text(
            String(top), x: TimelineChart.plot.left - 8, y: band.top + 21, anchor: .end, size: 10.5,
            fill: Palette.muted, extra: [("class", "tick")])
        svg.text(
            "0", x: TimelineChart.plot.left - 8, y: band.bottom, anchor: .end, size: 10.5, fill: Palette.muted,
            extra: [("class", "tick")])
        svg.close("g")
    }

    /// Whether period labels fit level side by side at `step` pixels apart.
    func levelLabels(step: Double) -> Bool {
        step >= SVG.textWidth(data.period.label(ordinal: data.periodSpan?.lowerBound ?? 0), size: 11) + 6
    }

    /// Period labels under the strip: level when there is room, else slanted and thinned out.
    func periodLabels(_ svg: inout SVG, span: ClosedRange<Int>, x: (Int) -> Double, step: Double) {
        let level = levelLabels(step: step)
        let every = level ? 1 : max(1, Int((15 / step).rounded(.up)))
        let baseline = TimelineChart.strip.bottom + 16
        svg.open("g", [("class", "axis axis-x")])
        for ordinal in span where (ordinal - span.lowerBound) % every == 0 {
            let label = data.period.label(ordinal: ordinal)
            svg.line(
                x1: x(ordinal), y1: TimelineChart.strip.bottom, x2: x(ordinal), y2: TimelineChart.strip.bottom + 4,
                stroke: Palette.axis)
            if level {
                svg.text(label, x: x(ordinal), y: baseline, anchor: .middle, size: 11, extra: [("class", "tick")])
            } else {
                svg.text(
                    label, x: x(ordinal) + 4, y: baseline, anchor: .end, size: 11,
                    extra: [
                        ("class", "tick"),
                        ("transform", "rotate(-45 \(SVG.number(x(ordinal) + 4)) \(SVG.number(baseline)))"),
                    ])
            }
        }
        svg.close("g")
    }

    /// Countries with their article counts, the point sizes, the band and the dashed bridge.
    func legend(_ svg: inout SVG, countries: [String], maxCount: Int) {
        let left = TimelineChart.plot.right + 24
        var y = TimelineChart.plot.top + 4
        svg.text("country (articles)", x: left, y: y, size: 12, weight: "bold")
        y += 22
        for (i, country) in countries.enumerated() {
            let n = data.countries[country]?.count ?? 0
            svg.open("g", [("class", "legend-item"), ("data-country", country)])
            svg.line(x1: left, y1: y - 4, x2: left + 22, y2: y - 4, stroke: Palette.series[i], width: 2.5)
            svg.element(
                "circle",
                [("cx", SVG.number(left + 11)), ("cy", SVG.number(y - 4)), ("r", "4"), ("fill", Palette.series[i])])
            svg.text("\(country)  \(n)", x: left + 30, y: y, size: 12.5)
            svg.close("g")
            y += 21
        }
        y += 12
        svg.text("articles in a period", x: left, y: y, size: 12, weight: "bold")
        y += 8
        // maxCount 0: a dense timeline, whose points are not sized.
        if maxCount == 0 {
            svg.text("grey strip below", x: left, y: y + 16, size: 12)
            y -= 14
        }
        var sizes = maxCount == 0 ? [] : [1, maxCount]
        if maxCount >= 4 { sizes.insert(max(2, maxCount / 3), at: 1) }
        var cx = left + 8
        for n in Array(Set(sizes)).sorted() {
            let r = TimelineChart.radius(n, max: maxCount)
            svg.element(
                "circle",
                [("cx", SVG.number(cx)), ("cy", SVG.number(y + 12)), ("r", SVG.number(r)), ("fill", "#777777")])
            svg.text(String(n), x: cx, y: y + 36, anchor: .middle, size: 11)
            cx += max(30, 2 * r + 14)
        }
        y += 58
        svg.open("g", [("class", "legend-item")])
        svg.rect(x: left, y: y - 9, width: 22, height: 12, fill: "#777777", extra: [("fill-opacity", "0.25")])
        svg.text("95% interval", x: left + 30, y: y + 1, size: 12)
        svg.close("g")
        y += 22
        svg.open("g", [("class", "legend-item")])
        svg.line(
            x1: left, y1: y - 4, x2: left + 22, y2: y - 4, stroke: "#777777", width: 2,
            extra: [("stroke-dasharray", "4 4")])
        svg.text("no article between", x: left + 30, y: y, size: 12)
        svg.close("g")
    }
}
