import Scoring

/// The evidence and accuracy sections of the report.
extension HTMLReport {
    func evidenceSection() -> String {
        var out = "<section id=\"evidence\">\n<h2>Strongest evidence per country</h2>\n"
        out +=
            "<p class=\"note\">Per country, the \(collector.evidence.limit) most favorable and most unfavorable articles (by score), "
        out += "each with the cue that moved it most that way and the sentence it stands in (the cue marked). "
        out += "Every weight and rule: <code>stance score --explain</code>.</p>\n"
        let order = collector.charts.countriesByArticles.filter { evidence[$0] != nil }
        if order.isEmpty { out += "<p>No article scored favorable or unfavorable for any country.</p>\n" }
        for code in order {
            guard let items = evidence[code] else { continue }
            let n = collector.charts.countries[code]?.count ?? 0
            out +=
                "<h3 id=\"evidence-\(HTMLReport.h(code))\">\(HTMLReport.h(code)) <span class=\"meta\">\(n) article\(n == 1 ? "" : "s")</span></h3>\n"
            out += "<div class=\"evidence\">\n"
            out += list(items.favorable, heading: "favorable", cssClass: "fav")
            out += list(items.unfavorable, heading: "unfavorable", cssClass: "unf")
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    func list(_ items: [EvidenceCollector.Item], heading: String, cssClass: String) -> String {
        var out = "<div class=\"\(cssClass)\">\n<h4>\(heading)</h4>\n"
        guard !items.isEmpty else { return out + "<p class=\"note\">No \(heading) article.</p>\n</div>\n" }
        out += "<ol>\n"
        for item in items {
            let a = item.article
            out +=
                "<li><div class=\"sentence\">\(HTMLReport.marked(item.evidence.segmentText, cue: item.evidence.matched))</div>\n"
            out +=
                "<div class=\"cue\">cue <b>\(HTMLReport.h(item.evidence.matched))</b> (\(HTMLReport.h(item.evidence.entry)), "
            out +=
                "\(HTMLReport.h(item.evidence.source)), \(SVG.signed(item.evidence.value)) as \(HTMLReport.h("\(item.evidence.role)"))) · "
            out += "article score \(SVG.signed(item.score))</div>\n"
            var source = "\(a.id) · \(item.outlet ?? a.outlet ?? "no outlet")"
            if let date = a.published { source += " · \(Period.day.label(date))" }
            out +=
                "<div class=\"cue\">\(HTMLReport.h(source)) · <span class=\"title\">\(HTMLReport.h(a.title))</span></div></li>\n"
        }
        return out + "</ol>\n</div>\n"
    }

    /// The sentence escaped, with the first occurrence of the cue in `<mark>`, cut to about 300
    /// characters around it.
    static func marked(_ sentence: String, cue: String) -> String {
        var text = sentence
        if text.count > 300 {
            let start = text.range(of: cue).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
            let from = max(0, min(start - 120, text.count - 300))
            let lower = text.index(text.startIndex, offsetBy: from)
            let upper = text.index(lower, offsetBy: 300)
            text = (from > 0 ? "…" : "") + String(text[lower..<upper]) + (upper < text.endIndex ? "…" : "")
        }
        guard !cue.isEmpty, let range = text.range(of: cue) else { return h(text) }
        return h(String(text[..<range.lowerBound])) + "<mark>" + h(cue) + "</mark>"
            + h(String(text[range.upperBound...]))
    }

    func accuracySection(_ accuracy: Accuracy) -> String {
        let e = accuracy.evaluation
        let d = e.detection
        let f = { (x: Double) in String(format: "%.3f", x) }
        var out = "<section id=\"accuracy\">\n<h2>Accuracy on \(HTMLReport.h(accuracy.name))</h2>\n"
        out += "<p>\(e.articleCount) articles, \(e.goldPairs.count) gold (article, country) pairs. "
        out += "Country detection: precision \(f(d.precision)), recall \(f(d.recall)), F1 \(f(d.f1)) "
        out += "(\(d.truePositives) found, \(d.falsePositives) false, \(d.falseNegatives) missed).</p>\n"
        out += "<table class=\"metrics\"><thead><tr><th></th>"
        for name in ["pairs", "accuracy", "macro-F1", "F1 fav", "F1 neu", "F1 unf", "F_avg", "kappa"] {
            out += "<th class=\"num\">\(name)</th>"
        }
        out += "</tr></thead><tbody>\n"
        for (name, m) in [
            ("stance (model thresholds)", e.stance()), ("baseline: majority label", e.majorityBaseline()),
            ("baseline: article tone", e.toneBaseline()),
        ] {
            out += "<tr><td>\(name)</td><td class=\"num\">\(m.count)</td>"
            for x in [m.accuracy, m.macroF1, m.f1(.favorable), m.f1(.neutral), m.f1(.unfavorable), m.fAvg, m.kappa] {
                out += "<td class=\"num\">\(f(x))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n<p class=\"note\">A set the model was tuned on overstates its accuracy; "
        out += "see README § Accuracy for which sets are held out.</p>\n"
        let caption = "\(accuracy.name): \(e.goldPairs.count) gold pairs, model \(model)"
        out += "<figure id=\"figure-confusion\">\n"
        out += ConfusionHeatmap(metrics: e.stance(), caption: caption).svg(standalone: false)
        return out + "</figure>\n</section>\n"
    }
}
