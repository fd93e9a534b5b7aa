import Foundation
import Logging
import QRGateTestSupport
import Testing

@testable import QRGateDaemon

/// Issue 12 item 17: loopback means an address, log lines cannot be split or forged, and the
/// example configuration keeps the central client key apart from the receipt key.
@Suite struct LocalAPIHardeningTests {
    /// `127.evil.example` and `127.0.0.1.nip.io` start with "127." but are names anyone can point
    /// anywhere; they passed as loopback and allowed plain HTTP off the machine.
    @Test(arguments: [
        ("127.0.0.1", true), ("127.5.6.7", true), ("127.255.255.254", true), ("::1", true), ("[::1]", true),
        ("0:0:0:0:0:0:0:1", true), ("127.evil.example", false), ("127.0.0.1.nip.io", false), ("localhost", false),
        ("128.0.0.1", false), ("0.0.0.0", false), ("::", false), ("::2", false), ("127.1", false), ("", false), ("[::1", false),
    ])
    func hostNamesThatLookLikeLoopbackAreNotLoopback(host: String, loopback: Bool) {
        #expect(LoopbackAddress.contains(host) == loopback)
    }

    @Test func plainHTTPOnALookalikeHostIsRefused() throws {
        for address in ["127.evil.example:8080", "127.0.0.1.nip.io:8080", "localhost:8080"] {
            #expect(throws: ConfigurationError.self, "\(address)") {
                try ConfigurationLoader(environment: ["QRGATE_HTTP_ADDRESS": address]).load(file: nil)
            }
        }
        for address in ["127.5.6.7:8080", "[::1]:8080", "127.0.0.1:0"] {
            let configuration = try ConfigurationLoader(environment: ["QRGATE_HTTP_ADDRESS": address]).load(file: nil)
            #expect(!configuration.http.metricsNeedToken, "\(address): metrics stay open on loopback")
        }
    }

    @Test func plainHTTPToALookalikeCentralServiceIsRefused() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("g.yaml")
        for (url, allowed) in [
            ("http://127.evil.example/", false), ("http://127.0.0.1.nip.io:8080/", false), ("http://localhost:8080/", false),
            ("http://127.5.6.7:8080/", true), ("http://[::1]:8080/", true), ("https://central.example.org/", true),
        ] {
            try "state_directory: \(temporary.url.path)\ncentral:\n  url: \(url)\n".write(to: file, atomically: true, encoding: .utf8)
            let loaded = Result { try ConfigurationLoader(environment: [:]).load(file: file.path) }
            switch loaded {
            case .success: #expect(allowed, "\(url) was accepted")
            case .failure(let error):
                #expect(!allowed, "\(url) was refused: \(error)")
                #expect((error as? ConfigurationError)?.problems.contains { $0.key == "central.url" } == true)
            }
        }
    }

    /// A metrics scrape off loopback would show outbox depths and scan counts to anyone.
    @Test func metricsNeedATokenOffLoopbackByDefault() throws {
        var http = GatewayConfiguration.HTTP()
        http.host = "0.0.0.0"
        #expect(http.metricsNeedToken)
        http.host = "192.168.1.20"
        #expect(http.metricsNeedToken)
        http.metricsRequireToken = false
        #expect(!http.metricsNeedToken)
        http.host = "127.0.0.1"
        http.metricsRequireToken = nil
        #expect(!http.metricsNeedToken)
        http.metricsRequireToken = true
        #expect(http.metricsNeedToken)
    }

    /// A QR code or HTTP client that puts a newline, a carriage return, an escape sequence, NUL,
    /// DEL, a C1 control or U+2028 into a logged value used to split the journald entry or forge
    /// a line that looks like the gate's own.
    @Test(arguments: [
        "a\nqrgate: admitted id=forged", "a\rb", "a\u{1B}[2Jb", "a\u{0}b", "a\u{7F}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b",
        "a\u{202E}b", "a\tb",
    ])
    func controlCharactersInLogLinesAreEscaped(hostile: String) {
        for journald in [true, false] {
            let handler = JournalLogHandler(label: "qrgate", level: .info, environment: journald ? ["JOURNAL_STREAM": "8:1"] : [:])
            let line = handler.line(level: .warning, message: "scan " + hostile, metadata: ["scan.text": .string(hostile), hostile: "v"])
            #expect(line.hasSuffix("\n"))
            let body = line.dropLast()
            let controls = body.unicodeScalars.filter {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0x202E].contains($0.value)
            }
            #expect(controls.isEmpty, "unescaped \(controls.map { String($0.value, radix: 16) }) in \(line.debugDescription)")
            #expect(!body.contains("\n"))
        }
    }

    @Test func escapesAreUnambiguous() {
        let handler = JournalLogHandler(label: "qrgate", level: .info, environment: ["JOURNAL_STREAM": "8:1"])
        // A literal backslash-n and a real newline must not log the same.
        let literal = handler.line(level: .info, message: "a\\nb", metadata: nil)
        let real = handler.line(level: .info, message: "a\nb", metadata: nil)
        #expect(literal != real)
        #expect(real == "<6>qrgate: a\\nb\n")
        // A quote in a value cannot close the value and start a forged field.
        let quoted = handler.line(level: .info, message: "m", metadata: ["k": "x\" admitted=\"yes"])
        #expect(quoted == "<6>qrgate: m k=\"x\\\" admitted=\\\"yes\"\n")
    }

    /// The example configuration named the central client key gate-key.pem, which is the file of
    /// the gate's receipt signing key: following it would mix the two keys.
    @Test func exampleClientKeyIsNotTheReceiptKey() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: root.appendingPathComponent("device-config/gateway.example.yaml"), encoding: .utf8)
        let line = try #require(example.split(separator: "\n").first { $0.contains("client_key_file:") })
        #expect(!line.split(separator: "#").first!.contains("gate-key.pem"), "\(line)")

        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("g.yaml")
        try """
        state_directory: \(temporary.url.path)
        central:
          url: https://central.example.org
          client_certificate_file: central-client.pem
          client_key_file: gate-key.pem
        """.write(to: file, atomically: true, encoding: .utf8)
        #expect { try ConfigurationLoader(environment: [:]).load(file: file.path) } throws: { error in
            (error as? ConfigurationError)?.problems.contains { $0.key == "central.client_key_file" } == true
        }
    }
}
