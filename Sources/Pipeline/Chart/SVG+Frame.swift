/// The parts every chart shares: heading, footer with notes, legend entries and a value axis.
extension SVG {
    /// Title (bold) and one line saying how to read the chart.
    mutating func header(title: String, subtitle: String) {
        text(title, x: 20, y: 30, size: 19, weight: "bold", extra: [("class", "chart-title")])
        text(subtitle, x: 20, y: 52, size: 12.5, fill: Palette.muted, extra: [("class", "chart-subtitle")])
    }

    /// Notes (undated articles left out, countries absent…) above the footer line with the model and account.
    mutating func footer(_ context: ChartContext, notes: [String]) {
        var y = height - 38 - Double(max(0, notes.count - 1)) * 17
        for note in notes {
            text(note, x: 20, y: y, size: 12, fill: Palette.muted, extra: [("class", "chart-note")])
            y += 17
        }
        line(x1: 20, y1: height - 30, x2: width - 20, y2: height - 30, stroke: Palette.grid)
        // A long account (rejections, skipped files, folded copies) on a narrow chart is squeezed to fit.
        let room = width - 40
        let fit: [(String, String)] =
            SVG.textWidth(context.footer, size: 11.5) > room
            ? [("textLength", SVG.number(room)), ("lengthAdjust", "spacingAndGlyphs")] : []
        text(
            context.footer, x: 20, y: height - 12, size: 11.5, fill: Palette.muted,
            extra: [("class", "chart-footer")] + fit)
    }

    /// A legend entry: a swatch (filled square) and its label; `class="legend-item"` for tests and styling.
    mutating func legendSwatch(x: Double, y: Double, fill: String, label: String, stroke: String? = nil) {
        open("g", [("class", "legend-item")])
        rect(x: x, y: y - 10, width: 12, height: 12, fill: fill, stroke: stroke)
        text(label, x: x + 18, y: y, size: 12)
        close("g")
    }

    /// Horizontal grid lines with tick labels on the left, for a value scale running up the page.
    mutating func valueAxis(
        _ scale: LinearScale, ticks: [Double], left: Double, right: Double, format: (Double) -> String,
        title: String
    ) {
        open("g", [("class", "axis axis-y")])
        for tick in ticks {
            let y = scale(tick)
            line(
                x1: left, y1: y, x2: right, y2: y, stroke: tick == 0 ? Palette.axis : Palette.grid,
                width: tick == 0 ? 1.2 : 1)
            text(format(tick), x: left - 8, y: y + 4, anchor: .end, size: 11.5, extra: [("class", "tick")])
        }
        let middle = (scale.range.low + scale.range.high) / 2
        text(
            title, x: 20, y: middle, anchor: .middle, size: 12.5, fill: Palette.muted,
            extra: [("transform", "rotate(-90 20 \(SVG.number(middle)))"), ("class", "axis-title")])
        close("g")
    }

    /// Shortens `text` to about `limit` display columns (a CJK character counts two), ending in `…`.
    static func clipped(_ text: String, columns limit: Int) -> String {
        var columns = 0
        var out = ""
        for scalar in text.unicodeScalars {
            let wide = scalar.value >= 0x1100 && scalar.value != 0x2212
            columns += wide ? 2 : 1
            if columns > limit {
                return out + "…"
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Approximate width in pixels of `text` at `size`: CJK characters are square, Latin about half.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? size : size * 0.58) }
    }
}
