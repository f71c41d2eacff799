import Foundation
import Testing

/// Golden snapshots: `stance score Evaluations/<set> --explain` compared byte for byte with the files under
/// `Tests/Snapshots/`, so a change in which country a cue goes to, or in what `--explain` says about it, can
/// never pass silently. A change meant to move scores refreshes them on purpose:
/// `STANCE_UPDATE_SNAPSHOTS=1 swift test --filter ExplainSnapshotTests`, then review `git diff Tests/Snapshots`.
@Suite("score --explain golden snapshots")
struct ExplainSnapshotTests {
    static let refreshCommand = "STANCE_UPDATE_SNAPSHOTS=1 swift test --filter ExplainSnapshotTests"

    static var snapshots: URL { CLITests.root.appendingPathComponent("Tests/Snapshots") }

    /// Every labelled set under `Evaluations/`: a new set without a snapshot fails until one is written.
    static let sets: [String] = {
        let evaluations = CLITests.root.appendingPathComponent("Evaluations")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: evaluations.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = evaluations.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }()

    @Test("the evaluation sets include cases and seeds")
    func setsFound() {
        #expect(Self.sets.contains("cases"))
        #expect(Self.sets.contains("seeds"))
    }

    @Test("score --explain output is byte-identical to its snapshot", arguments: sets)
    func explainMatchesSnapshot(set: String) throws {
        let run = try CLITests.stance(["score", "Evaluations/\(set)", "--explain"])
        #expect(run.status == 0, "stance score Evaluations/\(set) --explain exited \(run.status): \(run.stderr)")
        let actual = Data(run.stdout.utf8)
        let file = Self.snapshots.appendingPathComponent("explain-\(set).txt")
        if ProcessInfo.processInfo.environment["STANCE_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try actual.write(to: file)
            return
        }
        guard let expected = try? Data(contentsOf: file) else {
            Issue.record(
                "no snapshot \(file.path) for Evaluations/\(set) — write it with `\(Self.refreshCommand)` and commit it"
            )
            return
        }
        guard actual != expected else { return }
        let actualLines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: expected, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(actualLines.count, expectedLines.count)
        let line = (0..<common).first { actualLines[$0] != expectedLines[$0] } ?? common
        let was = line < expectedLines.count ? String(expectedLines[line]) : "(end of snapshot)"
        let now = line < actualLines.count ? String(actualLines[line]) : "(end of output)"
        Issue.record(
            """
            score Evaluations/\(set) --explain differs from \(file.lastPathComponent) from line \(line + 1):
              snapshot: \(was)
              now:      \(now)
            If the change is intended, refresh the snapshots with `\(Self.refreshCommand)` and review \
            `git diff Tests/Snapshots`.
            """)
    }
}
