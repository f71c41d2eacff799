/// What every chart states besides its data: the model that scored the articles and the account of
/// the run, written in the footer so a picture that travels alone still says where it came from.
public struct ChartContext: Sendable {
    public var model: String
    public var account: RunAccount
    /// The countries to draw, in order.
    public var countries: [String]
    /// How syndicated copies were counted, as `summary`'s header states it.
    public var duplicates: Duplicates

    /// How the charted numbers count syndicated copies.
    public enum Duplicates: Sendable, Equatable {
        /// Not stated (hand-made data).
        case unstated
        /// `--duplicates fold`: `copies` folded into `stories`.
        case folded(copies: Int, stories: Int)
        /// `--duplicates keep`: every copy counted.
        case kept

        /// How `data` counted them.
        public init(_ data: ChartData, foldsDuplicates: Bool) {
            if let f = data.folding {
                self = .folded(copies: f.copies, stories: f.stories)
            } else {
                self = foldsDuplicates ? .unstated : .kept
            }
        }

        /// `2 syndicated copies folded into 28 stories`, `every syndicated copy counted`, or nothing.
        public var text: String? {
            switch self {
            case .unstated: nil
            case .folded(let copies, let stories):
                "\(copies) syndicated cop\(copies == 1 ? "y" : "ies") folded into \(stories) stor\(stories == 1 ? "y" : "ies")"
            case .kept: "every syndicated copy counted (--duplicates keep)"
            }
        }
    }

    public init(model: String, account: RunAccount, countries: [String], duplicates: Duplicates = .unstated) {
        self.model = model
        self.account = account
        self.countries = countries
        self.duplicates = duplicates
    }

    /// `model stance-rare-earth@0.4.1 · 30 articles, 30 scored` (and the rejected and skipped, if any).
    public var footer: String {
        var text = "model \(model) · \(account.read) articles, \(account.scored) scored"
        if account.rejected > 0 { text += ", \(account.rejected) rejected" }
        if !account.skippedFiles.isEmpty {
            text += ", \(account.skippedFiles.count) file\(account.skippedFiles.count == 1 ? "" : "s") skipped"
        }
        if let duplicates = duplicates.text { text += " · " + duplicates }
        return text
    }
}

/// The three charts `stance chart --kind` draws.
public enum ChartKind: String, Sendable, CaseIterable {
    case timeline, outlets, labels

    /// The chart as SVG; `standalone` for a file of its own, else for inlining in HTML.
    public func render(
        _ data: ChartData, context: ChartContext, measure: TimelineChart.Measure = .net, standalone: Bool = true
    ) -> String {
        switch self {
        case .timeline: TimelineChart(data: data, context: context, measure: measure).svg(standalone: standalone)
        case .outlets: OutletHeatmap(data: data, context: context).svg(standalone: standalone)
        case .labels: LabelBarsChart(data: data, context: context).svg(standalone: standalone)
        }
    }
}
