import Crypto
import Foundation
import SwiftASN1
import X509

/// Reads the trust lists operators actually get (`qrgate trust import`) into signers the gate
/// can use, saying for each entry whether it was taken and, if not, why.
///
/// Formats, detected from the bytes:
/// - **EU DCC Gateway** download: a JSON array of `{kid, timestamp, country, certificateType,
///   thumbprint, signature, rawData}`. `DSC` entries are the signers; `CSCA` entries, and the
///   CSCA certificates given separately, are what each DSC must chain to.
/// - **DSC-TL**: `{"certificates": [ … the same entries … ]}`.
/// - **Signed redistribution**: a first line holding a base64 ECDSA signature over the rest
///   of the file, then a DSC-TL. The signature is checked when its key is given; without a key
///   the file is read and the report says it was not verified.
///
/// A DSC is refused when its `rawData` is not a usable certificate, when its `kid` is not the
/// certificate's own (first 8 bytes of SHA-256 of the DER: a wrong `kid` could shadow another
/// signer), when its `thumbprint` or `country` contradicts the certificate, or — when any CSCA
/// is known — when no CSCA of its country issued it. A `signature` by the Gateway's trust anchor
/// is not checked (no anchor is configured); the report says so.
public struct TrustListImport: Sendable {
    /// Which format the file was read as.
    public enum Format: String, Sendable {
        case gateway = "eu-dcc-gateway"
        case dscTrustList = "dsc-tl"
        case signedDSCTrustList = "dsc-tl-signed"
    }

    /// One entry not taken, and why.
    public struct Refusal: Sendable, Hashable {
        /// Position in the file's list.
        public var position: Int
        /// The entry's `kid`, as written.
        public var kid: String?
        /// The entry's `country`.
        public var country: String?
        /// A stable snake_case code.
        public var code: String
        /// What is wrong.
        public var reason: String
    }

    /// The format read.
    public var format: Format
    /// The signers taken, with the trust list's `kid` and country.
    public var taken: [TrustStore.Entry]
    /// The entries refused.
    public var refused: [Refusal]
    /// CSCA entries the DSCs were checked against.
    public var cscaCount: Int
    /// Entries of other types (upload, authentication certificates), not signers.
    public var ignored: Int
    /// Whether a signed redistribution's signature was verified (nil: the format has none).
    public var signatureVerified: Bool?
    /// Facts for the operator (e.g. expired signers that were taken).
    public var notes: [String]

