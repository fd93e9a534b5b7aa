import Crypto
import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The demo's trust stays out of production: `qrgate config check` warns about a configuration
/// that trusts the demo signer, however it got there, and `qrgate demo` needs a demo.
@Suite struct DemoCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var demo: URL { repository.appendingPathComponent("device-config/demo") }

    /// A configuration file in `folder` with `yaml`; its state directory is `folder/state`.
    static func configuration(_ yaml: String, in folder: TemporaryDirectory) throws -> String {
        let path = folder.url.appendingPathComponent("gateway.yaml").path
        try ("state_directory: \(folder.url.appendingPathComponent("state").path)\n" + yaml).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func configCheckWarnsAboutTheDemoDirectory() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let config = try Self.configuration("trust:\n  demo_directory: \(Self.demo.path)\n", in: folder)
        let checked = try QRGateBinary.run(["config", "check", "--config", config])
        #expect(checked.status == 0, "a demo configuration is valid: \(checked.stderr)")
        #expect(checked.stderr.contains("warning: trust.demo_directory is set"), "\(checked.stderr)")
    }

    @Test func configCheckWarnsAboutTheDemoSignerCopiedIntoTheTrustFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let trust = folder.url.appendingPathComponent("state/trust")
        try FileManager.default.createDirectory(at: trust, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.demo.appendingPathComponent("trust/demo-signer.pem"), to: trust.appendingPathComponent("looks-official.pem"))
        let config = try Self.configuration("", in: folder)
        let checked = try QRGateBinary.run(["config", "check", "--config", config])
        #expect(checked.status == 0)
        #expect(checked.stderr.contains("holds the demo signer certificate (kid Ly5Dbes7mAY=)"), "\(checked.stderr)")
    }

    @Test func aProductionConfigurationGetsNoWarningAndNoDemo() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let config = try Self.configuration("gate:\n  id: gate-9\n", in: folder)
        let checked = try QRGateBinary.run(["config", "check", "--config", config])
        #expect(checked.status == 0)
        #expect(!checked.stderr.contains("warning"), "\(checked.stderr)")
        let demo = try QRGateBinary.run(["demo", "--config", config])
        #expect(demo.status == 1)
        #expect(demo.stderr.contains("has no demo"), "\(demo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("state/demo").path))
    }

    @Test func aDemoDirectoryWithoutItsSignerIsAConfigurationError() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let config = try Self.configuration("trust:\n  demo_directory: \(folder.url.appendingPathComponent("nothing-here").path)\n", in: folder)
        for command in [["demo"], ["config", "check"], ["run"]] {
            let run = try QRGateBinary.run(command + ["--config", config])
            #expect(run.status == 78, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("trust.demo_directory"), "\(command): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("state").path), "a refused configuration created the state")
    }

    /// The kid the binary knows the demo signer by (`GateDemo.signerKeyIdentifier`, named in the
    /// warning above) is the committed certificate's.
    @Test func theDemoSignerKidIsTheCertificatesKid() throws {
        let pem = try String(contentsOf: Self.demo.appendingPathComponent("trust/demo-signer.pem"), encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Data(base64Encoded: body))
        let kid = Data(SHA256.hash(data: der).prefix(8)).base64EncodedString()
        // the binary's constant is the one the warning above names
        #expect(kid == "Ly5Dbes7mAY=", "device-config/demo/trust/demo-signer.pem changed: update GateDemo.signerKeyIdentifier and this test")
    }
}
