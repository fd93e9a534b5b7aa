// swift-tools-version: 6.1
import PackageDescription

// Trimmed for the `rules` branch: only the core module, its tests and the rules benchmark.
// The full package description lives on main; see docs/PERFORMANCE-rules.md for the targets to merge.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "qrgate",
    platforms: [.macOS(.v15)],
    targets: [
        // Domain types and pure logic: no I/O, no C libraries.
        .target(
            name: "QRGateCore",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CertLogicBenchmark",
            dependencies: ["QRGateCore"],
            path: "Benchmarks/rules",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateCoreTests",
            dependencies: ["QRGateCore"],
            exclude: [],
            swiftSettings: swiftSettings
        ),
    ]
)
