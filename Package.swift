// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "qrgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qrgate", targets: ["qrgate"]),
        .executable(name: "qrgate-central", targets: ["qrgate-central"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.36.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.4.0"),
        // Only the central service (qrgate-central) links the PostgreSQL client; the gate never does.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian (apt providers are informational; scripts/install-deps installs them).
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),

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
        // The operator's files read into Core's values: trust folders, rule folders, value sets,
        // CertLogic test suites. Core itself reads no file.
        .target(
            name: "QRGateFiles",
            dependencies: ["QRGateCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QRGateImaging",
            dependencies: ["QRGateCore", "CPNG", "CJPEG"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QRGateScanner",
            dependencies: ["QRGateCore", "QRGateImaging", "CZBar"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QRGateReceipts",
            dependencies: ["QRGateCore", "QRGateImaging", "CQREncode"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QRGateStore",
            dependencies: [
                "QRGateCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The one check-in path: intake, assessment, decision, durable record, receipts, outcomes.
        .target(
            name: "QRGateCheckIn",
            dependencies: [
                "QRGateCore",
                "QRGateFiles",
                "QRGateStore",
                "QRGateScanner",
                "QRGateImaging",
                "QRGateReceipts",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QRGateServer",
            dependencies: [
                "QRGateCore",
                "QRGateStore",
                "QRGateImaging",
                "QRGateScanner",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Forwarding to the central tracing service and syncing trust lists, rules and value sets.
        .target(
            name: "QRGateForwarder",
            dependencies: [
                "QRGateCore",
                "QRGateStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QRGateDaemon",
            dependencies: [
                "QRGateCheckIn",
                "QRGateCore",
                "QRGateStore",
                "QRGateServer",
                "QRGateScanner",
                "QRGateImaging",
                "QRGateReceipts",
                .product(name: "Crypto", package: "swift-crypto"),
                "QRGateForwarder",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "qrgate",
            dependencies: [
                "QRGateFiles",
                "QRGateDaemon",
                "QRGateCheckIn",
                "QRGateScanner",
                "QRGateImaging",
                "QRGateReceipts",
                "QRGateStore",
                "QRGateCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // The reference central tracing service on PostgreSQL: ingest, distribution, fleet,
        // site views and tracing. Its own modules; `qrgate` depends on none of them.
        .target(
            name: "QRGateCentral",
            dependencies: [
                "QRGateCore",
                "QRGateForwarder",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "qrgate-central",
            dependencies: [
                "QRGateCentral",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "QRGateTestSupport",
            dependencies: [
                "QRGateCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/QRGateTestSupport",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "qrgate-crash-writer",
            dependencies: ["QRGateCore", "QRGateStore", "QRGateTestSupport"],
            path: "Tests/CrashWriter",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateCoreTests",
            dependencies: ["QRGateCore", "QRGateFiles", "QRGateTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateImagingTests",
            dependencies: ["QRGateImaging", "QRGateTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateScannerTests",
            dependencies: ["QRGateScanner", "QRGateImaging", "QRGateReceipts", "CQREncode", "QRGateTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateReceiptsTests",
            dependencies: ["QRGateReceipts", "QRGateScanner", "QRGateImaging", "QRGateCore", "QRGateTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateStoreTests",
            dependencies: ["QRGateStore", "QRGateTestSupport", "qrgate-crash-writer", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateServerTests",
            dependencies: [
                "QRGateServer",
                "QRGateStore",
                "QRGateDaemon",
                "QRGateTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateForwarderTests",
            dependencies: [
                "QRGateForwarder", "QRGateStore", "QRGateTestSupport", "QRGateCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateDaemonTests",
            dependencies: [
                "QRGateDaemon", "QRGateCheckIn", "QRGateFiles", "QRGateTestSupport", "QRGateScanner", "QRGateImaging", "QRGateReceipts",
                "QRGateStore", "QRGateCore",
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"), .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        // The central service against a real PostgreSQL (scripts/with-postgres), and gates forwarding to it.
        .testTarget(
            name: "QRGateCentralTests",
            dependencies: [
                "QRGateCentral", "qrgate-central", "qrgate", "QRGateForwarder", "QRGateStore", "QRGateCore", "QRGateTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tests that start the built `qrgate` binary (daemon, commands) on loopback.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "qrgate", "QRGateDaemon", "QRGateServer", "QRGateCheckIn", "QRGateFiles", "QRGateTestSupport", "QRGateScanner", "QRGateImaging",
                "QRGateReceipts",
                "QRGateStore", "QRGateCore",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks build only when asked for (`QRGATE_BENCHMARKS=1 swift build -c release --product …`),
// so the normal build and test never compile them; see docs/PERFORMANCE.md.
if Context.environment["QRGATE_BENCHMARKS"] != nil {
    package.targets += [
        .executableTarget(
            name: "dcc-benchmark",
            dependencies: ["QRGateCore"],
            path: "Benchmarks/DCCBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "shc-benchmark",
            dependencies: ["QRGateCore", "QRGateFiles"],
            path: "Benchmarks/shc",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "world-benchmark",
            dependencies: ["QRGateCore", "QRGateFiles"],
            path: "Benchmarks/WorldBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "revocation-bench",
            dependencies: [
                "QRGateCore", "QRGateFiles", "QRGateCheckIn",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/revocation",
            exclude: ["run.sh"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "scan-bench",
            dependencies: ["QRGateScanner", "QRGateImaging"],
            path: "Benchmarks/scan",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CertLogicBenchmark",
            dependencies: ["QRGateCore", "QRGateFiles"],
            path: "Benchmarks/rules",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pipeline-bench",
            dependencies: [
                "QRGateCore", "QRGateCheckIn", "QRGateFiles", "QRGateDaemon", "QRGateStore", "QRGateReceipts", "QRGateImaging", "QRGateTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/pipeline",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "qrgate-export-benchmark",
            dependencies: ["QRGateStore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/export",
            exclude: ["run.sh"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "central-load-generator",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/central",
            exclude: ["run.sh"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "qrgate-forwarder-benchmark",
            dependencies: ["QRGateForwarder", "QRGateStore", "QRGateCore", "QRGateTestSupport", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/forwarder",
            swiftSettings: swiftSettings
        ),
    ]
}
