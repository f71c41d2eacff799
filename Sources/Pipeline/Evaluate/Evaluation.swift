import Scoring

/// One (article, country) pair as the evaluation sees it: gold label (if labelled) and prediction
/// (if detected), with what is needed to explain an error.
public struct EvaluatedPair: Sendable {
    public var article: String
    public var file: String
    public var title: String
    public var language: String
    public var country: String
    public var gold: StanceLabel?
    /// The raw score; `nil` when the pipeline did not detect the country.
    public var score: Double?
    public var tone: Double
    public var evidence: [Evidence]
    /// The decision layer's features (`nil` when not detected) and, when the model has a decision
    /// layer, the label it chose: that label then counts instead of the thresholds'.
    public var features: [Double]? = nil
    public var decided: StanceLabel? = nil
}

/// Evaluates the pipeline on labelled sets: scores each article, pairs predictions with gold, and
/// computes every figure of `stance eval` from the raw scores, so thresholds can be refitted per fold.
public struct Evaluation: Sendable {
    public struct Thresholds: Sendable, Equatable {
        public var favorable: Double
        public var unfavorable: Double

        public func label(_ score: Double?) -> StanceLabel {
            StanceLabel(score: score ?? 0, favorable: favorable, unfavorable: unfavorable)
        }
    }

    public struct Breakdown: Sendable {
        public var key: String
        public var metrics: Metrics
        public var detection: DetectionMetrics
    }

    public struct Fold: Sendable {
        public var name: String
        public var thresholds: Thresholds
        public var metrics: Metrics
    }

    public let pairs: [EvaluatedPair]
    public let thresholds: Thresholds
    public let toneThresholds: Thresholds
    public let articleCount: Int
    /// Article tone against the sets' tone ratings; `nil` when no set has `tone.tsv`.
    public let tone: ToneMetrics?

    /// Scores every article of `sets` (only files in `only`, when given) and pairs them with gold.
    public init(sets: [LabelSet], lexicon: Lexicon, only: Set<String> = []) {
        var scorer = ArticleScorer(lexicon: lexicon, explain: true)
        var pairs: [EvaluatedPair] = []
        var articles = 0
        let p = lexicon.model.parameters
        var tone: ToneMetrics?
        for set in sets {
            var rated: [String: ToneLabels.Row] = [:]
            if let labels = set.tone {
                if tone == nil {
                    tone = ToneMetrics(
                        neutralBand: p.toneUnfavorable...p.toneFavorable, goldNeutralBand: labels.neutralBand,
                        languageBands: lexicon.model.tone.parameters.neutralBands)
                }
                for row in labels.rows { rated["\(row.file)\t\(row.index)"] = row }
            }
            var gold: [String: [LabelSet.Row]] = [:]
            for row in set.rows { gold["\(row.file)\t\(row.index)", default: []].append(row) }
            for article in set.articles where only.isEmpty || only.contains(article.file) {
                articles += 1
                let scored = scorer.score(article)
                let rows = gold["\(article.file)\t\(article.index)"] ?? []
                if let row = rated["\(article.file)\t\(article.index)"] {
                    tone?.items.append(
                        ToneMetrics.Item(
                            rating: row.rating, gold: row.label, predicted: scored.stance.tone,
                            language: scored.language, article: "\(set.name)/\(article.file):\(article.index)",
                            title: article.title, words: ToneMetrics.words(scored.toneEvidence)))
                }
                var predicted: [String: (stance: CountryStance, features: [Double])] = [:]
                let vectors = scorer.decisionFeatures(scored.stance)
                for (c, v) in zip(scored.stance.countries, vectors) { predicted[c.code] = (c, v) }
                let decides = lexicon.model.decision != nil
                let codes = Set(rows.map(\.country)).union(predicted.keys).sorted()
                for code in codes {
                    let p = predicted[code]?.stance
                    pairs.append(
                        EvaluatedPair(
                            article: "\(set.name)/\(article.id)", file: "\(set.name)/\(article.file)",
                            title: article.title,
                            language: scored.language, country: code, gold: rows.first { $0.country == code }?.stance,
                            score: p?.score, tone: scored.stance.tone, evidence: p?.evidence ?? [],
                            features: predicted[code]?.features, decided: decides ? p?.label : nil))
                }
            }
        }
        self.pairs = pairs
        self.articleCount = articles
        self.tone = tone
        thresholds = Thresholds(favorable: p.favorable, unfavorable: p.unfavorable)
        toneThresholds = Thresholds(favorable: p.toneFavorable, unfavorable: p.toneUnfavorable)
    }

    /// The label the model gives a pair: the decision layer's when it has one, else the thresholds'.
    public func predicted(_ p: EvaluatedPair) -> StanceLabel { p.decided ?? thresholds.label(p.score) }

