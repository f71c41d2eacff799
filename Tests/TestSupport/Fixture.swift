import Foundation
import Pipeline
import Scoring

/// What every test target shares: the checkout (found from this file's path, never the current
/// directory), its bundled model, fresh temporary folders and the built `stance` binary.
public enum Fixture {
    /// The package root: the first folder above this file that holds `Package.swift`.
    public static let rootURL: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        preconditionFailure("no Package.swift above \(#filePath)")
    }()

    /// The package root as a path.
    public static var root: String { rootURL.path }

    /// A path inside the checkout (`Fixture.path("Evaluations/seeds")`).
    public static func path(_ relative: String) -> String { rootURL.appendingPathComponent(relative).path }

    /// The bundled model's folder.
    public static var modelDirectory: String { path("Models") }

    /// The bundled model, loaded once; a model that does not load is kept as the error.
    public static let loadedLexicon: Result<Lexicon, ModelError> = Result { () throws(ModelError) in
        Lexicon(model: try Model.load(directory: modelDirectory))
    }

    /// The bundled model, compiled once; the tests cannot run without it.
    public static var lexicon: Lexicon {
        switch loadedLexicon {
        case .success(let lexicon): return lexicon
        case .failure(let error): preconditionFailure("the bundled model in \(modelDirectory) does not load: \(error)")
        }
    }

    /// A new, empty folder under the system's temporary directory, unique to this call (several
    /// checkouts run their tests at once); the caller removes it.
    public static func temporaryDirectory(prefix: String = "stance-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `stance` product built with the tests: beside the test bundle or the test runner, else in the
    /// checkout's `.build/debug`.
    public static let stanceBinary: URL? = {
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        folders.append(rootURL.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("stance") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
