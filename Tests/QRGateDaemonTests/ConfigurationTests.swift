import Foundation
import QRGateDaemon
import QRGateTestSupport
import Testing

@Suite struct ConfigurationTests {
    static let threeMistakes = """
        gate:
          id: gate-07
          mode: sideways
        http:
          address: 127.0.0.1:99999
        storage:
          retention_dayz: 30
        """

    @Test func reportsEveryProblemWithKeyValueAndAllowedValues() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("gateway.yaml")
        try Self.threeMistakes.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ConfigurationLoader(environment: [:]).load(file: file.path)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            let keys = error.problems.map(\.key).sorted()
            return keys == ["gate.mode", "http.address", "storage.retention_dayz"]
                && error.problems.first { $0.key == "gate.mode" }?.allowed.contains("entry, exit, auto") == true
                && error.problems.first { $0.key == "http.address" }?.value == "127.0.0.1:99999"
        }
    }

    /// Found by the configuration fuzzer: a bare anchor as a key (`&canner:`) is an empty key,
    /// which must still be reported under a name an operator can find.
    @Test(arguments: ["&canner:\n  source: [folder]\n", "gate:\n  id: g\n&x:\n  a: 1\n"])
    func anEmptyKeyIsReportedByName(text: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("gateway.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ConfigurationLoader(environment: [:]).load(file: file.path)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return !error.problems.isEmpty && error.problems.allSatisfy { !$0.key.isEmpty && !$0.allowed.isEmpty }
                && error.problems.contains { $0.key.contains("(empty key)") }
        }
    }

    @Test(arguments: [["config", "check"], ["run"]])
    func invalidConfigurationExits78AndCreatesNothing(command: [String]) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("gateway.yaml")
        try Self.threeMistakes.write(to: file, atomically: true, encoding: .utf8)
        let state = temporary.url.appendingPathComponent("state")
        let result = try QRGateBinary.run(command + ["--config", file.path], environment: ["QRGATE_STATE_DIR": state.path])
        #expect(result.status == 78)
        #expect(result.stdout.isEmpty)
        for key in ["gate.mode", "http.address", "storage.retention_dayz"] {
            #expect(result.stderr.contains(key), "missing \(key) in: \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: state.path), "an invalid configuration must not create state")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["gateway.yaml"])
    }

    @Test func environmentOverridesTheFileAndIsValidatedToo() throws {
        let loader = ConfigurationLoader(environment: ["QRGATE_HTTP_ADDRESS": "127.0.0.1:9123", "QRGATE_STATE_DIR": "/var/lib/x"])
        let configuration = try loader.load(file: nil)
        #expect(configuration.http.port == 9123)
        #expect(configuration.stateDirectory == "/var/lib/x")

        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["QRGATE_HTTP_ADDRESS": "nonsense"]).load(file: nil)
        }
    }

    @Test func systemdStateDirectoryIsHonouredButQRGateStateDirWins() throws {
        let systemd = try ConfigurationLoader(environment: ["STATE_DIRECTORY": "/var/lib/qrgate"]).load(file: nil)
        #expect(systemd.stateDirectory == "/var/lib/qrgate")
        let both = try ConfigurationLoader(environment: ["STATE_DIRECTORY": "/var/lib/qrgate", "QRGATE_STATE_DIR": "/tmp/s"]).load(file: nil)
        #expect(both.stateDirectory == "/tmp/s")
    }

    @Test func plainHTTPOffLoopbackIsRefused() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["QRGATE_HTTP_ADDRESS": "0.0.0.0:8080"]).load(file: nil)
        }
    }

    @Test func theShippedExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = root.appendingPathComponent("device-config/gateway.example.yaml").path
        let configuration = try ConfigurationLoader(environment: [:]).load(file: example)
        #expect(configuration.scanner.source == .folder)
        #expect(configuration.http.host == "127.0.0.1")
    }
}
