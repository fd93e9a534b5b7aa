// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// Branch `dcc`: trimmed to QRGateCore so the credential work builds fast.
// The full target list lives on main; see the integration notes in the report.
let package = Package(
    name: "qrgate",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        // Domain types and pure logic: no I/O, no C libraries.
        .target(
            name: "QRGateCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "dcc-benchmark",
            dependencies: ["QRGateCore"],
            path: "Benchmarks/DCCBenchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateCoreTests",
            dependencies: ["QRGateCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
