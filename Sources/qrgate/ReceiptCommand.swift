import ArgumentParser
import Crypto
import Foundation
import QRGateCheckIn
import QRGateCore
import QRGateDaemon
import QRGateReceipts
import QRGateStore

/// `qrgate receipt …`: verify and render check-in receipts.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Verify and render check-in receipts.",
        subcommands: [Verify.self, Render.self]
    )

    /// `qrgate receipt verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verify a receipt token and print its claims as JSON.",
            discussion:
                "Keys: this gate's own key and the PEM public keys in <state>/gate-keys/, plus any --key. Exit 1 when the receipt is not valid."
        )
        @Option(help: "Configuration file (for the state directory and site).") var config: String?
        @Option(help: "Extra gate public key (PEM); repeatable.") var key: [String] = []
        @Option(help: "Verify as of this time (ISO 8601); default now.") var at: String?
        @Argument(help: "The receipt token (QRG1:…).") var text: String

        func run() throws {
            let configuration = try GateStateAccess.configuration(file: config)
            var keyring = ES256Keyring()
            if let keys = try? GateKeys.load(
                stateDirectory: configuration.stateDirectory, gate: configuration.gate.id, site: configuration.gate.site,
                environment: ProcessInfo.processInfo.environment, create: false)
            {
                keyring = keys.keyring
            }
            for path in key {
                guard let pem = try? String(contentsOfFile: path, encoding: .utf8),
                    let publicKey = try? P256.Signing.PublicKey(pemRepresentation: pem)
                else {
                    printError("qrgate receipt verify: \(path) is not a PEM P-256 public key")
                    throw ExitStatus.negative
                }
                keyring.add(publicKey, gate: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, site: configuration.gate.site)
            }
            guard let now = at.map({ ISO8601Timestamp.parse($0) }) ?? Date() else {
                throw ValidationError("--at is not an ISO 8601 time")
            }
            do {
                let claims = try ReceiptToken.verify(text, keyring: keyring, at: now, site: configuration.gate.site)
                print(claims.json().serialized())
            } catch {
                printError("qrgate receipt verify: \(error.message) [\(error.code)]")
                throw ExitStatus.negative
            }
        }
    }

    /// `qrgate receipt render`.
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Render a receipt as PNG, SVG, terminal text or ESC/POS printer bytes.",
            discussion: "TOKEN is a QRG1: receipt, or the id of a check-in in this gate's database (a fresh receipt is signed for it)."
        )
        @Option(help: "png, svg, terminal or escpos.") var format = "terminal"
        @Option(help: "Paper for escpos: 58mm or 80mm.") var paper = "58mm"
        @Option(name: .shortAndLong, help: "Output file; default standard output.") var output: String?
        @Option(help: "Configuration file (for a check-in id).") var config: String?
        @Argument(help: "A receipt token or a check-in id.") var token: String

        func validate() throws {
            guard ["png", "svg", "terminal", "escpos"].contains(format) else {
                throw ValidationError("--format must be png, svg, terminal or escpos")
            }
            guard ESCPOSRenderer.Paper(rawValue: paper) != nil else { throw ValidationError("--paper must be 58mm or 80mm") }
        }

        func run() async throws {
            var text = token
            var lines = ["qrgate"]
            if !token.hasPrefix(ReceiptToken.prefix) {
                let configuration = try GateStateAccess.configuration(file: config)
                let database = try GateDatabase(path: configuration.statePath("qrgate.sqlite"))
                guard let stored = try await CheckInStore(database: database).checkIn(id: token) else {
                    printError("qrgate receipt render: no check-in \(token) in this gate's database")
                    throw ExitStatus.negative
                }
                let keys = try GateKeys.load(
                    stateDirectory: configuration.stateDirectory, gate: configuration.gate.id, site: configuration.gate.site,
                    environment: ProcessInfo.processInfo.environment)
                let issued = Date(timeIntervalSince1970: Double(stored.recordedAtMilliseconds) / 1000)
                let claims = ReceiptClaims(
                    checkInID: stored.id, site: stored.site, gate: stored.gate, direction: stored.direction, decision: stored.decision.outcome,
                    issuedAt: issued, validUntil: issued.addingTimeInterval(Double(configuration.receipts.validityHours) * 3600),
                    subjectBindings: stored.subject.map(keys.personalKeys.receiptBindings) ?? [])
                text = try ReceiptToken.issue(claims, key: keys.signingKey)
                lines = [
                    ISO8601Timestamp.format(issued), "\(stored.site) / \(stored.gate)",
                    "\(stored.direction.rawValue) \(stored.decision.outcome.rawValue)",
                ]
            }
            let matrix: QRMatrix
            do { matrix = try QRCodeEncoder().encode(text) } catch {
                printError("qrgate receipt render: \(error)")
                throw ExitStatus.negative
            }
            let bytes: [UInt8] =
                switch format {
                case "png": try PNGRenderer().render(matrix)
                case "svg": Array(SVGRenderer().render(matrix).utf8)
                case "escpos": ESCPOSRenderer(paper: ESCPOSRenderer.Paper(rawValue: paper) ?? .mm58).render(matrix, lines: lines)
                default: Array(TerminalRenderer().render(matrix).utf8)
                }
            if let output {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }
}
