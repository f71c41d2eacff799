import Scoring

/// One self-contained HTML page of a run: what was read, the summary per country, the three charts,
/// the strongest evidence per country and, with a labelled set, the accuracy figures.
///
/// Inline CSS and SVG only — no script, no font or image fetched — so the file opens offline, mails
/// as one attachment and prints. Every text from the input is escaped; the page is well-formed XML.
public struct HTMLReport {
    /// Accuracy of the model against a labelled set (`--labels DIR`).
    public struct Accuracy {
        public var name: String
        public var evaluation: Evaluation

        public init(name: String, evaluation: Evaluation) {
            self.name = name
            self.evaluation = evaluation
        }
    }

    public var collector: ReportCollector
    public var account: RunAccount
    public var files: [InputSource.File]
    public var model: String
    /// The countries the charts draw.
    public var countries: [String]
    public var evidence: [String: (favorable: [EvidenceCollector.Item], unfavorable: [EvidenceCollector.Item])]
    public var accuracy: Accuracy?
    /// Files listed one by one; the rest are counted.
    public static let filesShown = 100

    public init(
        collector: ReportCollector, account: RunAccount, files: [InputSource.File], model: String,
        countries: [String],
        evidence: [String: (favorable: [EvidenceCollector.Item], unfavorable: [EvidenceCollector.Item])],
        accuracy: Accuracy? = nil
    ) {
        self.collector = collector
        self.account = account
        self.files = files
        self.model = model
        self.countries = countries
        self.evidence = evidence
        self.accuracy = accuracy
    }

    static func h(_ text: String) -> String { SVG.escape(text) }

    static let style = """
        body { font-family: \(SVG.fontStack); color: #1A1A1A; max-width: 1000px; margin: 24px auto; padding: 0 20px; line-height: 1.45; }
        h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 10px; border-bottom: 2px solid #DDDDDD; padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 22px 0 6px; } .meta, .note { color: #555555; font-size: 14px; }
        nav { font-size: 14px; } nav a { margin-right: 14px; color: #0B5394; }
        table { border-collapse: collapse; font-size: 14px; margin: 8px 0; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #E4E4E4; text-align: left; vertical-align: top; }
        th { background: #F3F3F3; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 18px 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #E4E4E4; }
        .evidence { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .evidence h4 { margin: 6px 0; font-size: 14px; } .evidence ol { margin: 0; padding-left: 22px; font-size: 14px; }
        .evidence li { margin-bottom: 10px; } .fav h4 { color: #2166AC; } .unf h4 { color: #B35806; }
        mark { background: #FFE9A8; padding: 0 1px; } .cue { font-size: 13px; color: #555555; }
        .rejected td { font-family: monospace; font-size: 13px; }
        @media print { h2 { break-after: avoid; } figure, .evidence li { break-inside: avoid; } }
        """

