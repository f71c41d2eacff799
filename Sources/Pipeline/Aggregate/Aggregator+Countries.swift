/// `--countries` and `--top` for `summary`: the same countries `chart` would draw.
extension Aggregator {
    /// Countries by the articles (stories, when folded) naming them, most first; ties by code — the
    /// order `ChartData.countriesByArticles` gives for the same run.
    public var countriesByArticles: [String] {
        var totals: [String: Int] = [:]
        for (key, stats) in groups { if let c = key.country { totals[c, default: 0] += stats.count } }
        return totals.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map(\.key)
    }

    /// Only the rows of `requested` (in that order), else of the `top` most covered countries, else
    /// every row. Rows without a country (no country grouping) are all kept.
    public func selecting(_ requested: [String]?, top: Int?) -> Aggregator {
        guard dimensions.contains(.country) else { return self }
        let chosen: [String]
        if let requested, !requested.isEmpty {
            chosen = requested
        } else if let top {
            chosen = Array(countriesByArticles.prefix(max(1, top)))
        } else {
            return self
        }
        let keep = Set(chosen)
        var out = self
        out.groups = groups.filter { $0.key.country.map(keep.contains) ?? true }
        out.countryOrder = chosen
        return out
    }
}
