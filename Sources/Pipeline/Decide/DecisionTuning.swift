import Scoring

/// Fits the decision layer on labelled sets and measures it by nested cross-validation: every figure
/// comes from articles the model that labelled them was not fitted on, and the L2 strength and the
/// class offsets are chosen inside each outer training part by an inner cross-validation on that part
/// alone.
public struct DecisionTuning: Sendable {
    /// One gold (article, country) pair of a set.
    public struct Item: Sendable {
        public var set: String
        public var article: String
        public var file: String
        public var gold: StanceLabel
        /// The rules' label with the model thresholds (for comparison).
        public var rules: StanceLabel
        /// `nil` when the rules did not detect the country: it then counts as `neutral`.
        public var features: [Double]?
        /// How much the pair counts in fitting (`stance tune --weight SET=N`).
        public var weight = 1.0

        public init(
            set: String, article: String, file: String, gold: StanceLabel, rules: StanceLabel, features: [Double]?
        ) {
            self.set = set
            self.article = article
            self.file = file
            self.gold = gold
            self.rules = rules
            self.features = features
        }
    }

    /// What one outer fold did: which articles its models were fitted on (outer and inner fits) and
    /// which it scored, and the settings its inner loop chose.
    public struct FoldRecord: Sendable {
        public var name: String
        public var fitted: Set<String>
        public var scored: Set<String>
        public var lambda: Double
        /// Added to the biases (`DecisionModel.labels` order; neutral's is 0).
        public var offsets: [Double]
    }

    /// What the inner cross-validation of a training part chooses: the L2 strength, and offsets
    /// added to the favorable and unfavorable biases.
    public struct Settings: Sendable, Equatable {
        public var lambda: Double
        public var offsets: [Double]
    }

    public struct SetFigures: Sendable {
        public var name: String
        public var rules: Metrics
        public var fitted: Metrics
    }

    public struct Result: Sendable {
        public var sets: [SetFigures]
        public var pooledRules: Metrics
        public var pooledFitted: Metrics
        public var folds: [FoldRecord]
        /// The out-of-fold label of each item, in item order.
        public var predictions: [StanceLabel]
    }

    /// The L2 strengths the inner loop chooses from.
    public static let lambdas: [Double] = [0.01, 0.03, 0.1, 0.3, 1, 3]

    public let items: [Item]
    public var innerFolds = 3
    public var iterations = 300
    /// Fits a model on some items with one L2 strength; replaceable so tests can watch what is fitted.
    public var fitter: @Sendable ([Item], Double) -> DecisionModel

    public init(items: [Item], iterations: Int = 300) {
        self.items = items
        self.iterations = iterations
        fitter = { items, lambda in
            DecisionTuning.fit(items, lambda: lambda, iterations: iterations)
        }
    }

    /// The gold pairs of `evaluation` as items of set `name`.
    public static func items(_ evaluation: Evaluation, set name: String) -> [Item] {
        evaluation.goldPairs.compactMap { p in
            guard let gold = p.gold else { return nil }
            return Item(
                set: name, article: p.article, file: p.file, gold: gold, rules: evaluation.thresholds.label(p.score),
                features: p.features)
        }
    }

    /// Fits on the detected items of `items`.
    public static func fit(_ items: [Item], lambda: Double, iterations: Int, trainedOn: String = "") -> DecisionModel {
        let samples = items.compactMap { i in
            i.features.map { DecisionFitter.Sample(features: $0, label: i.gold, weight: i.weight) }
        }
        return DecisionFitter(lambda: lambda, iterations: iterations)
            .fit(samples, names: DecisionFeatures.names, trainedOn: trainedOn)
    }

    /// The label of an item under `model`: undetected pairs are neutral, as in `stance eval`.
    static func label(_ item: Item, _ model: DecisionModel) -> StanceLabel {
        item.features.map { model.label($0) } ?? .neutral
    }

