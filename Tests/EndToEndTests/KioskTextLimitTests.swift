import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// Issue 12 item 10: every text limit of `POST /v1/scans` counts UTF-8 bytes, and a request
/// body has a byte limit, so no request can store megabytes.
@Suite(.serialized) struct KioskTextLimitTests {
    static func body(texts: [String] = [], freeText: String? = nil) -> [UInt8] {
        var fields: [String] = []
        if !texts.isEmpty { fields.append("\"texts\":[" + texts.map(Self.quoted).joined(separator: ",") + "]") }
        if let freeText { fields.append("\"declaration\":{\"free_text\":\(Self.quoted(freeText))}") }
        return Array(("{" + fields.joined(separator: ",") + "}").utf8)
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Free text of few characters but many bytes (Vietnamese letters with stacked diacritics,
    /// emoji, one family emoji of 25 bytes per character) used to pass a character-counted limit.
    @Test func multiByteTextIsCountedInBytes() throws {
        let daemon = try RunningGate()
        defer { daemon.stop() }
        let kiosk = try daemon.token(role: "kiosk")
        try daemon.start()
        func post(_ body: [UInt8]) -> LoopbackExchange.Answer? {
            LoopbackExchange.send(
                "POST", "/v1/scans", port: daemon.port, headers: ["Authorization": "Bearer " + kiosk, "Content-Type": "application/json"], body: body)
        }

        let vietnamese = "Tôi bị ho và sốt nhẹ, đã đi Hà Nội. "  // 1–3 bytes per letter
        var underLimit = ""
        while (underLimit + vietnamese).utf8.count <= 1000 { underLimit += vietnamese }
        let atLimit = underLimit + String(repeating: "a", count: 1000 - underLimit.utf8.count)
        #expect(atLimit.utf8.count == 1000 && atLimit.count < 900)
        let family = "👨‍👩‍👧‍👦"  // one character, 25 bytes
        #expect(family.count == 1 && family.utf8.count == 25)

        let cases: [(name: String, text: String, accepted: Bool)] = [
            ("Vietnamese, exactly 1000 bytes", atLimit, true),
            ("Vietnamese, 1002 bytes", String(atLimit.dropLast()) + "ễ", false),
            ("250 emoji, 1000 bytes", String(repeating: "😷", count: 250), true),
            ("251 emoji, 1004 bytes", String(repeating: "😷", count: 251), false),
            ("41 family emoji: 41 characters, 1025 bytes", String(repeating: family, count: 41), false),
            ("400 'ễ': 400 characters, 1200 bytes", String(repeating: "ễ", count: 400), false),
        ]
        for item in cases {
            let answer = try #require(post(Self.body(freeText: item.text)), "\(item.name)")
            if item.accepted {
                #expect(answer.status == 200, "\(item.name): \(answer.body)")
            } else {
                #expect(answer.status == 400, "\(item.name): \(answer.status) \(answer.body)")
                #expect(answer.body.contains("bytes"), "\(item.name): the reason names the byte limit: \(answer.body)")
            }
        }

        // A code in 'texts' is at most 8192 bytes, however few characters it has.
        let code8192 = String(repeating: "ễ", count: 2730) + "ab"
        #expect(code8192.utf8.count == 8192)
        #expect(post(Self.body(texts: [code8192]))?.status == 200)
        let code8193 = String(repeating: "ễ", count: 2731)
        #expect(code8193.utf8.count == 8193)
        let over = post(Self.body(texts: [code8193]))
        #expect(over?.status == 400, "\(over?.body ?? "")")

        // A JSON body over 128 KiB is refused before it is parsed or stored.
        let before = try Self.checkIns(daemon)
        let padding = [UInt8](repeating: 0x20, count: 3 << 20)
        let huge = Array("{\"texts\":[\"x\"]".utf8) + padding + Array("}".utf8)
        let hugeAnswer = post(huge)
        #expect(hugeAnswer?.status == 413, "\(hugeAnswer?.status ?? 0) \(hugeAnswer?.body ?? "")")
        #expect(hugeAnswer?.body.contains("body_too_large") == true)
        #expect(try Self.checkIns(daemon) == before, "nothing was stored for the refused body")
        #expect(daemon.isRunning)
        #expect(daemon.stop() == 0)
    }

    static func checkIns(_ daemon: RunningGate) throws -> Double {
        let status = try QRGateBinary.run(["status", "--json"], environment: daemon.environment)
        return try JSONValue(parsing: status.stdout)["check_ins"]?.numberValue ?? -1
    }
}
