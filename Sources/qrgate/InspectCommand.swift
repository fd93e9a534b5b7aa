import ArgumentParser
import Foundation
import QRGateCore
import QRGateFiles
import QRGateImaging
import QRGateScanner

/// `qrgate inspect`: decode and verify one credential, reporting every check.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Decode and verify one credential, reporting every check.",
        discussion: "Exit status 0 when the credential is valid, 1 when it is not."
    )

    @Flag(help: "Print the report as one JSON object.") var json = false
    @Option(
        help:
            "Trusted signers: a file or folder (PEM certificates or public keys, base64 DER, DER, trust-list JSON); a folder may also hold SMART Health Card issuers (<iss without https://>/.well-known/jwks.json, crl/<kid>.json beside it) and ICAO country signing CAs with their DER CRLs (*.crl, crl/*.crl); a folder's unusable files are skipped with a warning."
    ) var trust: String?
    @Option(
        help: "An EU DCC revocation list (qrgate-revocation-1 JSON, docs/revocation.md): adds the revocation check."
    ) var revocation: String?
    @Option(help: "Verify as of this time (ISO 8601, offset Z, +02:00, +0200 or none = UTC); default now.") var at: String?
    @Option(help: "Read the credential from the QR code in this image.") var image: String?
    @Argument(help: "The credential text, or - for standard input.") var text: String?

    func validate() throws {
        if image != nil && text != nil { throw ValidationError("give either --image or TEXT, not both") }
        if image == nil && text == nil { throw ValidationError("give the credential TEXT, - for standard input, or --image FILE") }
        if let at, ISO8601Timestamp.parse(at) == nil {
            throw ValidationError("--at \(at) is not an ISO 8601 time such as 2021-06-01T12:00:00Z")
        }
    }

    func run() throws {
        let clock = at.flatMap { ISO8601Timestamp.parse($0) } ?? Date()
        var store: TrustStore
        if let trust {
            do {
                let loaded = try TrustStore.loadReporting(path: trust)
                for skipped in loaded.skipped { printError("qrgate inspect: warning: \(skipped)") }
                store = loaded.store
            } catch {
                printError("qrgate inspect: \(error)")
                throw ExitStatus.negative
            }
        } else {
            store = TrustStore()
        }
        if let revocation {
            do {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: revocation))
                let index = try DCCRevocationIndex(store: InMemoryRevocationKeys(try DCCRevocationResource.keys(of: Array(bytes))))
                // A list given by hand is checked as it is: no age limit applies to it.
                store.revocation = DCCRevocationState(index: index, version: 0, issuedAt: clock, staleAfter: .infinity, whenStale: .warn)
            } catch {
                printError("qrgate inspect: revocation list \(revocation): \(error)")
                throw ExitStatus.negative
            }
        }
        let credential: String
        if let image {
            credential = try credentialText(fromImage: image)
        } else if text == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            credential = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        } else {
            credential = text ?? ""
        }
        let report = CredentialInspector.inspect(text: credential, trust: store, at: clock)
        if json {
            print(report.json().serialized())
        } else {
            print(Self.describe(report))
        }
        for note in report.notes { printError("note: \(note)") }
        if !report.isValid { throw ExitStatus.negative }
    }

    /// The human-readable report.
    static func describe(_ report: InspectionReport) -> String {
        var lines = ["format: \(report.format.rawValue)"]
        for check in report.checks.keys.sorted(by: { a, b in
            // Every format's checks are a subsequence of this order (DIVOC: prefix, zip, json, signature).
            let order: [InspectionReport.Check] =
                [.prefix, .zip, .json] + InspectionReport.Check.dccChecks.dropFirst().dropLast() + [.revocation, .validity]
            return (order.firstIndex(of: a) ?? 99, a.rawValue) < (order.firstIndex(of: b) ?? 99, b.rawValue)
        }) {
            lines.append("  \(check.rawValue): \(report.checks[check]!.rawValue)")
        }
        for issue in report.errors { lines.append("error [\(issue.check.rawValue)/\(issue.code)]: \(issue.message)") }
        if let kid = report.keyIdentifier { lines.append("kid: \(Data(kid).base64EncodedString())") }
        if let claims = report.claims {
            lines.append("issuer: \(claims.issuer ?? "-")")
            if let iat = claims.issuedAt { lines.append("issued: \(ISO8601Timestamp.format(iat))") }
            if let exp = claims.expiresAt { lines.append("expires: \(ISO8601Timestamp.format(exp))") }
        }
        lines.append("verdict: \(report.verdict)")
        return lines.joined(separator: "\n")
    }
}

/// The text of the first QR code in the image at `path`.
func credentialText(fromImage path: String) throws -> String {
    let scanner = ImageScanner(configuration: .files)
    do {
        guard let symbol = try scanner.scanFile(path: path).first else {
            printError("qrgate inspect: no QR code found in \(path)")
            throw ExitStatus.negative
        }
        return symbol.text
    } catch let error as ImageError {
        printError("qrgate inspect: \(error)")
        throw ExitStatus.negative
    }
}
