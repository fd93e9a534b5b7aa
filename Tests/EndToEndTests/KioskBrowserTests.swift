import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The kiosk screen in a real browser: headless Chromium (Debian's, through chromedriver and
/// selenium, `Tests/Browser/kiosk_screen.py`) on the page the built daemon serves, while real
/// certificates go through the daemon's own pipeline. What the page shows must be what was
/// recorded: the same check-in id and decision, the masked name, the receipt, back to idle; and a
/// declaration made on the touchscreen waits for the certificate and is decided with it.
@Suite(.serialized) struct KioskBrowserTests {
    static let repository = BrowserScript.repository

    /// Runs the browser script; its JSON report (it ends by itself within its own 120 s, and is
    /// killed at 180 s).
    static func runBrowser(port: Int, token: String, scans: JSONValue, size: String, output: URL, extra: [String] = []) throws -> JSONValue {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let scansFile = output.appendingPathComponent("scans.json")
        try Data(scans.serialized().utf8).write(to: scansFile)
        return try BrowserScript.run(
            "kiosk_screen.py",
            arguments: ["--port", String(port), "--token", token, "--scans", scansFile.path, "--out", output.path, "--size", size] + extra,
            output: output, killAfter: 180)
    }

    @Test(arguments: ["800x480", "1920x1080"])
    func whatThePageShowsIsWhatWasRecorded(size: String) async throws {
        let issuer = try TestDCCIssuer()
        let gate = try RunningGate(
            gate: "gate-kiosk", site: "site-kiosk",
            yaml: """
                trust:
                  rules_directory: \(Self.repository.appendingPathComponent("device-config/rules").path)
                scanner:
                  dedup_seconds: 0
                  presentation_seconds: 20
                kiosk:
                  result_seconds: 2
                  sound: false

                """,
            prepare: { state in
                try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
                try Data(issuer.certificateDER).write(to: state.appendingPathComponent("trust/dsc.der"))
            })
        defer { gate.stop() }
        let now = Date()
        let valid = try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let incomplete = try issuer.issue(
            TestDCCIssuer.vaccination(family: "Trần", familyT: "TRAN", given: "Thị Bình", givenT: "THI<BINH", dose: 1, of: 2),
            issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let forged = try TestDCCIssuer().issue(
            TestDCCIssuer.vaccination(family: "Lê", familyT: "LE", given: "Cường", givenT: "CUONG"),
            issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let symptomatic = try issuer.issue(
            TestDCCIssuer.vaccination(family: "Phạm", familyT: "PHAM", given: "Thị Dung", givenT: "THI<DUNG"),
            issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let declarant = try issuer.issue(
            TestDCCIssuer.vaccination(family: "Đỗ", familyT: "DO", given: "Minh Đức", givenT: "MINH<DUC"),
            issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let scans: JSONValue = .array([
            ["name": "admit", "texts": [.string(valid)]],
            [
                "name": "declare-then-certificate", "texts": [.string(declarant)],
                "form": [
                    "symptoms": ["cough"], "contact_with_confirmed_case": "no", "travelled_last_14_days": "yes", "free_text": "Ho nhẹ từ hôm qua",
                ],
            ],
            ["name": "refer", "texts": [.string(symptomatic)], "declaration": ["symptoms": ["fever", "cough"]]],
            ["name": "incomplete", "texts": [.string(incomplete)]],
            ["name": "forged", "texts": [.string(forged)]],
        ])
        // The screenshots stay as test output (docs/kiosk/ holds copies).
        let output = Self.repository.appendingPathComponent(".build/test-output/kiosk-\(size)")
        let report = try Self.runBrowser(port: gate.port, token: try gate.token(role: "kiosk"), scans: scans, size: size, output: output)

        #expect(report["connected"] == .bool(true), "\(report)")
        #expect(report["idle_before"] == .bool(true))
        #expect(report["console_problems"]?.arrayValue?.isEmpty == true, "browser console: \(report["console_problems"] ?? .null)")
        let steps = try #require(report["steps"]?.arrayValue)
        #expect(steps.count == 5)
        for step in steps {
            let name = step["step"]?.stringValue ?? "?"
            #expect(step["api_status"]?.numberValue == 200, "\(name): \(step)")
            #expect(step["page_state"]?.stringValue == "result", "\(name)")
            #expect(step["page_check_in_id"] == step["api_check_in_id"], "\(name): the page shows another check-in")
            #expect(step["page_decision"] == step["api_decision"], "\(name)")
            #expect(step["has_receipt_svg"] == .bool(true), "\(name)")
            #expect((step["contrast"]?.numberValue ?? 0) >= 4.5, "\(name): contrast \(step["contrast"] ?? .null)")
            let back = step["back_to_idle_seconds"]?.numberValue ?? 99
            #expect(back >= 1 && back <= 5, "\(name): back to idle after \(back) s (result_seconds 2)")
        }
        #expect(steps[0]["page_decision"]?.stringValue == "admit")
        #expect(steps[0]["name"]?.stringValue == "NGUYỄN V. A.")
        #expect(steps[0]["decision_word"]?.stringValue?.contains("Mời vào") == true)
        // The declaration made on the touchscreen waited for the certificate, and both were decided together.
        #expect(steps[1]["form_declare_visible"] == .bool(true), "\(steps[1])")
        #expect(steps[1]["form_submitted"] == .bool(true))
        #expect(steps[1]["form_state_after"]?.stringValue == "waiting")
        #expect(steps[1]["page_decision"]?.stringValue == "refer", "a declared cough sends the person to staff")
        #expect(steps[1]["reason_codes"]?.arrayValue?.contains("symptoms_declared") == true, "\(steps[1])")
        #expect(steps[1]["name"]?.stringValue == "ĐỖ M. Đ.")
        #expect(steps[2]["page_decision"]?.stringValue == "refer", "declared symptoms send the person to staff")
        #expect(steps[2]["reason_codes"]?.arrayValue?.contains("symptoms_declared") == true, "\(steps[2])")
        #expect(steps[3]["page_decision"]?.stringValue == "refuse")
        #expect(steps[3]["name"]?.stringValue == "TRẦN T. B.")
        #expect(steps[4]["page_decision"]?.stringValue == "refuse", "a certificate signed by an unknown key is never admitted")

        // The ids the page showed are the recorded check-ins.
        let listed = try gate.command(["export", "--format", "ndjson"])
        for step in steps {
            let id = try #require(step["api_check_in_id"]?.stringValue)
            #expect(listed.stdout.contains(id), "\(id) is not in the store")
        }
    }
}
