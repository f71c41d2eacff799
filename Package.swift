// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stance",
    products: [
        .executable(name: "stance", targets: ["CLI"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    targets: [
        .target(name: "Scoring", path: "Sources/Scoring"),
        .target(name: "Pipeline", dependencies: ["Scoring"], path: "Sources/Pipeline"),
        .executableTarget(name: "CLI", dependencies: ["Pipeline", "Scoring"], path: "Sources/CLI"),
        // What the test targets share: the checkout's root, its model, temporary folders, the binary.
        .target(name: "TestSupport", dependencies: ["Pipeline", "Scoring"], path: "Tests/TestSupport"),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "TestSupport"], path: "Tests/ScoringTests"),
        .testTarget(
            name: "PipelineTests", dependencies: ["Pipeline", "Scoring", "TestSupport"], path: "Tests/PipelineTests"),
        .testTarget(name: "CLITests", dependencies: ["CLI", "TestSupport"], path: "Tests/CLITests"),
    ]
)
