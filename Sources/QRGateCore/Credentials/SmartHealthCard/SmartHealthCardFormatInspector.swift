import Crypto
import Foundation

extension InspectionReport.Check {
    /// SHC: every chunk 1…N present once with one N.
    public static let chunks = Self(rawValue: "chunks")
    /// SHC: the numeric mode (digits, even length, pairs ≤ 77).
    public static let numeric = Self(rawValue: "numeric")
    /// SHC: the compact JWS.
    public static let jws = Self(rawValue: "jws")
    /// SHC: `zip: "DEF"` and raw DEFLATE.
    public static let deflate = Self(rawValue: "deflate")
    /// SHC: the payload's iss, nbf, vc.type and FHIR bundle.
    public static let payload = Self(rawValue: "payload")
    /// The checks of a SMART Health Card, in canonical order.
    public static let smartHealthCardChecks: [Self] = [
        .prefix, .chunks, .numeric, .jws, .deflate, .payload, .signature, .revocation, .validity,
    ]
}

/// SMART Health Cards: `shc:/` numeric codes, single or chunked (the chunk texts of one card
/// given together, one per line, in any order), a compact JWS with a raw-DEFLATE payload,
/// ES256 with the key found by `kid` in the trusted JWKS of the card's own `iss`, the key's
/// revocation list when it has one, and `nbf ≤ at < exp`.
public struct SmartHealthCardFormatInspector: CredentialFormatInspector {
    /// Creates the inspector.
    public init() {}

    /// True when the text starts with `shc:/`.
    public func recognizes(_ text: String) -> Bool {
        SmartHealthCardQR.hasPrefix(text.drop { $0.isWhitespace })
    }