    /// Splits `subset` (indices into `items`) into named folds: `folds` round-robin by article in
    /// first-appearance order, or by file when `folds` is 0.
    func partition(_ subset: [Int], folds: Int) -> [(name: String, test: [Int])] {
        var key: [String: String] = [:]
        var order: [String] = []
        for i in subset where key[items[i].article] == nil {
            key[items[i].article] = items[i].file
            order.append(items[i].article)
        }
        if folds > 0 {
            let width = String(folds).count
            for (n, article) in order.enumerated() {
                let number = String(n % folds + 1)
                key[article] = "fold " + String(repeating: "0", count: width - number.count) + number + "/\(folds)"
            }
        }
        var groups: [String: [Int]] = [:]
        for i in subset { groups[key[items[i].article] ?? "", default: []].append(i) }
        return groups.keys.sorted().map { ($0, groups[$0] ?? []) }
    }

    /// Chooses the L2 strength by cross-validation on `train` alone (macro-F1 of its inner folds),
    /// then the class offsets on the inner folds' scores of that strength (`offsets(_:)`).
    func choose(_ train: [Int], fitted: inout Set<String>) -> Settings {
        var best = DecisionTuning.lambdas[0]
        var bestScore = -1.0
        var bestScored: [Scored] = []
        let inner = partition(train, folds: innerFolds)
        for lambda in DecisionTuning.lambdas {
            var scored: [Scored] = []
            for fold in inner {
                let test = Set(fold.test)
                let part = train.filter { !test.contains($0) }.map { items[$0] }
                for item in part { fitted.insert(item.article) }
                let model = fitter(part, lambda)
                for i in fold.test {
                    scored.append(Scored(gold: items[i].gold, scores: items[i].features.map(model.scores)))
                }
            }
            let score = DecisionTuning.macroF1(scored, offsets: [0, 0, 0])
            if score > bestScore + 1e-12 {
                best = lambda
                bestScore = score
                bestScored = scored
            }
        }
        return Settings(lambda: best, offsets: DecisionTuning.offsets(bestScored))
    }

    /// Nested cross-validation: `folds` outer folds by article, or 0 for leave-one-file-out.
    public func crossValidate(folds: Int) -> Result {
        var predictions = [StanceLabel](repeating: .neutral, count: items.count)
        var records: [FoldRecord] = []
        for fold in partition(Array(items.indices), folds: folds) {
            let test = Set(fold.test)
            let train = items.indices.filter { !test.contains($0) }
            var fitted = Set<String>()
            let settings = choose(train, fitted: &fitted)
            let part = train.map { items[$0] }
            for item in part { fitted.insert(item.article) }
            let model = fitter(part, settings.lambda).shifted(by: settings.offsets)
            for i in fold.test { predictions[i] = DecisionTuning.label(items[i], model) }
            records.append(
                FoldRecord(
                    name: fold.name, fitted: fitted, scored: Set(fold.test.map { items[$0].article }),
                    lambda: settings.lambda, offsets: settings.offsets))
        }
        var sets: [SetFigures] = []
        var names: [String] = []
        for item in items where !names.contains(item.set) { names.append(item.set) }
        var pooledRules = Metrics(), pooledFitted = Metrics()
        for name in names {
            var rules = Metrics(), fitted = Metrics()
            for (i, item) in items.enumerated() where item.set == name {
                rules.add(gold: item.gold, predicted: item.rules)
                fitted.add(gold: item.gold, predicted: predictions[i])
                pooledRules.add(gold: item.gold, predicted: item.rules)
                pooledFitted.add(gold: item.gold, predicted: predictions[i])
            }
            sets.append(SetFigures(name: name, rules: rules, fitted: fitted))
        }
        return Result(
            sets: sets, pooledRules: pooledRules, pooledFitted: pooledFitted, folds: records, predictions: predictions)
    }

    /// The model to ship: the L2 strength and class offsets chosen by cross-validation on all items,
    /// then fitted on all; the offsets are in its biases and named in its `trained` line.
    public func final(trainedOn: String) -> DecisionModel {
        var fitted = Set<String>()
        let settings = choose(Array(items.indices), fitted: &fitted)
        let note = "; biases shifted by " + DecisionTuning.describe(settings.offsets) + " (macro-F1, inner CV)"
        return DecisionTuning.fit(items, lambda: settings.lambda, iterations: iterations, trainedOn: trainedOn + note)
            .shifted(by: settings.offsets)
    }
}
