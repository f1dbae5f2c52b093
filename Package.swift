// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // The preview server, a program of its own: `dossier build` never compiles or links SwiftNIO.
        .executable(name: "dossier-serve", targets: ["DossierServe"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
        .library(name: "DossierServer", targets: ["DossierServer"]),
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
        .target(
            name: "DossierCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "DossierServer",
            dependencies: [
                "DossierCore",
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
                "DossierCore",
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
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"], exclude: ["Charts/Golden"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "DossierCore"]),
        .testTarget(
            name: "DossierServerTests",
            dependencies: [
                "DossierServer",
                "DossierCore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer targets, built with sanitizers by `make fuzz` (see Sources/Fuzz/README.md).
        .target(name: "FuzzDriver", path: "Sources/Fuzz/FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["DossierCore", "FuzzDriver"], path: "Sources/Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["DossierCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzFrontMatter"),
        .executableTarget(name: "FuzzCSV", dependencies: ["DossierCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzJSON", dependencies: ["DossierCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzJSON"),
        .executableTarget(name: "FuzzChart", dependencies: ["DossierCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzChart"),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["DossierCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzMarkdown"),
        .executableTarget(name: "FuzzTemplates", dependencies: ["DossierCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzTemplates"),
    ]
)