    /// Reads `bytes`. `signingKey` verifies a signed redistribution; `cscas` (DER) add to the
    /// file's own CSCA entries. Throws `TrustStoreError` when the file is none of the formats, or a
    /// signed redistribution's signature does not verify with the given key.
    public static func read(
        _ bytes: [UInt8], signingKey: P256.Signing.PublicKey? = nil, cscas: [[UInt8]] = [], at clock: Date = Date()
    ) throws(TrustStoreError) -> TrustListImport {
        var body = bytes
        var format = Format.gateway
        var verified: Bool?
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if let first = trimmed.first, first != UInt8(ascii: "[") && first != UInt8(ascii: "{") {
            // A signature line, then the list.
            guard let newline = bytes.firstIndex(of: 0x0A) else {
                throw TrustStoreError(.unrecognizedFormat, "the file is neither a Gateway trust list, a DSC-TL nor a signed redistribution")
            }
            let line = String(decoding: bytes[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            body = Array(bytes[(newline + 1)...])
            format = .signedDSCTrustList
            guard let signature = Data(base64Encoded: line) else {
                throw TrustStoreError(.unrecognizedFormat, "the first line of a signed trust list must be a base64 signature")
            }
            if let signingKey {
                let digest = SHA256.hash(data: body)
                let raw = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
                let der = try? P256.Signing.ECDSASignature(derRepresentation: signature)
                guard [raw, der].contains(where: { $0.map { signingKey.isValidSignature($0, for: digest) } ?? false }) else {
                    throw TrustStoreError(
                        .invalidTrustList,
                        "the trust list's signature does not verify with the given signing key: the file was altered or signed by someone else; nothing was imported"
                    )
                }
                verified = true
            } else {
                verified = false
            }
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: body)
        } catch {
            throw TrustStoreError(.invalidTrustList, "the trust list is not JSON (\(error.description))")
        }
        let entries: [JSONValue]
        if let array = document.arrayValue {
            entries = array
        } else if let array = document["certificates"]?.arrayValue {
            entries = array
            if format == .gateway { format = .dscTrustList }
        } else {
            throw TrustStoreError(.invalidTrustList, "the trust list has neither a top-level array nor a \"certificates\" array")
        }

        var result = TrustListImport(
            format: format, taken: [], refused: [], cscaCount: 0, ignored: 0, signatureVerified: verified, notes: [])
        var authorities: [Certificate] = []
        for der in cscas {
            guard let csca = try? Certificate(derEncoded: der) else {
                throw TrustStoreError(.invalidCertificate, "a CSCA certificate given is not a readable X.509 certificate")
            }
            authorities.append(csca)
        }
        for entry in entries where entry["certificateType"]?.stringValue?.uppercased() == "CSCA" {
            if let raw = entry["rawData"]?.stringValue, let der = Data(base64Encoded: raw), let csca = try? Certificate(derEncoded: Array(der)) {
                authorities.append(csca)
            }
        }
        result.cscaCount = authorities.count

        for (position, entry) in entries.enumerated() {
            let type = entry["certificateType"]?.stringValue?.uppercased() ?? "DSC"
            if type == "CSCA" { continue }
            guard type == "DSC" else {
                result.ignored += 1
                continue
            }
            let kidText = entry["kid"]?.stringValue
            let country = entry["country"]?.stringValue
            func refuse(_ code: String, _ reason: String) {
                result.refused.append(Refusal(position: position, kid: kidText, country: country, code: code, reason: reason))
            }
            guard let raw = entry["rawData"]?.stringValue, let der = Data(base64Encoded: raw).map(Array.init) else {
                refuse("no_certificate", "rawData is missing or not base64")
                continue
            }
            let signer: SignerCertificate
            do {
                signer = try SignerCertificate(derEncoded: der)
            } catch {
                refuse("invalid_certificate", error.message)
                continue
            }
            if let kidText {
                guard let kid = Data(base64Encoded: kidText), Array(kid) == signer.keyIdentifier else {
                    refuse(
                        "kid_mismatch",
                        "the kid \(kidText) is not the certificate's own (\(Data(signer.keyIdentifier).base64EncodedString())); taken, it could shadow another signer"
                    )
                    continue
                }
            }
            if let thumbprint = entry["thumbprint"]?.stringValue?.lowercased() {
                let actual = SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
                guard thumbprint == actual else {
                    refuse("thumbprint_mismatch", "the thumbprint is not the SHA-256 of rawData")
                    continue
                }
            }
            if let country, let own = signer.country, own.uppercased() != country.uppercased() {
                refuse("country_mismatch", "the entry says \(country), the certificate's subject says \(own)")
                continue
            }
            if !authorities.isEmpty {
                guard let certificate = try? Certificate(derEncoded: der) else {
                    refuse("invalid_certificate", "the certificate cannot be checked against a CSCA")
                    continue
                }
                let issuers = authorities.filter { $0.subject == certificate.issuer }
                guard !issuers.isEmpty else {
                    refuse("no_csca", "no CSCA given names the certificate's issuer (\(certificate.issuer)); it cannot be checked")
                    continue
                }
                guard issuers.contains(where: { $0.publicKey.isValidSignature(certificate.signature, for: certificate) }) else {
                    refuse("csca_signature", "the certificate's signature does not verify with its CSCA: it is forged or the CSCA is another")
                    continue
                }
            }
            if signer.notAfter < clock {
                result.notes.append(
                    "\(kidText ?? "entry \(position)") (\(country ?? "?")) expired on \(ISO8601Timestamp.format(signer.notAfter)); taken, it verifies nothing after that"
                )
            }
            result.taken.append(TrustStore.Entry(certificate: signer, keyIdentifier: signer.keyIdentifier, country: country))
        }
        if format == .gateway, entries.contains(where: { $0["signature"] != nil }) {
            result.notes.append("the entries' Gateway trust-anchor signatures were not checked (no trust anchor is configured)")
        }
        return result
    }

    /// The taken signers as the gate's own trust-list JSON (docs/trust-list.md), which the central
    /// service publishes to gates (`qrgate-central publish trust-list FILE`).
    public func trustListJSON() -> [UInt8] {
        let certificates: [JSONValue] = taken.map { entry in
            var item: [String: JSONValue] = [
                "kid": .string(Data(entry.keyIdentifier).base64EncodedString()),
                "certificate": .string(Data(entry.certificate.der).base64EncodedString()),
            ]
            if let country = entry.country { item["country"] = .string(country) }
            return .object(item)
        }
        var writer = JSONWriter()
        writer.value(.object(["certificates": .array(certificates)]))
        return writer.bytes
    }
}
