import Foundation
import Scoring
import TestSupport

@testable import Pipeline

/// Shared helpers of the Pipeline tests: the package root, temporary inputs and the real model.
enum PipelineFixture {
    /// The package root (`Fixture.rootURL`).
    static var packageRoot: URL { Fixture.rootURL }

    static var seedsDirectory: URL { packageRoot.appendingPathComponent("Evaluations/seeds") }

    /// The real model of the checkout, compiled once.
    static var lexicon: Lexicon { Fixture.lexicon }

    /// A fresh, empty temporary directory.
    static func temporaryDirectory() throws -> URL { try Fixture.temporaryDirectory() }

    /// What a load produced, in file order.
    struct Loaded {
        var articles: [Article] = []
        var rejections: [Rejection] = []
    }

    /// Loads every file of `paths` through `InputSource`, the way the command line does.
    static func load(paths: [String]) throws -> Loaded {
        let source = InputSource(paths: paths)
        var loaded = Loaded()
        for file in source.files {
            try InputSource.read(file) { event in
                switch event {
                case .article(let article): loaded.articles.append(article)
                case .rejected(let rejection): loaded.rejections.append(rejection)
                }
            }
        }
        return loaded
    }

    /// Writes `bytes` to a file named `name` in a new temporary directory and loads it.
    static func load(bytes: [UInt8], name: String) throws -> Loaded {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try load(paths: [file.path])
    }

    static func load(_ text: String, name: String = "export.txt") throws -> Loaded {
        try load(bytes: Array(text.utf8), name: name)
    }
}
