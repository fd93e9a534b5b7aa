import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The demo a newcomer tries: the example configuration, `qrgate demo`'s sample images copied
/// into the watched folder one at a time, and the kiosk screen in headless Chromium at 1280×800
/// (`Tests/Browser/kiosk_screen.py`). What the page shows must be what was recorded, with the DEMO
/// banner on every screen; the page loses its stream and comes back by itself; a full store
/// shows the error state.
@Suite(.serialized) struct KioskDemoBrowserTests {
    static let repository = BrowserScript.repository

    /// `device-config/gateway.example.yaml` as `scripts/run` uses it, with its repository paths
    /// made absolute (tests do not run in the checkout) and `state_directory` left to the harness;
    /// results stay 3 s instead of 8 so the run is short, presentations 60 s instead of 20.
    static func exampleConfiguration() throws -> String {
        let text = try String(contentsOf: repository.appendingPathComponent("device-config/gateway.example.yaml"), encoding: .utf8)
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("state_directory:") { continue }
            var line = String(line)
            for key in ["rules_directory: ", "demo_directory: ", "questions_file: "] where line.contains(key + "device-config/") {
                line = line.replacingOccurrences(of: key + "device-config/", with: key + repository.path + "/device-config/")
            }
            if line.hasPrefix("  result_seconds:") { line = "  result_seconds: 3" }
            // the card waits for the certificate even on a machine loaded by a parallel test run
            if line.hasPrefix("  presentation_seconds:") { line = "  presentation_seconds: 60" }
            lines.append(line)
        }
        let yaml = lines.joined(separator: "\n")
        #expect(yaml.contains("demo_directory: /"), "the example configuration no longer ships the demo")
        return yaml
    }

    /// The decoded receipt of a screenshot: `qrgate scan` reads the QR code the page drew.
    static func receiptText(in screenshot: String, gate: RunningGate) throws -> String? {
        let scanned = try QRGateBinary.run(["scan", "--json", screenshot], environment: gate.environment)
        let report = try JSONValue(parsing: Array(scanned.stdout.utf8))
        return report["symbols"]?.arrayValue?.compactMap { $0["text"]?.stringValue }.first { $0.hasPrefix("QRG1:") }
    }

    @Test func theDemoOfTheExampleConfigurationOnTheScreen() async throws {
        let gate = try RunningGate()
        defer { gate.stop() }
        try gate.start(yaml: try Self.exampleConfiguration())
        #expect(gate.log.contains("DEMO"), "the daemon does not say it runs the demo")
        #expect(gate.log.contains("kiosk screen at http://127.0.0.1:\(gate.port)/kiosk"), "the page's address is not printed")

        let samples = gate.folder.url.appendingPathComponent("samples")
        let written = try gate.command(["demo", "--out", samples.path])
        #expect(written.status == 0, "\(written.stderr)")
        func sample(_ name: String) -> JSONValue { .string(samples.appendingPathComponent(name).path) }
        let steps: JSONValue = [
            ["name": "demo-admit", "file": sample("1-admit.png")],
            ["name": "demo-refuse", "file": sample("2-refuse-one-dose.png")],
            ["name": "stream-cut", "cut_seconds": 12],
            ["name": "demo-refer", "file": sample("3-refer-cough.png")],
            ["name": "demo-id-card", "file": sample("4-id-card.png"), "expect": "waiting"],
            ["name": "demo-mismatch", "file": sample("5-certificate-of-someone-else.png")],
            ["name": "demo-forged", "file": sample("6-refuse-forged.png")],
        ]
        let output = Self.repository.appendingPathComponent(".build/test-output/kiosk-demo-1280x800")
        let report = try KioskBrowserTests.runBrowser(
            port: gate.port, token: "unused", scans: steps, size: "1280x800", output: output,
            extra: ["--inbox", gate.state.appendingPathComponent("inbox").path, "--daemon-pid", String(gate.process.processIdentifier)])
        #expect(report["error"] == .null, "\(report)")
        #expect(report["console_problems"]?.arrayValue?.isEmpty == true, "browser console: \(report["console_problems"] ?? .null)")
        let steps_ = try #require(report["steps"]?.arrayValue)
        try #require(steps_.count == 7, "\(report)")
        let step = Dictionary(uniqueKeysWithValues: steps_.map { ($0["step"]?.stringValue ?? "?", $0) })
        let records = try gate.command(["export", "--format", "ndjson"]).stdout.split(separator: "\n").compactMap {
            try? JSONValue(parsing: Array($0.utf8))
        }
        func record(_ name: String) -> JSONValue? {
            guard let id = step[name]?["api_check_in_id"]?.stringValue else { return nil }
            return records.first { $0["id"]?.stringValue == id }
        }

        // Every decision the page showed is a recorded check-in with the same decision, shown
        // with the DEMO banner and in demo mode.
        for (name, decision) in [
            ("demo-admit", "admit"), ("demo-refuse", "refuse"), ("demo-refer", "refer"), ("demo-mismatch", "refuse"), ("demo-forged", "refuse"),
        ] {
            let shown = try #require(step[name], "\(name)")
            #expect(shown["page_state"] == "result", "\(name): \(shown)")
            #expect(shown["page_decision"]?.stringValue == decision, "\(name): \(shown)")
            #expect(record(name)?["decision"]?.stringValue == decision, "\(name) is not recorded as \(decision)")
            #expect(shown["mode"] == "demo", "\(name)")
            #expect(shown["demo_banner_visible"] == .bool(true), "\(name): no DEMO banner on a demo decision")
            // The reasons in both languages, as recorded.
            let texts = shown["reason_texts"]?.arrayValue?.compactMap { $0.stringValue } ?? []
            for reason in record(name)?["reasons"]?.arrayValue ?? [] {
                let english = reason["english"]?.stringValue ?? "?"
                let vietnamese = reason["vietnamese"]?.stringValue ?? "?"
                #expect(texts.contains { $0.contains(english) && $0.contains(vietnamese) }, "\(name): \(texts) lacks \(english) / \(vietnamese)")
            }
        }
        #expect(step["demo-admit"]?["name"] == "NGUYỄN V. A.")
        #expect(step["demo-refuse"]?["reason_codes"]?.arrayValue?.contains("rules_not_met") == true)
        #expect(step["demo-refer"]?["reason_codes"]?.arrayValue?.contains("symptoms_declared") == true)
        #expect(step["demo-forged"]?["reason_codes"]?.arrayValue?.contains("certificate_invalid") == true)

        // The receipt QR the page drew decodes (zbar, from the screenshot) to the receipt of the
        // check-in it shows.
        let screenshot = try #require(step["demo-admit"]?["screenshot"]?.stringValue)
        let receipt = try #require(try Self.receiptText(in: screenshot, gate: gate), "no receipt QR readable in \(screenshot)")
        let verified = try gate.command(["receipt", "verify", receipt])
        #expect(verified.status == 0, "\(verified.stderr)")
        let claims = try JSONValue(parsing: Array(verified.stdout.utf8))
        #expect(claims["check_in_id"] == step["demo-admit"]?["api_check_in_id"], "\(verified.stdout)")

        // The ID card waits for the certificate; the next person's certificate is refused as a
        // mismatch, with a note for staff, and the record says so.
        let waiting = try #require(step["demo-id-card"])
        #expect(waiting["page_state"] == "waiting", "\(waiting)")
        #expect(waiting["needed"]?.arrayValue?.contains("certificate") == true, "\(waiting)")
        #expect(waiting["api_check_in_id"] == .null, "an ID card alone was recorded")
        let mismatch = try #require(step["demo-mismatch"])
        #expect(mismatch["reason_codes"]?.arrayValue?.contains("identity_mismatch") == true, "\(mismatch)")
        #expect(mismatch["staff_notes_visible"] == .bool(true))
        #expect(record("demo-mismatch")?["flags"]?.stringValue?.contains("identity_mismatch") == true, "\(record("demo-mismatch") ?? .null)")
        #expect(record("demo-mismatch")?["id_number"] == "079090001234", "the card and the certificate were not one check-in")

        // The stream cut (the daemon frozen for 12 s): the page says it lost the gate, and comes
        // back by itself.
        let cut = try #require(step["stream-cut"])
        #expect(cut["cut_banner_shown"] == .bool(true), "\(cut)")
        #expect(cut["reconnected_after_seconds"]?.numberValue != nil, "\(cut)")
        #expect((report["page_bytes"]?.numberValue ?? 0) > 0)
    }

    @Test func aFullStoreShowsTheErrorStateWithItsCode() async throws {
        let issuer = try TestDCCIssuer()
        let gate = try RunningGate { state in
            try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
            try Data(issuer.certificateDER).write(to: state.appendingPathComponent("trust/dsc.der"))
            try FullStore.fill(state: state)
        }
        defer { gate.stop() }
        try gate.start(
            yaml: """
                storage:
                  quota_mib: \(FullStore.quotaMiB)
                trust:
                  rules_directory: \(Self.repository.appendingPathComponent("device-config/rules").path)
                kiosk:
                  result_seconds: 2
                  sound: false

                """)
        let now = Date()
        let valid = try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let output = Self.repository.appendingPathComponent(".build/test-output/kiosk-full-store")
        let report = try KioskBrowserTests.runBrowser(
            port: gate.port, token: try gate.token(role: "kiosk"), scans: [["name": "full-store", "texts": [.string(valid)]]], size: "800x480",
            output: output)
        let step = try #require(report["steps"]?.arrayValue?.first, "\(report)")
        #expect(step["api_check_in_id"] == .null, "a check-in was recorded beyond the quota: \(step)")
        #expect(step["page_state"] == "error", "\(step)")
        #expect(step["error_code"]?.stringValue?.isEmpty == false, "the error state shows no reason code: \(step)")
        let records = try gate.command(["export", "--format", "ndjson"]).stdout
        #expect(records.isEmpty, "nothing may be recorded beyond the quota")
    }
}
