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
        .library(name: "QRGateImaging", targets: ["QRGateImaging"]),
        .library(name: "QRGateScanner", targets: ["QRGateScanner"]),
    ],
    targets: [
        // C libraries from Debian (apt providers are informational; .ci/run and scripts/setup install them).
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),

        // Grey frames and image files in and out (libpng, libjpeg-turbo).
        .target(
            name: "QRGateImaging",
            dependencies: ["CPNG", "CJPEG"],
            swiftSettings: swiftSettings
        ),
        // zbar wrapper, decode cascade, frame sources.
        .target(
            name: "QRGateScanner",
            dependencies: ["QRGateImaging", "CZBar"],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "QRGateImagingTests",
            dependencies: ["QRGateImaging"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRGateScannerTests",
            dependencies: ["QRGateScanner", "QRGateImaging", "CQREncode"],
            swiftSettings: swiftSettings
        ),

        // Release-built benchmark: swift run -c release scan-bench
        .executableTarget(
            name: "scan-bench",
            dependencies: ["QRGateScanner", "QRGateImaging"],
            path: "Benchmarks/scan",
            swiftSettings: swiftSettings
        ),
    ]
)