    /// The gold pairs: those with a label.
    public var goldPairs: [EvaluatedPair] { pairs.filter { $0.gold != nil } }

    public var detection: DetectionMetrics { Evaluation.detection(pairs) }

    static func detection(_ pairs: [EvaluatedPair]) -> DetectionMetrics {
        var d = DetectionMetrics()
        for p in pairs {
            switch (p.gold != nil, p.score != nil) {
            case (true, true): d.truePositives += 1
            case (false, true): d.falsePositives += 1
            case (true, false): d.falseNegatives += 1
            case (false, false): break
            }
        }
        return d
    }

    /// Stance metrics on the gold pairs; an undetected country counts as `neutral` (score 0).
    public func stance(_ t: Thresholds? = nil, pairs subset: [EvaluatedPair]? = nil) -> Metrics {
        let t = t ?? thresholds
        var m = Metrics()
        for p in subset ?? pairs {
            guard let gold = p.gold else { continue }
            m.add(gold: gold, predicted: p.decided ?? t.label(p.score))
        }
        return m
    }

    /// Baseline: every gold pair gets the most frequent gold label of the evaluated pairs (an upper
    /// bound for a constant guess).
    public func majorityBaseline() -> Metrics {
        var counts: [StanceLabel: Int] = [:]
        for p in goldPairs { counts[p.gold ?? .neutral, default: 0] += 1 }
        let majority = StanceLabel.allCases.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) } ?? .neutral
        var m = Metrics()
        for p in goldPairs { m.add(gold: p.gold ?? .neutral, predicted: majority) }
        return m
    }

    /// Baseline: the article's tone label applied to every country it discusses.
    public func toneBaseline() -> Metrics {
        var m = Metrics()
        for p in goldPairs { m.add(gold: p.gold ?? .neutral, predicted: toneThresholds.label(p.tone)) }
        return m
    }

    public func breakdown(by key: (EvaluatedPair) -> String) -> [Breakdown] {
        var groups: [String: [EvaluatedPair]] = [:]
        for p in pairs { groups[key(p), default: []].append(p) }
        return groups.keys.sorted().compactMap { k in
            guard let members = groups[k] else { return nil }
            return Breakdown(key: k, metrics: stance(pairs: members), detection: Evaluation.detection(members))
        }
    }

    /// The thresholds that maximise macro-F1 on `pairs`; the model's own win ties, then the first
    /// candidate in scan order (favorable 0.02…0.80, unfavorable −0.02…−0.80, steps of 0.02).
    public func fit(_ subset: [EvaluatedPair]) -> Thresholds {
        var best = thresholds
        var bestScore = stance(best, pairs: subset).macroF1
        var k = 1
        while k <= 40 {
            let fav = Double(k) * 0.02
            var j = 1
            while j <= 40 {
                let candidate = Thresholds(favorable: fav, unfavorable: -Double(j) * 0.02)
                let score = stance(candidate, pairs: subset).macroF1
                if score > bestScore + 1e-12 {
                    best = candidate
                    bestScore = score
                }
                j += 1
            }
            k += 1
        }
        return best
    }

    /// Cross-validation of what the model fits from data (the two thresholds): `folds` folds by
    /// article (round-robin), or 0 for leave-one-file-out. Returns each fold and the pooled held-out metrics.
    public func crossValidate(folds: Int) -> (folds: [Fold], pooled: Metrics) {
        let gold = goldPairs
        var assignment: [String: String] = [:]
        if folds <= 0 {
            for p in gold { assignment[p.article] = p.file }
        } else {
            var order: [String] = []
            for p in gold where assignment[p.article] == nil {
                assignment[p.article] = ""
                order.append(p.article)
            }
            let width = String(folds).count
            for (i, a) in order.enumerated() {
                let number = String(i % folds + 1)
                assignment[a] = "fold " + String(repeating: "0", count: width - number.count) + number + "/\(folds)"
            }
        }
        // Zero-padded fold numbers sort in numeric order; folds beyond the number of articles stay empty.
        let names = Array(Set(assignment.values)).sorted()
        var result: [Fold] = []
        var pooled = Metrics()
        for name in names {
            let test = gold.filter { assignment[$0.article] == name }
            let train = gold.filter { assignment[$0.article] != name }
            let t = train.isEmpty ? thresholds : fit(train)
            let m = stance(t, pairs: test)
            for p in test { pooled.add(gold: p.gold ?? .neutral, predicted: p.decided ?? t.label(p.score)) }
            result.append(Fold(name: name, thresholds: t, metrics: m))
        }
        return (result, pooled)
    }
}
