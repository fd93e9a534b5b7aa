import ArgumentParser
import Foundation
import QRGateImaging
import QRGateScanner

/// `qrgate scan`: decode the QR codes in image files.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Decode the QR codes in image files (PNG, JPEG, PGM).",
        discussion: """
            With --json, one JSON object per file in input order: {"file", "symbols": [{"text", "bytes_base64"}], "ms"}, \
            or {"file", "error": {"code", "message"}} for a file that could not be read. Exit status 1 when any file \
            could not be read (the others are still scanned).
            """
    )

    @Flag(help: "One JSON object per file (NDJSON).") var json = false
    @Option(help: "Largest image accepted, in pixels (checked before decoding).") var maxPixels = 40_000_000
    @Argument(help: "Image files.") var images: [String]

    func run() throws {
        var readerConfiguration = ImageReader.Configuration()
        readerConfiguration.maxPixels = maxPixels
        let scanner = ImageScanner(configuration: .files, reader: ImageReader(configuration: readerConfiguration))
        var failures = 0
        for path in images {
            let report = scanner.report(path: path)
            if json {
                print(report.jsonLine)
            }
            switch report.outcome {
            case .success(let symbols):
                if !json {
                    if symbols.isEmpty { print("\(path): no QR code found") }
                    for symbol in symbols { print("\(path): \(symbol.text)") }
                }
            case .failure(let error):
                failures += 1
                printError("qrgate scan: \(error)")
            }
        }
        if failures > 0 { throw ExitStatus.negative }
    }
}
