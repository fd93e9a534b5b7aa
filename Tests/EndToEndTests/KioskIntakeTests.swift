import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The kiosk upload enters through the same intake as the camera: a double tap (the same code
/// posted twice within the duplicate window) is one check-in, answered twice with the same id,
/// and it counts as one scan.
@Suite struct KioskIntakeTests {
    @Test func theSameCodePostedTwiceWithinTheWindowIsOneCheckIn() throws {
        let gate = try RunningGate(yaml: "scanner:\n  dedup_seconds: 30\n")
        defer { gate.stop() }
        let kiosk = try gate.token(role: "kiosk")
        let first = try gate.scan(["not a certificate, just text"], token: kiosk)
        let again = try gate.scan(["not a certificate, just text"], token: kiosk)
        #expect(first.status == 200, "\(first.json)")
        #expect(again.status == 200, "\(again.json)")
        let id = try #require(first.json["check_in_id"]?.stringValue)
        #expect(again.json["check_in_id"]?.stringValue == id)
        // Another code is a scan of its own.
        let other = try gate.scan(["another text"], token: kiosk)
        #expect(other.json["check_in_id"]?.stringValue != id)

        let status = try gate.command(["status", "--json"])
        #expect(try JSONValue(parsing: status.stdout)["check_ins"]?.numberValue == 2, "\(status.stdout)")
        let metrics = try #require(LoopbackHTTP.get(port: gate.port, path: "/metrics"))
        #expect(metrics.body.contains("qrgate_scans_total 2"), "\(metrics.body)")
    }
}
