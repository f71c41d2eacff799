import Foundation

/// Renders an `Aggregator` as a table, JSON Lines or CSV.
public struct SummaryReport {
    public let aggregator: Aggregator
    public let model: String

    public init(aggregator: Aggregator, model: String) {
        self.aggregator = aggregator
        self.model = model
    }

    private var keyColumns: [Aggregator.Dimension] {
        Aggregator.Dimension.allCases.filter { aggregator.dimensions.contains($0) }
    }

    private func keyValue(_ key: Aggregator.Key, _ d: Aggregator.Dimension) -> String {
        switch d {
        case .country: key.country ?? ""
        case .outlet: key.outlet ?? ""
        case .period: key.period ?? ""
        }
    }

    public func render(format: String) -> String {
        switch format {
        case "jsonl", "json": return jsonLines()
        case "csv": return csv()
        default: return table()
        }
    }

    static func fixed(_ x: Double, signed: Bool = true) -> String {
        let text = String(format: "%.2f", x)
        return signed && x >= 0 ? "+" + text : text
    }

    public func table() -> String {
        let keys = keyColumns
        var headers = keys.map(\.rawValue)
        headers += ["articles", "mean", "95% CI", "fav", "neu", "unf", "net", "tone"]
        var table = TextTable(
            headers: headers, rightAligned: Set(keys.count..<(keys.count + 8)).subtracting([keys.count + 2]))
        for (key, s) in aggregator.sorted {
            var row = keys.map { keyValue(key, $0) }
            let ci = s.interval.map { "[\(SummaryReport.fixed($0.low)), \(SummaryReport.fixed($0.high))]" } ?? "—"
            row += [
                String(s.count), SummaryReport.fixed(s.mean), ci, String(s.favorable), String(s.neutral),
                String(s.unfavorable), SummaryReport.fixed(s.net), SummaryReport.fixed(s.meanTone),
            ]
            table.add(row)
        }
        let period = aggregator.dimensions.contains(.period) ? ", period: \(aggregator.period.rawValue)" : ""
        let none = aggregator.withoutCountry
        let basis =
            aggregator.dimensions.contains(.country)
            ? (none == 0
                ? ""
                : "; \(none) of them " + (none == 1 ? "names no country and stands" : "name no country and stand")
                    + " in no row")
            : "; no country grouping: each article counts once, scored by its tone"
        return
            "model \(model); \(aggregator.articles) articles scored\(period)\(basis)\(SummaryReport.folding(aggregator))\n\n"
            + table.render()
    }

    /// `; 2 syndicated copies folded into 28 stories` when copies are folded.
    static func folding(_ aggregator: Aggregator) -> String {
        guard let f = aggregator.folding,
            let text = ChartContext.Duplicates.folded(copies: f.copies, stories: f.stories).text
        else { return "" }
        return "; " + text
    }

    public func jsonLines() -> String {
        var out = ""
        for (key, s) in aggregator.sorted {
            var pairs: [(String, String)] = keyColumns.map { ($0.rawValue, JSON.string(keyValue(key, $0))) }
            if aggregator.dimensions.contains(.period) {
                pairs.append(("period_unit", JSON.string(aggregator.period.rawValue)))
            }
            pairs += [
                ("articles", String(s.count)), ("mean", JSON.number(s.mean)),
                ("ci_low", s.interval.map { JSON.number($0.low) } ?? "null"),
                ("ci_high", s.interval.map { JSON.number($0.high) } ?? "null"),
                ("favorable", String(s.favorable)), ("neutral", String(s.neutral)),
                ("unfavorable", String(s.unfavorable)),
                ("net", JSON.number(s.net)), ("tone", JSON.number(s.meanTone)), ("model", JSON.string(model)),
            ]
            out += JSON.object(pairs) + "\n"
        }
        return out
    }

    public func csv() -> String {
        let keys = keyColumns
        var out =
            (keys.map(\.rawValue) + [
                "articles", "mean", "ci_low", "ci_high", "favorable", "neutral", "unfavorable", "net", "tone", "model",
            ])
            .joined(separator: ",") + "\n"
        for (key, s) in aggregator.sorted {
            let cells =
                keys.map { CSVScoreWriter.field(keyValue(key, $0)) } + [
                    String(s.count), JSON.number(s.mean), s.interval.map { JSON.number($0.low) } ?? "",
                    s.interval.map { JSON.number($0.high) } ?? "", String(s.favorable), String(s.neutral),
                    String(s.unfavorable), JSON.number(s.net), JSON.number(s.meanTone), model,
                ]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
