import Scoring

/// The confusion matrix of an evaluation as a heatmap: rows are the gold labels, columns the
/// predicted ones, darker blue for more pairs, the diagonal (agreement) outlined.
public struct ConfusionHeatmap: Sendable {
    public let metrics: Metrics
    public let caption: String

    static let cell = 92.0
    static let left = 150.0
    static let top = 108.0

    public init(metrics: Metrics, caption: String) {
        self.metrics = metrics
        self.caption = caption
    }

    public func svg(standalone: Bool = true) -> String {
        let labels = StanceLabel.allCases
        let size = ConfusionHeatmap.cell
        let (left, top) = (ConfusionHeatmap.left, ConfusionHeatmap.top)
        var svg = SVG(width: left + 3 * size + 40, height: top + 3 * size + 24)
        svg.text("Confusion matrix", x: 20, y: 30, size: 17, weight: "bold", extra: [("class", "chart-title")])
        svg.text(caption, x: 20, y: 50, size: 12, fill: Palette.muted, extra: [("class", "chart-subtitle")])
        svg.text("predicted", x: left + 1.5 * size, y: top - 30, anchor: .middle, size: 12.5, fill: Palette.muted)
        svg.text(
            "gold", x: 26, y: top + 1.5 * size, anchor: .middle, size: 12.5, fill: Palette.muted,
            extra: [("transform", "rotate(-90 26 \(SVG.number(top + 1.5 * size)))")])
        let most = Double(max(1, metrics.confusion.joined().max() ?? 1))
        for (j, label) in labels.enumerated() {
            svg.text(
                label.rawValue, x: left + (Double(j) + 0.5) * size, y: top - 10, anchor: .middle, size: 12,
                extra: [("class", "tick")])
        }
        for (i, gold) in labels.enumerated() {
            let y = top + Double(i) * size
            svg.text(
                gold.rawValue, x: left - 10, y: y + size / 2 + 4, anchor: .end, size: 12, extra: [("class", "tick")])
            for (j, predicted) in labels.enumerated() {
                let n = metrics.confusion[i][j]
                let fill = Palette.sequential(Double(n) / most)
                let x = left + Double(j) * size
                svg.rect(
                    x: x, y: y, width: size, height: size, fill: fill, stroke: i == j ? Palette.ink : "#FFFFFF",
                    extra: [("stroke-width", i == j ? "2" : "1"), ("class", "cell"), ("data-n", String(n))],
                    tip: "gold \(gold.rawValue), predicted \(predicted.rawValue): \(n)")
                svg.text(
                    String(n), x: x + size / 2, y: y + size / 2 + 6, anchor: .middle, size: 17, weight: "bold",
                    fill: Palette.text(on: fill))
            }
        }
        return svg.rendered(
            title: "Confusion matrix", description: caption, id: "chart-confusion", standalone: standalone)
    }
}
