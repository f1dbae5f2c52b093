// swift-tools-version:6.0
import PackageDescription

/// The build's stage targets, in the order they may import each other.
let stages: [Target.Dependency] = [
    "DossierModel", "DossierTheme", "DossierCharts", "DossierTemplates", "DossierMarkdown", "DossierLoad", "DossierData",
    "DossierParse", "DossierFigures", "DossierRender", "DossierOutput", "DossierBuild",
]

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // The preview server, a program of its own: `dossier build` never compiles or links SwiftNIO.
        .executable(name: "dossier-serve", targets: ["DossierServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // Already a dependency of Hummingbird: named for the channel handler of `dossier serve`.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The build's stages, one target each; a stage imports only the stages before it
        // (ARCHITECTURE.md has the graph), so the compiler refuses an import the other way.
        .target(name: "DossierModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "DossierTheme", dependencies: ["DossierModel"]),
        .target(name: "DossierCharts", dependencies: ["DossierModel"]),
        .target(name: "DossierTemplates", dependencies: ["DossierModel", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "DossierMarkdown", dependencies: ["DossierModel", "CCmark"]),
        .target(name: "DossierLoad", dependencies: ["DossierModel", "DossierTheme"]),
        .target(name: "DossierData", dependencies: ["DossierModel", .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "DossierParse", dependencies: ["DossierModel", "DossierData", "DossierMarkdown"]),
        .target(name: "DossierFigures", dependencies: ["DossierModel", "DossierData", "DossierCharts", "DossierMarkdown"]),
        .target(name: "DossierRender", dependencies: ["DossierModel", "DossierCharts", "DossierMarkdown", "DossierTemplates"]),
        .target(name: "DossierOutput", dependencies: ["DossierModel"]),
        .target(
            name: "DossierBuild",
            dependencies: ["DossierModel", "DossierTheme", "DossierTemplates", "DossierMarkdown", "DossierLoad", "DossierData",
                           "DossierParse", "DossierFigures", "DossierRender", "DossierOutput"]
        ),
        .target(
            name: "DossierServer",
            dependencies: [
                "DossierBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierBuild",
                "DossierTheme",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        .executableTarget(
            name: "DossierServe",
            dependencies: [
                "DossierCLI",
                "DossierServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: stages + ["DossierFuzzing"],
            exclude: ["Charts/Golden"]
        ),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI"] + stages),
        .testTarget(
            name: "DossierServerTests",
            dependencies: [
                "DossierServer",
                "DossierBuild",
                "DossierModel",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer targets, built with sanitizers by `make fuzz` (see Sources/Fuzz/README.md).
        .target(name: "FuzzDriver", path: "Sources/Fuzz/FuzzDriver"),
        .target(name: "DossierFuzzing", dependencies: stages, path: "Sources/Fuzz/DossierFuzzing"),
        .target(name: "FuzzSupport", dependencies: ["DossierFuzzing", "FuzzDriver"] + stages, path: "Sources/Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", "DossierFuzzing"], path: "Sources/Fuzz/FuzzFrontMatter"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "DossierFuzzing"], path: "Sources/Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", "DossierFuzzing"], path: "Sources/Fuzz/FuzzJSON"),
        .executableTarget(name: "FuzzChart", dependencies: ["FuzzSupport", "DossierFuzzing"], path: "Sources/Fuzz/FuzzChart"),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", "DossierFuzzing"], path: "Sources/Fuzz/FuzzMarkdown"),
        .executableTarget(name: "FuzzTemplates", dependencies: ["FuzzSupport", "DossierFuzzing"], path: "Sources/Fuzz/FuzzTemplates"),
    ]
)

// Every file imports the module of each name it uses, extension members included: a file
// cannot lean on an import made by another file of its target.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