    public func render() -> String {
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<title>stance report — \(HTMLReport.h(model))</title>\n"
        out += "<style>\n\(HTMLReport.style)\n</style>\n</head>\n<body>\n"
        out += "<h1>How the coverage frames each country's rare-earth position</h1>\n"
        out +=
            "<p class=\"meta\">model \(HTMLReport.h(model)) · \(account.read) articles read, \(account.scored) scored, \(account.rejected) rejected"
        out += " · favorable, neutral, unfavorable as in ANNOTATION.md</p>\n"
        out += "<nav><a href=\"#read\">What was read</a><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>"
        out +=
            "<a href=\"#evidence\">Evidence</a>\(accuracy == nil ? "" : "<a href=\"#accuracy\">Accuracy</a>")</nav>\n"
        out += readSection()
        out += summarySection()
        out += chartsSection()
        out += evidenceSection()
        if let accuracy { out += accuracySection(accuracy) }
        out += "</body>\n</html>\n"
        return out
    }

    func readSection() -> String {
        var out = "<section id=\"read\">\n<h2>What was read</h2>\n"
        out += "<p>\(account.read) articles read from \(files.count) file\(files.count == 1 ? "" : "s"): "
        out += "\(account.scored) scored, \(account.rejected) rejected"
        if !account.skippedFiles.isEmpty {
            out += "; \(account.skippedFiles.count) file\(account.skippedFiles.count == 1 ? "" : "s") could not be read"
        }
        let charts = collector.charts
        switch duplicates {
        case .folded:
            out += ". \(duplicates.text ?? ""): each story counts once per country, by its earliest copy "
            out += "(per outlet, each outlet's copy), as in <code>stance summary</code>"
        case .kept: out += ". Syndicated copies are not folded: every copy counts (--duplicates keep)"
        case .unstated: break
        }
        let unit = charts.folding == nil ? ("article", "articles") : ("story", "stories")
        out += ". \(charts.undated) \(charts.undated == 1 ? unit.0 : unit.1) undated (not on the timeline), "
        out += "\(charts.withoutCountry) article\(charts.withoutCountry == 1 ? "" : "s") naming no country.</p>\n"
        out +=
            "<table class=\"files\"><thead><tr><th>file</th><th class=\"num\">scored</th><th class=\"num\">rejected</th></tr></thead><tbody>\n"
        for file in files.prefix(HTMLReport.filesShown) {
            out +=
                "<tr><td>\(HTMLReport.h(file.path))</td><td class=\"num\">\(collector.scoredPerFile[file.name] ?? 0)</td>"
            out += "<td class=\"num\">\(collector.rejectedPerFile[file.name] ?? 0)</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if files.count > HTMLReport.filesShown {
            out += "<p class=\"note\">… and \(files.count - HTMLReport.filesShown) more files.</p>\n"
        }
        if !account.skippedFiles.isEmpty {
            out += "<h3>Files that could not be read</h3>\n<ul>\n"
            for error in account.skippedFiles { out += "<li>\(HTMLReport.h(error.description))</li>\n" }
            out += "</ul>\n"
        }
        if account.rejected > 0 {
            out +=
                "<h3>Rejected records</h3>\n<table class=\"rejected\"><thead><tr><th>where</th><th>what is wrong</th><th>what to do</th></tr></thead><tbody>\n"
            for r in collector.rejections {
                out +=
                    "<tr><td>\(HTMLReport.h("\(r.file):\(r.line)"))</td><td>\(HTMLReport.h(r.reason))</td><td>\(HTMLReport.h(r.hint))</td></tr>\n"
            }
            out += "</tbody></table>\n"
            if account.rejected > collector.rejections.count {
                out +=
                    "<p class=\"note\">The first \(collector.rejections.count) of \(account.rejected) rejected records; every one is listed on standard error.</p>\n"
            }
        }
        return out + "</section>\n"
    }

    func summarySection() -> String {
        var out = "<section id=\"summary\">\n<h2>Summary per country</h2>\n"
        out +=
            "<p class=\"note\">net = (favorable − unfavorable) / articles; mean score in [−1, +1] with its 95% interval (Student's t); tone: the articles' overall sentiment.</p>\n"
        out += "<table class=\"summary\"><thead><tr><th>country</th>"
        for name in ["articles", "mean", "95% interval", "favorable", "neutral", "unfavorable", "net", "tone"] {
            out += "<th class=\"num\">\(name)</th>"
        }
        out += "</tr></thead><tbody>\n"
        for (key, s) in collector.summary.sorted {
            let ci = s.interval.map { "[\(SVG.signed($0.low)), \(SVG.signed($0.high))]" } ?? "—"
            out += "<tr><td>\(HTMLReport.h(key.country ?? ""))</td><td class=\"num\">\(s.count)</td>"
            out += "<td class=\"num\">\(SVG.signed(s.mean))</td><td class=\"num\">\(ci)</td>"
            out +=
                "<td class=\"num\">\(s.favorable)</td><td class=\"num\">\(s.neutral)</td><td class=\"num\">\(s.unfavorable)</td>"
            out += "<td class=\"num\">\(SVG.signed(s.net))</td><td class=\"num\">\(SVG.signed(s.meanTone))</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    /// How the report's figures count syndicated copies.
    var duplicates: ChartContext.Duplicates {
        ChartContext.Duplicates(collector.charts, foldsDuplicates: collector.partials.foldsDuplicates)
    }

    func chartsSection() -> String {
        let context = ChartContext(model: model, account: account, countries: countries, duplicates: duplicates)
        var out = "<section id=\"charts\">\n<h2>Charts</h2>\n"
        for kind in ChartKind.allCases {
            let chartContext =
                kind == .timeline
                ? ChartContext(
                    model: model, account: account, countries: Array(countries.prefix(TimelineChart.maxSeries)),
                    duplicates: duplicates)
                : context
            out += "<figure id=\"figure-\(kind.rawValue)\">\n"
            out += kind.render(collector.charts, context: chartContext, standalone: false)
            out += "</figure>\n"
        }
        return out + "</section>\n"
    }
}
