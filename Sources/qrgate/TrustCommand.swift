import ArgumentParser
import Crypto
import Foundation
import QRGateCore
import QRGateDaemon
import QRGateFiles

/// `qrgate trust …`.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Work with the gate's trusted signers.",
        subcommands: [Import.self, Pack.self]
    )

    /// `qrgate trust pack FOLDER`: a trust folder as the `credential-trust` resource.
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pack",
            abstract: "Pack a trust folder (every format's trust material) into one credential-trust file for the central service.",
            discussion: """
                The file (qrgate-trust-folder-1, docs/trust-list.md) is what 'qrgate-central publish credential-trust FILE' \
                signs and serves; gates unpack it and read it as a trust folder.
                """
        )

        @Argument(help: "The trust folder.") var folder: String
        @Option(name: .long, help: "Write the archive here (default: standard output).") var out: String?

        func run() throws {
            let archive: TrustFolderArchive
            do {
                archive = try TrustFolderArchive.pack(folder: folder)
            } catch {
                printError("qrgate trust pack: \(error.message)")
                throw ExitStatus.negative
            }
            // The folder must read as a trust folder, as the gates will read it.
            let loaded = try? TrustStore.loadReporting(path: folder)
            for skipped in loaded?.skipped ?? [] { printError("qrgate trust pack: warning: \(skipped)") }
            let bytes = Data(archive.encoded())
            if let out {
                do {
                    try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    printError("qrgate trust pack: cannot write \(out): \(error.localizedDescription)")
                    throw ExitStatus.negative
                }
                printError("qrgate trust pack: \(archive.files.count) files into \(out)")
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        }
    }

    /// `qrgate trust import FILE`: the trust lists operators get, into the gate's trust folder.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import an EU DCC Gateway trust list, a DSC-TL or a signed national redistribution into the trust folder.",
            discussion: """
                Each DSC is checked (its kid and thumbprint against the certificate, and against its CSCA when CSCA \
                entries are in the file or given with --csca) and written as <CC>_<kid hex>.pem into the gate's trust \
                folder (trust.path of the configuration, or --out). Every entry not taken is reported with its reason. \
                Exit status 0 when something was taken, 1 when nothing was, 78 for a bad configuration.
                """
        )

        @Argument(help: "The trust list file, or - for standard input.") var file: String
        @Option(name: .long, help: "Configuration file (YAML): the trust folder is its trust.path. Default as for 'qrgate run'.")
        var config: String?
        @Option(name: .long, help: "Write into this folder instead of the configuration's trust folder.") var out: String?
        @Option(name: .long, help: "A CSCA certificate (PEM or DER) the DSCs must chain to; repeatable.") var csca: [String] = []
        @Option(name: .long, help: "The P-256 public key (PEM) that signs a national redistribution.") var signingKey: String?
        @Option(name: .long, help: "Also write the taken signers as a trust-list JSON file (docs/trust-list.md) for the central service to publish.")
        var trustList: String?
        @Flag(help: "Print the report as one JSON object.") var json = false

        func run() throws {
            let bytes: [UInt8]
            do {
                bytes = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                printError("qrgate trust import: cannot read \(file): \(error.localizedDescription)")
                throw ExitStatus.negative
            }
            let folder: String
            if let out {
                folder = out
            } else {
                let configuration = try GateStateAccess.configuration(file: config)
                folder = configuration.statePath(configuration.trust.path)
            }
            var authorities: [[UInt8]] = []
            for path in csca {
                guard let contents = FileManager.default.contents(atPath: path) else {
                    printError("qrgate trust import: cannot read the CSCA file \(path)")
                    throw ExitStatus.negative
                }
                authorities += Self.certificates(in: Array(contents))
            }
            var key: P256.Signing.PublicKey?
            if let signingKey {
                do {
                    key = try P256.Signing.PublicKey(pemRepresentation: String(contentsOfFile: signingKey, encoding: .utf8))
                } catch {
                    printError("qrgate trust import: \(signingKey) is not a P-256 public key in PEM")
                    throw ExitStatus.negative
                }
            }
            let result: TrustListImport
            do {
                result = try TrustListImport.read(bytes, signingKey: key, cscas: authorities)
            } catch {
                printError("qrgate trust import: \(error.message)")
                throw ExitStatus.negative
            }
            var written: [String] = []
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for entry in result.taken {
                    let name = "\(entry.country ?? "XX")_\(entry.keyIdentifier.map { String(format: "%02x", $0) }.joined()).pem"
                    let pem =
                        "-----BEGIN CERTIFICATE-----\n" + Data(entry.certificate.der).base64EncodedString(options: .lineLength64Characters)
                        + "\n-----END CERTIFICATE-----\n"
                    try pem.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
                    written.append(name)
                }
                if let trustList { try Data(result.trustListJSON()).write(to: URL(fileURLWithPath: trustList), options: .atomic) }
            } catch {
                printError("qrgate trust import: cannot write into \(folder): \(error.localizedDescription)")
                throw ExitStatus.negative
            }
            if json {
                print(Self.report(result, folder: folder, written: written).serialized())
            } else {
                print("format: \(result.format.rawValue)")
                if let verified = result.signatureVerified {
                    print(verified ? "signature: verified" : "signature: NOT verified (give --signing-key to verify it)")
                }
                print("taken: \(result.taken.count) signers into \(folder)")
                print("refused: \(result.refused.count)")
                for refusal in result.refused {
                    print("  [\(refusal.position)] \(refusal.country ?? "?") \(refusal.kid ?? "-"): \(refusal.code): \(refusal.reason)")
                }
                if result.ignored > 0 { print("ignored: \(result.ignored) entries that are not signers (upload, authentication)") }
                for note in result.notes { print("note: \(note)") }
            }
            if result.taken.isEmpty { throw ExitStatus.negative }
        }

        static func report(_ result: TrustListImport, folder: String, written: [String]) -> JSONValue {
            .object([
                "format": .string(result.format.rawValue),
                "signature_verified": result.signatureVerified.map(JSONValue.bool) ?? .null,
                "folder": .string(folder),
                "taken": .array(written.map(JSONValue.string)),
                "refused": .array(
                    result.refused.map {
                        .object([
                            "position": .number(Double($0.position)), "kid": $0.kid.map(JSONValue.string) ?? .null,
                            "country": $0.country.map(JSONValue.string) ?? .null, "code": .string($0.code), "reason": .string($0.reason),
                        ])
                    }),
                "csca": .number(Double(result.cscaCount)),
                "ignored": .number(Double(result.ignored)),
                "notes": .array(result.notes.map(JSONValue.string)),
            ])
        }

        /// The DER certificates in a PEM or DER file.
        static func certificates(in contents: [UInt8]) -> [[UInt8]] {
            if contents.first == 0x30 { return [contents] }
            let text = String(decoding: contents, as: UTF8.self)
            var found: [[UInt8]] = []
            var remaining = text[...]
            while let begin = remaining.range(of: "-----BEGIN CERTIFICATE-----"), let end = remaining.range(of: "-----END CERTIFICATE-----") {
                let body = remaining[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
                if let der = Data(base64Encoded: String(body)) { found.append(Array(der)) }
                remaining = remaining[end.upperBound...]
            }
            return found
        }
    }
}
