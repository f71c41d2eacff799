import Foundation
import Scoring
import Testing

@testable import Pipeline

/// `stance score` promises the same bytes whatever `--threads` says: batches are scored on any number
/// of workers, in chunks taken in any order, and handed on in input order.
@Suite("Thread determinism")
struct ThreadDeterminismTests {
    /// Every bundled labelled set, as `stance score Evaluations` reads them.
    static var bundledSets: [String] {
        ["seeds", "cases", "heldout"].map {
            PipelineFixture.packageRoot.appendingPathComponent("Evaluations/\($0)").path
        }
    }

    struct Output: Equatable {
        var jsonl: [UInt8]
        var account: RunAccount
        var rejections: [String]
    }

    /// The JSON Lines output (with evidence) of one run, built through the library's writer.
    static func score(threads: Int, batchSize: Int, maxInFlight: Int = 4, renderOnWorkers: Bool) throws -> Output {
        let writer = JSONLinesScoreWriter(explain: true)
        let run = ScoringRun(
            lexicon: PipelineFixture.lexicon, explain: true, threads: threads,
            batchSize: batchSize, maxInFlight: maxInFlight)
        let model = PipelineFixture.lexicon.model.identifier
        var out: [UInt8] = Array(writer.header().utf8)
        var rejections: [String] = []
        let account: RunAccount
        if renderOnWorkers {
            account = try run.run(
                InputSource(paths: bundledSets), render: { writer.rows($0, model: model) },
                result: { out += $0.utf8 }, rejected: { rejections.append($0.description) })
        } else {
            account = try run.run(
                InputSource(paths: bundledSets), result: { out += writer.rows($0, model: model).utf8 },
                rejected: { rejections.append($0.description) })
        }
        out += writer.footer().utf8
        return Output(jsonl: out, account: account, rejections: rejections)
    }

    @Test("1, 2 and 4 threads with small batches give byte-identical JSON Lines")
    func sameBytesForAnyThreadCount() throws {
        let reference = try ThreadDeterminismTests.score(threads: 1, batchSize: 256, renderOnWorkers: false)
        #expect(reference.account.scored > 50)
        #expect(reference.account.read == reference.account.scored + reference.account.rejected)
        #expect(!reference.jsonl.isEmpty)
        for threads in [1, 2, 4] {
            for batchSize in [1, 3, 7, 64] {
                for renderOnWorkers in [false, true] {
                    let output = try ThreadDeterminismTests.score(
                        threads: threads, batchSize: batchSize,
                        renderOnWorkers: renderOnWorkers)
                    #expect(
                        output == reference,
                        "threads \(threads), batch \(batchSize), render on workers \(renderOnWorkers)")
                }
            }
        }
    }

    @Test("one batch in flight or many: the same bytes")
    func sameBytesForAnyPipelineDepth() throws {
        let reference = try ThreadDeterminismTests.score(threads: 1, batchSize: 256, renderOnWorkers: false)
        for maxInFlight in [1, 2, 16] {
            let output = try ThreadDeterminismTests.score(
                threads: 4, batchSize: 2, maxInFlight: maxInFlight,
                renderOnWorkers: true)
            #expect(output == reference, "max in flight \(maxInFlight)")
        }
    }

    @Test("the scorer of a run gives what the workers give")
    func workersMatchTheCallingThread() throws {
        let run = ScoringRun(lexicon: PipelineFixture.lexicon, explain: true, threads: 3, batchSize: 5)
        var viaWorkers: [ScoredArticle] = []
        _ = try run.run(
            InputSource(paths: ThreadDeterminismTests.bundledSets), result: { viaWorkers.append($0) },
            rejected: { _ in })
        let single = ScoringRun(lexicon: PipelineFixture.lexicon, explain: true, threads: 1)
        let loaded = try PipelineFixture.load(paths: ThreadDeterminismTests.bundledSets)
        #expect(loaded.articles.map { single.score($0) } == viaWorkers)
    }

    @Test("an error from the result handler stops the run and leaves no worker behind")
    func errorStopsTheRun() throws {
        struct Stop: Error {}
        let run = ScoringRun(lexicon: PipelineFixture.lexicon, threads: 2, batchSize: 2)
        var seen = 0
        // The error comes back wrapped with the account of what was read before it (issue 12).
        let stopped = #expect(throws: RunStopped.self) {
            _ = try run.run(
                InputSource(paths: ThreadDeterminismTests.bundledSets),
                result: { _ in
                    seen += 1
                    if seen == 5 { throw Stop() }
                }, rejected: { _ in })
        }
        #expect(stopped?.reason is Stop)
        #expect((stopped?.account.read ?? 0) >= 5)
        #expect(seen == 5)
        // The same run object works again afterwards.
        var again = 0
        _ = try run.run(
            InputSource(paths: ThreadDeterminismTests.bundledSets), result: { _ in again += 1 }, rejected: { _ in })
        #expect(again > 50)
    }
}
