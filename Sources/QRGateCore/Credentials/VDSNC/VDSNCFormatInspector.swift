import Crypto
import Foundation
import SwiftASN1
import X509

extension InspectionReport.Check {
    /// VDS-NC: the signer certificate carried in `sig.cer`.
    public static let certificate = Self(rawValue: "certificate")
    /// VDS-NC: the signer certificate issued by a trusted CSCA and not on its CRL.
    public static let chain = Self(rawValue: "chain")
    /// The checks of a VDS-NC, in canonical order.
    public static let vdsNCChecks: [Self] = [.prefix, .json, .certificate, .chain, .signature, .validity]
}

/// ICAO VDS-NC (the JSON seal of vaccination and test certificates): the signature (ES256,
/// ES384 or ES512 by `sig.alg`) is over the RFC 8785 canonical JSON of `data`, made with the
/// key of the signer certificate `sig.cer`, which a trusted country signing CA must have issued
/// directly and not revoked; the seal is valid while that certificate is.
public struct VDSNCFormatInspector: CredentialFormatInspector {
    /// Creates the inspector.
    public init() {}

    /// Largest VDS-NC text read (a QR code holds under 3 KB of bytes).
    public static let maxTextBytes = 16 << 10

    static func document(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("{"), trimmed.utf8.count <= maxTextBytes else { return nil }
        var limits = JSONValue.ParseLimits()
        limits.maxDepth = 32
        guard let document = try? JSONValue(parsing: trimmed, limits: limits), document["data"]?.objectValue != nil,
            document["sig"]?.objectValue != nil
        else { return nil }
        return document
    }

    /// True for a JSON object with a `data` and a `sig` object.
    public func recognizes(_ text: String) -> Bool { Self.document(text) != nil }

    /// Decodes and verifies the seal against the trust store's country signing CAs.
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        var run = CheckRun(format: .icaoVDSNC, order: InspectionReport.Check.vdsNCChecks)
        guard let document = Self.document(text), let data = document["data"], let sig = document["sig"] else {
            return run.fail(.prefix, code: "unknown_prefix", "The text is not a VDS-NC (a JSON object with data and sig).")
        }
        run.pass(.prefix)
        run.report.payload = data
        run.report.holder = Self.holder(of: data)
        run.report.healthEvidence = Self.healthEvidence(of: data, holder: run.report.holder)
        guard data["hdr"]?.objectValue != nil, data["msg"]?.objectValue != nil, let alg = sig["alg"]?.stringValue,
            let cer = sig["cer"]?.stringValue, let sigvl = sig["sigvl"]?.stringValue
        else {
            return run.fail(.json, code: "bad_structure", "The seal lacks data.hdr, data.msg or sig.alg/cer/sigvl; it is not a complete VDS-NC.")
        }
        run.pass(.json)
        run.report.claims = InspectionReport.Claims(issuer: data["hdr"]?["is"]?.stringValue)
        guard let der = Base64URL.decode(cer), let certificate = try? Certificate(derEncoded: der) else {
            return run.fail(.certificate, code: "bad_certificate", "The seal's signer certificate (sig.cer) is not a readable X.509 certificate.")
        }
        run.pass(.certificate)
        if let authority = trust.countrySigningAuthorities.issuer(of: certificate) {
            if let list = authority.revocationList, list.revokes(certificate.serialNumber) {
                run.record(.chain, code: "revoked", "The seal's signer certificate is on its country signing CA's revocation list; refuse the seal.")
            } else {
                run.pass(.chain)
            }
        } else {
            run.record(
                .chain, code: "untrusted_signer",
                "The seal's signer certificate (issuer \(certificate.issuer)) was not issued by a trusted country signing CA; add the country's CSCA to the trust folder if it should be."
            )
        }
        if let failure = Self.verify(alg: alg, signature: sigvl, data: data, key: certificate.publicKey) {
            run.record(.signature, code: failure.code, failure.message)
        } else {
            run.pass(.signature)
        }
        if certificate.notValidBefore <= clock, clock <= certificate.notValidAfter {
            run.pass(.validity)
        } else {
            run.record(
                .validity, code: clock < certificate.notValidBefore ? "not_yet_valid" : "expired",
                "The seal's signer certificate is valid from \(ISO8601Timestamp.format(certificate.notValidBefore)) to \(ISO8601Timestamp.format(certificate.notValidAfter)), not at the verification time."
            )
        }
        return run.finish()
    }

    /// Nil when `signature` verifies over the canonical JSON of `data`, else why not.
    static func verify(alg: String, signature: String, data: JSONValue, key: Certificate.PublicKey) -> (code: String, message: String)? {
        guard let raw = Base64URL.decode(signature) else {
            return ("bad_signature", "The seal's signature (sig.sigvl) is not base64url.")
        }
        let message = JSONWriter.canonicalBytes(data)
        let valid: Bool
        switch alg {
        case "ES256":
            guard let key = P256.Signing.PublicKey(key) else {
                return ("key_mismatch", "sig.alg is ES256 but the signer certificate's key is not P-256.")
            }
            valid = (try? P256.Signing.ECDSASignature(rawRepresentation: raw)).map { key.isValidSignature($0, for: message) } ?? false
        case "ES384":
            guard let key = P384.Signing.PublicKey(key) else {
                return ("key_mismatch", "sig.alg is ES384 but the signer certificate's key is not P-384.")
            }
            valid = (try? P384.Signing.ECDSASignature(rawRepresentation: raw)).map { key.isValidSignature($0, for: message) } ?? false
        case "ES512":
            guard let key = P521.Signing.PublicKey(key) else {
                return ("key_mismatch", "sig.alg is ES512 but the signer certificate's key is not P-521.")
            }
            valid = (try? P521.Signing.ECDSASignature(rawRepresentation: raw)).map { key.isValidSignature($0, for: message) } ?? false
        default:
            return ("unsupported_alg", "The seal is signed with \(alg); VDS-NC seals are verified for ES256, ES384 and ES512.")
        }
        return valid
            ? nil
            : ("bad_signature", "The seal's signature does not verify over its data: the content was altered or not signed by this certificate.")
    }

    /// The holder of `data.msg.pid`: `n` (surname, two spaces, given names, as ICAO writes a
    /// name) and `dob`.
    static func holder(of data: JSONValue) -> InspectionReport.Holder? {
        guard let pid = data["msg"]?["pid"] else { return nil }
        let name = pid["n"]?.stringValue.map(TextSafety.withoutControls)
        var family: String? = nil
        var given: String? = nil
        if let name, let gap = name.range(of: "  ") {
            family = String(name[..<gap.lowerBound]).trimmingCharacters(in: .whitespaces)
            given = String(name[gap.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        let birth = pid["dob"]?.stringValue.map(TextSafety.withoutControls)
        return InspectionReport.Holder(
            familyName: family.flatMap { $0.isEmpty ? nil : $0 }, givenName: given.flatMap { $0.isEmpty ? nil : $0 },
            name: name.flatMap { $0.isEmpty ? nil : $0 }, birthDate: birth.flatMap { $0.isEmpty ? nil : $0 })
    }
}
