import Foundation
import Pipeline
import Scoring
import TestSupport
import Testing

/// Fails when the bundled evaluation falls below the figures committed in Evaluations/baseline.json.
@Suite("Evaluation guard")
struct EvaluationGuardTests {
    struct Floor: Decodable {
        var set: String?
        var only: [String]
        var detection_f1: Double
        var macro_f1: Double
        var accuracy: Double
    }

    struct Baseline: Decodable {
        var sets: [String: Floor]
    }

    static let baseline: Baseline? = {
        guard let data = FileManager.default.contents(atPath: Fixture.path("Evaluations/baseline.json")) else {
            return nil
        }
        return try? JSONDecoder().decode(Baseline.self, from: data)
    }()

    static var names: [String] { (baseline?.sets.keys).map { Array($0).sorted() } ?? [] }

    @Test func baselineFileIsReadable() {
        #expect(EvaluationGuardTests.baseline != nil, "Evaluations/baseline.json is missing or malformed")
        #expect(EvaluationGuardTests.names.count >= 3)
    }

    @Test(arguments: EvaluationGuardTests.names)
    func figuresDoNotDrop(name: String) throws {
        let floor = try #require(EvaluationGuardTests.baseline?.sets[name])
        let set = try LabelSet(
            directory: Fixture.path("Evaluations/\(floor.set ?? name)"),
            knownCodes: Fixture.lexicon.model.countryCodes)
        let evaluation = Evaluation(sets: [set], lexicon: Fixture.lexicon, only: Set(floor.only))
        let stance = evaluation.stance()
        #expect(evaluation.detection.f1 >= floor.detection_f1 - 1e-9, "\(name): detection F1 fell")
        #expect(stance.macroF1 >= floor.macro_f1 - 1e-9, "\(name): stance macro-F1 fell")
        #expect(stance.accuracy >= floor.accuracy - 1e-9, "\(name): stance accuracy fell")
    }
}
