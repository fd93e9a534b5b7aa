import Foundation
import QRGateCore
import Testing

/// A browser test's script in `Tests/Browser/` run with the selenium venv's Python
/// (`scripts/install-deps --test` installs it): headless Chromium against the built daemon.
/// The script asserts nothing; it prints one JSON report, which the Swift test judges.
enum BrowserScript {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The selenium venv's Python.
    static func seleniumPython() throws -> String {
        let process = Process()
        process.executableURL = repository.appendingPathComponent("scripts/install-deps")
        process.arguments = ["--selenium-python"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let path = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        return path
    }

    /// Runs `Tests/Browser/<script>` with `arguments`; its JSON report. Its standard error goes to
    /// `output/browser.stderr`; a script still running after `killAfter` seconds is terminated.
    static func run(_ script: String, arguments: [String], output: URL, killAfter: Double) throws -> JSONValue {
        let python = try seleniumPython()
        try #require(FileManager.default.isExecutableFile(atPath: python), "selenium is not installed: run scripts/install-deps --test")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository.appendingPathComponent("Tests/Browser/" + script).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        let stderrFile = output.appendingPathComponent("browser.stderr")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + killAfter, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "the browser script failed: \(stderr)")
        return try JSONValue(parsing: String(decoding: data, as: UTF8.self))
    }
}
