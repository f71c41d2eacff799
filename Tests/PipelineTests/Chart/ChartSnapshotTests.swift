import Foundation
import Testing

@testable import Pipeline

/// Golden files of each chart of the bundled corpus (`Tests/Snapshots/charts/`), byte for byte.
///
/// A change of the scoring model or of the drawing changes them on purpose: refresh with
/// `STANCE_UPDATE_SNAPSHOTS=1 swift test --filter ChartSnapshotTests`, look at the pictures
/// (`Scripts/screenshot.sh Tests/Snapshots/charts/*.svg`) and commit them with the change.
@Suite("chart snapshots of Evaluations/seeds")
struct ChartSnapshotTests {
    static let folder = PipelineFixture.packageRoot.appendingPathComponent("Tests/Snapshots/charts")
    static let updating = ProcessInfo.processInfo.environment["STANCE_UPDATE_SNAPSHOTS"] == "1"

    @Test("each chart matches its snapshot", arguments: ChartKind.allCases)
    func snapshot(_ kind: ChartKind) throws {
        let (data, account) = try ChartFixture.seeds()
        let context = ChartContext(
            model: PipelineFixture.lexicon.model.identifier, account: account, countries: data.select(nil, top: 6),
            duplicates: ChartContext.Duplicates(data, foldsDuplicates: true))
        let svg = kind.render(data, context: context)
        _ = try XMLTree.parse(svg)
        let file = ChartSnapshotTests.folder.appendingPathComponent("\(kind.rawValue).svg")
        if ChartSnapshotTests.updating {
            try FileManager.default.createDirectory(at: ChartSnapshotTests.folder, withIntermediateDirectories: true)
            try svg.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            svg == expected,
            "\(kind.rawValue).svg differs from its snapshot; if the change is intended, run STANCE_UPDATE_SNAPSHOTS=1 swift test --filter ChartSnapshotTests and commit Tests/Snapshots/charts"
        )
    }
}
