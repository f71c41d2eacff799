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
        .testTarget(name: "ScoringTests", dependencies: ["Scoring"], path: "Tests/ScoringTests"),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Scoring"], path: "Tests/PipelineTests"),
        .testTarget(name: "CLITests", dependencies: ["CLI"], path: "Tests/CLITests"),
    ]
)
