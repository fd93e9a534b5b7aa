import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The kiosk screen through the built daemon: the page and its assets under a strict policy,
/// the live stream on loopback, each decision on it as the kiosk API answered it (same
/// check-in id) with no more personal data than a masked name, the limits on streams, and a
/// daemon that stops at once with a screen connected.
@Suite struct KioskScreenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func trustedGate(_ issuer: TestDCCIssuer, yaml: String = "") throws -> RunningGate {
        try RunningGate(
            gate: "gate-kiosk", site: "site-kiosk",
            yaml: "trust:\n  rules_directory: \(Self.repository.appendingPathComponent("device-config/rules").path)\n" + yaml,
            prepare: { state in
                try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
                try Data(issuer.certificateDER).write(to: state.appendingPathComponent("trust/dsc.der"))
            })
    }

    @Test func thePageAndItsAssetsAreServedUnderAStrictPolicy() throws {
        let gate = try RunningGate(gate: "gate-kiosk")
        defer { gate.stop() }
        for (path, type) in [("/kiosk", "text/html"), ("/kiosk/kiosk.css", "text/css"), ("/kiosk/kiosk.js", "text/javascript")] {
            let answer = try #require(LoopbackExchange.send("GET", path, port: gate.port))
            #expect(answer.status == 200, "\(path)")
            #expect(answer.headers["content-type"]?.hasPrefix(type) == true, "\(path): \(answer.headers)")
            let policy = try #require(answer.headers["content-security-policy"], "\(path)")
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe"))
            #expect(answer.headers["referrer-policy"] == "no-referrer")
        }
        let page = try #require(LoopbackExchange.send("GET", "/kiosk", port: gate.port)).body
        #expect(page.contains("/kiosk/kiosk.js") && page.contains("data-state=\"idle\""))
        #expect(!page.contains("http://") && !page.contains("https://"), "the page loads nothing from elsewhere")
    }

    @Test func aDecisionReachesTheScreenWithItsCheckInIdAndOnlyAMaskedName() throws {
        let issuer = try TestDCCIssuer()
        let gate = try trustedGate(issuer, yaml: "kiosk:\n  language: vi\n  result_seconds: 5\n  sound: false\n")
        defer { gate.stop() }
        let screen = try #require(EventStreamReader(port: gate.port, path: "/kiosk/events"))
        #expect(screen.status == 200)
        #expect(screen.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        #expect(screen.headers["cache-control"] == "no-store")
        let status = try JSONValue(parsing: try #require(screen.next("status")).data)
        #expect(status["site"]?.stringValue == "site-kiosk")
        #expect(status["language"]?.stringValue == "vi")
        #expect(status["result_seconds"]?.numberValue == 5)
        #expect(status["sound"] == .bool(false))

        let now = Date()
        let certificate = try issuer.issue(
            TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let answer = try gate.scan([certificate], token: try gate.token(role: "kiosk"))
        #expect(answer.status == 200, "\(answer.json)")
        let id = try #require(answer.json["check_in_id"]?.stringValue)

        #expect(screen.next("reading") != nil, "the screen shows the code being read")
        let event = try #require(screen.next("result"), "no result on the screen")
        let result = try JSONValue(parsing: event.data)
        #expect(result["check_in_id"]?.stringValue == id)
        #expect(result["decision"]?.stringValue == answer.json["decision"]?.stringValue)
        #expect(result["direction"]?.stringValue == "entry")
        #expect(result["name"]?.stringValue == "NGUYỄN V. A.")
        for personal in ["1990", "Văn An", "VAN", "Nguyễn Văn"] {
            #expect(!event.data.contains(personal), "the screen event holds \(personal)")
        }
        let reasons = try #require(result["reasons"]?.arrayValue)
        #expect(!reasons.isEmpty && reasons.allSatisfy { $0["vi"]?.stringValue?.isEmpty == false && $0["en"]?.stringValue?.isEmpty == false })
        let svg = try #require(result["receipt_svg"]?.stringValue)
        #expect(svg.contains("<svg") && !svg.contains("<script") && !svg.contains("style="))
    }

    @Test func aPresentationOfTwoCodesShowsWhatIsStillNeededThenOneDecision() throws {
        let issuer = try TestDCCIssuer()
        let gate = try trustedGate(issuer, yaml: "scanner:\n  presentation_seconds: 20\n")
        defer { gate.stop() }
        let screen = try #require(EventStreamReader(port: gate.port, path: "/kiosk/events"))
        _ = screen.next("status")
        let kiosk = try gate.token(role: "kiosk")
        let card = try gate.scan(["001090000001||Nguyễn Văn An|15011990|Nam|Hà Nội|01012021"], token: kiosk)
        #expect(card.status == 202, "\(card.json)")
        #expect(card.json["waiting"] == .bool(true))
        #expect(card.json["needed"] == ["certificate"])
        let waiting = try JSONValue(parsing: try #require(screen.next("waiting"), "the screen was not told to wait").data)
        #expect(waiting["needed"]?.arrayValue?.first?["vi"]?.stringValue?.contains("chứng nhận") == true)
        #expect(waiting["have"]?.arrayValue?.first?["code"]?.stringValue == "identity_card")

        let now = Date()
        let certificate = try issuer.issue(
            TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let decided = try gate.scan([certificate], token: kiosk)
        #expect(decided.status == 200, "\(decided.json)")
        #expect(decided.json["decision"]?.stringValue == "admit")
        let result = try JSONValue(parsing: try #require(screen.next("result")).data)
        #expect(result["check_in_id"] == decided.json["check_in_id"])
        let status = try gate.command(["status", "--json"])
        #expect(try JSONValue(parsing: status.stdout)["check_ins"]?.numberValue == 1, "one presentation, one check-in")
    }

    @Test func aDeclarationOnTheScreenJoinsThePresentationAndIsRecordedWithIt() throws {
        let issuer = try TestDCCIssuer()
        let gate = try trustedGate(issuer, yaml: "scanner:\n  presentation_seconds: 20\n")
        defer { gate.stop() }
        let screen = try #require(EventStreamReader(port: gate.port, path: "/kiosk/events"))
        let status = try JSONValue(parsing: try #require(screen.next("status")).data)
        #expect(status["declaration"] == .bool(true), "the screen offers the declaration: \(status)")
        let questions = try #require(LoopbackHTTP.get(port: gate.port, path: "/kiosk/questions"))
        #expect(questions.status == 200)
        #expect(try JSONValue(parsing: questions.body)["questions"]?.arrayValue?.count == 4)

        let body = #"{"declaration": {"symptoms": ["fever"], "contact_with_confirmed_case": false, "travelled_last_14_days": true}}"#
        let declared = try #require(
            LoopbackHTTP.post(port: gate.port, path: "/kiosk/declaration", contentType: "application/json", body: Array(body.utf8)))
        #expect(declared.status == 202, "\(declared.body)")
        let waiting = try JSONValue(parsing: try #require(screen.next("waiting")).data)
        #expect(waiting["have"]?.arrayValue?.first?["code"]?.stringValue == "declaration")

        let now = Date()
        let certificate = try issuer.issue(
            TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let decided = try gate.scan([certificate], token: try gate.token(role: "kiosk"))
        #expect(decided.status == 200)
        #expect(decided.json["decision"]?.stringValue == "refer", "a declared fever sends the person to staff: \(decided.json)")
        let exported = try gate.command(["export", "--format", "ndjson"])
        let row = try JSONValue(parsing: exported.stdout.split(separator: "\n").first.map(String.init) ?? "")
        #expect(row["id"] == decided.json["check_in_id"], "one presentation, one check-in")
        #expect(row["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["symptoms_declared"])
    }

    /// A gate that needs a declaration: the certificate is shown, then the person opens the form
    /// on the screen, which holds the presentation past its window until the declaration comes.
    @Test func openingTheDeclarationFormHoldsThePresentationPastItsWindow() throws {
        let issuer = try TestDCCIssuer()
        let gate = try trustedGate(issuer, yaml: "scanner:\n  presentation_seconds: 2\nadmission:\n  require_declaration: true\n")
        defer { gate.stop() }
        let now = Date()
        let certificate = try issuer.issue(
            TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let shown = try gate.scan([certificate], token: try gate.token(role: "kiosk"))
        #expect(shown.status == 202, "\(shown.json)")
        #expect(shown.json["needed"] == ["declaration"])

        // Only as JSON: a form of another origin cannot hold a presentation.
        let plain = try #require(
            LoopbackHTTP.post(port: gate.port, path: "/kiosk/declaration/hold", contentType: "text/plain", body: Array("{}".utf8)))
        #expect(plain.status == 415)
        let held = try #require(
            LoopbackHTTP.post(port: gate.port, path: "/kiosk/declaration/hold", contentType: "application/json", body: Array("{}".utf8)))
        #expect(held.status == 200, "\(held.body)")
        let answer = try JSONValue(parsing: held.body)
        #expect(answer["held"] == .bool(true))
        #expect((answer["seconds_left"]?.numberValue ?? 0) > 60, "\(held.body)")

        // Twice the window later, nothing was decided without the declaration.
        Thread.sleep(forTimeInterval: 4)
        #expect(try gate.command(["status", "--json"]).stdout.contains("\"check_ins\":0"), "decided without waiting for the form")
        let body = #"{"declaration": {"symptoms": [], "contact_with_confirmed_case": false, "travelled_last_14_days": false}}"#
        let declared = try #require(
            LoopbackHTTP.post(port: gate.port, path: "/kiosk/declaration", contentType: "application/json", body: Array(body.utf8)))
        #expect(declared.status == 200, "\(declared.body)")
        #expect(try JSONValue(parsing: declared.body)["decision"]?.stringValue == "admit", "\(declared.body)")
        #expect(try gate.command(["status", "--json"]).stdout.contains("\"check_ins\":1"), "one presentation, one check-in")
    }

    @Test func withoutPresentationsTheScreenTakesNoDeclaration() throws {
        let gate = try RunningGate(gate: "gate-kiosk")
        defer { gate.stop() }
        let screen = try #require(EventStreamReader(port: gate.port, path: "/kiosk/events"))
        let status = try JSONValue(parsing: try #require(screen.next("status")).data)
        #expect(status["declaration"] == .bool(false))
        let body = #"{"declaration": {"symptoms": []}}"#
        let declared = try #require(
            LoopbackHTTP.post(port: gate.port, path: "/kiosk/declaration", contentType: "application/json", body: Array(body.utf8)))
        #expect(declared.status == 404)
        #expect(try gate.command(["status", "--json"]).stdout.contains("\"check_ins\":0"))
    }

    @Test func aScreenThatWaitsGetsPingsAndTheDaemonStopsAtOnceWithItConnected() throws {
        let gate = try RunningGate(gate: "gate-kiosk")
        let screen = try #require(EventStreamReader(port: gate.port, path: "/kiosk/events"))
        #expect(screen.next("status") != nil)
        // The status is looked at every 2 s; unchanged, a ping keeps the stream (and proxies)
        // alive and tells the page the gate is there (it reconnects after 7 s of silence).
        let ping = try #require(screen.next("ping", timeout: 5), "no ping within 5 s")
        #expect(ping.data == "{}")
        let started = Date()
        #expect(gate.stop() == 0)
        #expect(Date().timeIntervalSince(started) < 8, "stopping took \(Date().timeIntervalSince(started)) s")
        #expect(screen.ends(within: 2))
    }

    @Test func moreThanFourScreensAreRefusedAndAClosedOneFreesItsPlace() throws {
        let gate = try RunningGate(gate: "gate-kiosk")
        defer { gate.stop() }
        var screens = (0..<4).compactMap { _ in EventStreamReader(port: gate.port, path: "/kiosk/events") }
        #expect(screens.count == 4 && screens.allSatisfy { $0.status == 200 })
        let fifth = try #require(EventStreamReader(port: gate.port, path: "/kiosk/events"))
        #expect(fifth.status == 503)
        #expect(fifth.headers["retry-after"] == "5")
        screens.removeLast()
        // The server notices the closed stream at its next write (the 2 s status look).
        var again: EventStreamReader?
        for _ in 0..<20 {
            again = EventStreamReader(port: gate.port, path: "/kiosk/events")
            if again?.status == 200 { break }
            usleep(250_000)
        }
        #expect(again?.status == 200)
    }
}
