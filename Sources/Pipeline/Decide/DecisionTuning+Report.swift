import Foundation

extension DecisionTuning.Result {
    /// The figures as a table: per set and pooled, the rules' labels (model thresholds) against the
    /// fitted layer's out-of-fold labels, and the L2 strengths and class offsets the inner loops chose.
    public func text(folds: Int, innerFolds: Int, model: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let scheme = folds == 0 ? "leave-one-file-out" : "\(folds) folds by article"
        var rows: [[String]] = []
        for s in sets {
            rows.append([
                s.name, "\(s.fitted.count)", f(s.rules.macroF1), f(s.fitted.macroF1), f(s.fitted.accuracy),
                f(s.fitted.kappa),
            ])
        }
        rows.append([
            "pooled", "\(pooledFitted.count)", f(pooledRules.macroF1), f(pooledFitted.macroF1),
            f(pooledFitted.accuracy), f(pooledFitted.kappa),
        ])
        var table = TextTable(
            headers: ["set", "pairs", "rules macro-F1", "CV macro-F1", "CV acc", "CV kappa"],
            rightAligned: [1, 2, 3, 4, 5])
        for row in rows { table.add(row) }
        var lambdas: [Double: Int] = [:]
        for fold in self.folds { lambdas[fold.lambda, default: 0] += 1 }
        let chosen = lambdas.keys.sorted().map { "\($0) ×\(lambdas[$0] ?? 0)" }.joined(separator: ", ")
        var offsets: [String: Int] = [:]
        var offsetOrder: [String] = []
        for fold in self.folds {
            let key = DecisionTuning.describe(fold.offsets)
            if offsets[key] == nil { offsetOrder.append(key) }
            offsets[key, default: 0] += 1
        }
        let shifts = offsetOrder.map { "\($0) ×\(offsets[$0] ?? 0)" }.joined(separator: "; ")
        return """
            == stance tune — model \(model), decision layer cross-validated (\(scheme), nested)
            \(pooledFitted.count) gold pairs in \(self.folds.count) outer folds; L2 strength chosen inside each \
            outer training part by \(innerFolds)-fold CV by article: \(chosen)
            class offsets chosen on the same inner folds: \(shifts)

            """
                + table.render()
                    + """

                    rules: the rule layer's labels with the thresholds of params.tsv (not cross-validated).
                    CV: each pair labelled by a decision layer fitted without its article (and its file, leave-one-file-out).
                    """
    }
}