    /// Decodes and verifies the card; a card that decodes but fails still reports its payload and holder.
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Self.inspect(codes: lines, issuers: trust.healthCardIssuers, at: clock)
    }

    /// Decodes and verifies the card made of `codes` (one code's text each, in any order).
    public static func inspect(codes: [String], issuers: HealthCardIssuers, at clock: Date) -> InspectionReport {
        var run = CheckRun(format: .smartHealthCard, order: InspectionReport.Check.smartHealthCardChecks)
        guard !codes.isEmpty, codes.allSatisfy({ SmartHealthCardQR.hasPrefix($0) }) else {
            return run.fail(.prefix, code: "unknown_prefix", "Every code of a health card starts with shc:/; scan the card's codes only.")
        }
        run.pass(.prefix)
        let digits: [Substring]
        do throws(SmartHealthCardError) {
            var chunks: [SmartHealthCardQR.Chunk] = []
            for code in codes { chunks.append(try SmartHealthCardQR.chunk(Substring(code))) }
            digits = try SmartHealthCardQR.assemble(chunks)
        } catch {
            return run.fail(.chunks, error)
        }
        run.pass(.chunks)
        let jws: String
        do throws(SmartHealthCardError) { jws = try SmartHealthCardQR.jws(fromNumeric: digits) } catch { return run.fail(.numeric, error) }
        run.pass(.numeric)
        let parts: (header: JSONValue, payload: [UInt8], signature: [UInt8], signingInput: Substring)
        do throws(SmartHealthCardError) { parts = try SmartHealthCard.jwsParts(jws) } catch { return run.fail(.jws, error) }
        run.pass(.jws)
        let inflated: [UInt8]
        do throws(SmartHealthCardError) {
            inflated = try SmartHealthCard.inflate(parts.payload, header: parts.header)
        } catch {
            return run.fail(.deflate, error)
        }
        run.pass(.deflate)
        let card: SmartHealthCard
        do throws(SmartHealthCardError) {
            card = try SmartHealthCard(header: parts.header, signingInput: parts.signingInput, signature: parts.signature, inflatedPayload: inflated)
        } catch {
            var limits = JSONValue.ParseLimits()
            limits.maxDepth = 64
            run.report.payload = try? JSONValue(parsing: inflated, limits: limits)
            return run.fail(.payload, error)
        }
        run.pass(.payload)
        run.report.payload = card.payload
        run.report.holder = card.holder
        run.report.healthEvidence = card.healthEvidence
        run.report.claims = InspectionReport.Claims(issuer: card.issuer, issuedAt: card.notBefore, expiresAt: card.expiresAt)

        var signatureKey: (HealthCardIssuers.Key, HealthCardIssuers.RevocationList?)? = nil
        do throws(SmartHealthCardError) {
            signatureKey = try verifySignature(card, issuers: issuers)
            run.pass(.signature)
        } catch {
            run.record(.signature, error)
        }
        if let (key, list) = signatureKey {
            do throws(SmartHealthCardError) {
                try checkRevocation(card, key: key, list: list)
                run.pass(.revocation)
            } catch {
                run.record(.revocation, error)
            }
        }
        do throws(SmartHealthCardError) {
            try checkValidity(card, at: clock)
            run.pass(.validity)
        } catch {
            run.record(.validity, error)
        }
        return run.finish()
    }

    /// ES256 over the signing input with the key `kid` of the card's own issuer.
    static func verifySignature(
        _ card: SmartHealthCard, issuers: HealthCardIssuers
    ) throws(SmartHealthCardError) -> (
        HealthCardIssuers.Key, HealthCardIssuers.RevocationList?
    ) {
        guard card.algorithm == "ES256" else {
            throw SmartHealthCardError(
                .unsupportedAlgorithm,
                "The card is signed with \(card.algorithm.map { "alg \($0)" } ?? "no alg"); health cards are signed with ES256 only.")
        }
        guard let kid = card.keyIdentifier else {
            throw SmartHealthCardError(.unknownKeyIdentifier, "The card's header names no kid, so no issuer key can verify it.")
        }
        switch issuers.lookup(issuer: card.issuer, keyIdentifier: kid) {
        case .untrustedIssuer:
            throw SmartHealthCardError(
                .untrustedIssuer,
                "The issuer \(card.issuer) is not trusted here: no JWKS of it is in the trust folder. Add its .well-known/jwks.json if it should be.")
        case .unknownKeyIdentifier:
            throw SmartHealthCardError(
                .unknownKeyIdentifier, "The issuer \(card.issuer) has no key \(kid) in its trusted JWKS; update the issuer's JWKS or refuse the card."
            )
        case .key(let key, let list):
            guard card.signature.count == 64, let signature = try? P256.Signing.ECDSASignature(rawRepresentation: card.signature),
                key.publicKey.isValidSignature(signature, for: Data(card.signingInput.utf8))
            else {
                throw SmartHealthCardError(
                    .badSignature, "The card's signature does not verify with the issuer's key: it was altered or not signed by \(card.issuer).")
            }
            return (key, list)
        }
    }

    /// The key's revocation list, when the key has one (`crlVersion`) and the card a `rid`.
    static func checkRevocation(
        _ card: SmartHealthCard, key: HealthCardIssuers.Key, list: HealthCardIssuers.RevocationList?
    ) throws(SmartHealthCardError) {
        guard key.revocationListVersion != nil, let rid = card.revocationID else { return }
        guard let list else {
            throw SmartHealthCardError(
                .revocationListMissing,
                "The issuer publishes a revocation list for key \(key.keyIdentifier), but none is in the trust folder; add .well-known/crl/\(key.keyIdentifier).json."
            )
        }
        guard let entry = list.revoked[rid] else { return }
        if let before = entry, card.notBefore >= before { return }
        throw SmartHealthCardError(.revoked, "The issuer has revoked this card (rid \(rid)); it must not be accepted.")
    }

    /// `nbf ≤ clock < exp`.
    static func checkValidity(_ card: SmartHealthCard, at clock: Date) throws(SmartHealthCardError) {
        guard card.notBefore <= clock else {
            throw SmartHealthCardError(.notYetValid, "The card is valid only from \(ISO8601Timestamp.format(card.notBefore)).")
        }
        if let exp = card.expiresAt, clock >= exp {
            throw SmartHealthCardError(.expired, "The card expired at \(ISO8601Timestamp.format(exp)).")
        }
    }
}
