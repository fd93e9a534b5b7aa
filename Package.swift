// swift-tools-version: 6.1
import PackageDescription

// Trimmed on branch `schema` for fast builds: QRGateCore (Foundation only) and its tests.
// The integrator merges these two targets back into the full manifest.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "qrgate",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "QRGateCore", targets: ["QRGateCore"])
    ],
    targets: [
        // Domain types and pure logic: no I/O, no C libraries.
        .target(
            name: "QRGateCore",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateCoreTests",
            dependencies: ["QRGateCore"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
