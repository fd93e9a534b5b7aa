// swift-tools-version: 6.1
import PackageDescription

// Trimmed for the `rules` branch: only the core module (without its crypto dependencies),
// its tests and the rules benchmark. The full package description lives on main; merging
// needs only the `CertLogicBenchmark` executable target below added there.

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
            swiftSettings: swiftSettings
        ),
    ]
)
