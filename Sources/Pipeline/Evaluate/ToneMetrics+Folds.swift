import Scoring

/// Cross-validation of the one thing the tone layer fits from ratings: the neutral band of each
/// language (tone_rules.tsv `neutral_band_<language>`).
extension ToneMetrics {
    /// The tone evidence of an article in one line: each word or step with its segment and value.
    static func words(_ evidence: [Evidence]) -> String {
        evidence.map { e in
            let rules = e.modifiers.isEmpty ? "" : " " + e.modifiers.joined(separator: " ")
            return "[\(e.segment)] \(e.matched)\(e.value == 0 ? "" : " " + String(e.value))\(rules)"
        }.joined(separator: "; ")
    }

    public struct Fold: Sendable {
        public var name: String
        /// The half-widths fitted on the other folds (languages absent keep the model's band).
        public var bands: [String: Double]
        public var metrics: Metrics
    }

    /// `folds` folds by item (round-robin in set order), or 0 for leave-one-file-out: the band of each
    /// language is fitted on the other folds and the held-out fold labelled with it. Returns each fold
    /// and the pooled held-out label metrics.
    public func crossValidate(folds: Int) -> (folds: [Fold], pooled: Metrics) {
        var names: [String] = []
        let width = String(folds).count
        for (i, item) in items.enumerated() {
            if folds <= 0 {
                names.append(String(item.article.prefix { $0 != ":" }))
            } else {
                let number = String(i % folds + 1)
                names.append("fold " + String(repeating: "0", count: width - number.count) + number + "/\(folds)")
            }
        }
        var result: [Fold] = []
        var pooled = Metrics()
        for name in Set(names).sorted() {
            let test = items.indices.filter { names[$0] == name }.map { items[$0] }
            let train = items.indices.filter { names[$0] != name }.map { items[$0] }
            let bands = train.isEmpty ? languageBands : fitBands(train)
            let m = labels(of: test, bands: bands)
            for i in test { pooled.add(gold: i.gold.asStance, predicted: predictedLabel(i, bands: bands).asStance) }
            result.append(Fold(name: name, bands: bands, metrics: m))
        }
        return (result, pooled)
    }

    /// The half-width per language (0.01 … 0.40, steps of 0.01) that maximises macro-F1 on that
    /// language's items of `subset`. The params.tsv band wins ties, then the narrowest: the model's own
    /// band of that language is not the incumbent, so the held-out figure does not lean on the value
    /// the model was given (itself chosen on the data).
    public func fitBands(_ subset: [Item]) -> [String: Double] {
        var bands = languageBands
        for language in Set(subset.map(\.language)).sorted() {
            let own = subset.filter { $0.language == language }
            bands[language] = nil
            var bestScore = labels(of: own, bands: bands).macroF1
            for step in 1...40 {
                var candidate = bands
                candidate[language] = Double(step) / 100
                let score = labels(of: own, bands: candidate).macroF1
                if score > bestScore + 1e-12 {
                    bestScore = score
                    bands = candidate
                }
            }
        }
        return bands
    }
}
