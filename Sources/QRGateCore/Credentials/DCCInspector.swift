import Foundation

/// Decodes and verifies an EU DCC (`HC1:`) layer by layer, reporting every check.
///
/// The pipeline is prefix → Base45 → zlib → COSE_Sign1 → CWT claims / DCC payload, then
/// signature, key usage, validity and schema. A check runs whenever its input exists: a bad
/// signature still lets schema and validity run; only a missing input makes a check `skip`.
public struct DCCInspector: Sendable {
    /// Where the pipeline starts. Checks of earlier layers are reported as `skip`; tests use
    /// this to run a layer from a test vector's intermediate field.
    public enum Input: Sendable {
        /// The full QR text, `HC1:` and Base45.
        case text(String)
        /// The Base45 text without the prefix.
        case base45(String)
        /// The zlib stream.
        case compressed([UInt8])
        /// The COSE_Sign1 bytes.
        case cose([UInt8])
    }

    /// The context identifier of EU DCCs.
    public static let prefix = "HC1:"

    /// Largest inflated size accepted for a DCC.
    public var maxInflatedBytes = 64 * 1024

    /// Creates an inspector.
    public init() {}

    /// Runs the pipeline from `input`.
    public func inspect(_ input: Input, trust: TrustStore, at clock: Date) -> InspectionReport {
        var run = Run(format: .euDCC)
        var base45Text: String?
        var compressed: [UInt8]?
        var coseBytes: [UInt8]?
        switch input {
        case .text(let text):
            let trimmed = Self.trimmed(text)
            if trimmed.hasPrefix(Self.prefix) {
                run.pass(.prefix)
                base45Text = String(trimmed.dropFirst(Self.prefix.count))
            } else {
                run.report.format = .unknown
                let shown = trimmed.prefix(4)
                run.fail(
                    .prefix, "unknown_prefix",
                    shown.isEmpty
                        ? "The QR code is empty; scan it again." : "The QR text starts with \"\(shown)\", not \"HC1:\"; it is not an EU DCC.")
            }
        case .base45(let text): base45Text = text
        case .compressed(let bytes): compressed = bytes
        case .cose(let bytes): coseBytes = bytes
        }

        if let base45Text {
            do {
                compressed = try Base45.decode(base45Text)
                run.pass(.base45)
            } catch {
                run.fail(.base45, "invalid_base45", error.message)
            }
        }

        if let input = compressed {
            var limits = Zlib.Limits()
            limits.maxOutputBytes = maxInflatedBytes
            do {
                coseBytes = try Zlib.inflate(input, limits: limits)
                run.pass(.zlib)
            } catch {
                run.fail(.zlib, "invalid_zlib", error.message)
            }
        }

        var message: COSESign1?
        if let coseBytes {
            do {
                message = try COSESign1(decoding: coseBytes)
                run.pass(.cose)
                run.report.keyIdentifier = message?.keyIdentifier
            } catch {
                run.fail(.cose, "invalid_cose", error.message)
            }
        }

        var claims: CWTClaims?
        var ddcc: WHODDCC.Content?
        if let message {
            do {
                let decoded = try CWTClaims(decoding: message.payload)
                claims = decoded
                run.report.claims = InspectionReport.Claims(issuer: decoded.issuer, issuedAt: decoded.issuedAt, expiresAt: decoded.expiresAt)
                run.report.payload = decoded.healthCertificate.jsonValue
                run.pass(.cbor)
            } catch {
                // Without claim −260 the payload may be the WHO DDCC core data set (its own format).
                if error.code == .missingHealthCertificate || error.code == .notAMap, let content = WHODDCC.content(ofPayload: message.payload) {
                    ddcc = content
                    run.report.format = .whoDDCC
                    run.report.claims = content.claims
                    run.report.payload = content.coreDataSet.jsonValue
                    run.pass(.cbor)
                } else {
                    run.fail(.cbor, error.code.description, error.message)
                }
            }
        }

        if let ddcc {
            return finishDDCC(ddcc, message: message, trust: trust, at: clock, &run)
        }
        if let payload = run.report.payload { checkSchema(payload, &run) }
        if let message { checkSignature(message, trust: trust, &run) }
        checkKeyUsage(&run)
        if let revocation = trust.revocation { checkRevocation(message, claims, revocation, at: clock, &run) }
        if let claims { checkValidity(claims, at: clock, &run) }

        for check in InspectionReport.Check.dccChecks where run.report.checks[check] == nil {
            run.report.checks[check] = .skip
        }
        if trust.revocation != nil, run.report.checks[.revocation] == nil { run.report.checks[.revocation] = .skip }
        return run.report
    }

    /// The checks after `cbor` for a WHO DDCC: its own schema, the signature as for an EU DCC
    /// (no key usage: DDCC signers carry no DCC types), and validity only when CWT claims
    /// carry it. A core data set signed without claims has no validity to check: `validity` is
    /// `skip` and does not make the credential invalid.
    func finishDDCC(_ content: WHODDCC.Content, message: COSESign1?, trust: TrustStore, at clock: Date, _ run: inout Run) -> InspectionReport {
        if let payload = run.report.payload {
            let issues = WHODDCC.schemaIssues(payload)
            if issues.isEmpty { run.pass(.schema) } else { for issue in issues { run.fail(.schema, issue.code, issue.message) } }
            let holder = WHODDCC.holder(of: payload)
            run.report.holder = holder
            run.report.healthEvidence = WHODDCC.healthEvidence(of: payload, holder: holder, claims: content.claims)
        }
        if let message { checkSignature(message, trust: trust, &run) }
        checkSignerPeriod(at: clock, &run)
        if let claims = content.claims, claims.issuedAt != nil || claims.expiresAt != nil {
            if let issuedAt = claims.issuedAt, clock < issuedAt {
                run.fail(
                    .validity, "not_yet_valid",
                    "The WHO DDCC was issued at \(ISO8601Timestamp.format(issuedAt)), after the current time \(ISO8601Timestamp.format(clock)); check the kiosk clock."
                )
            } else if let expiresAt = claims.expiresAt, clock > expiresAt {
                run.fail(
                    .validity, "expired", "The WHO DDCC expired at \(ISO8601Timestamp.format(expiresAt)); the holder needs a current certificate.")
            } else {
                run.pass(.validity)
            }
        } else {
            run.report.optionalChecks.insert(.validity)
            run.report.notes.append("the WHO DDCC carries no CWT claims, so it states no validity period to check")
        }
        for check in WHODDCC.checks where run.report.checks[check] == nil {
            run.report.checks[check] = .skip
        }
        return run.report
    }

    /// `text` without leading and trailing ASCII whitespace (serial scanners append CR/LF).
    static func trimmed(_ text: String) -> Substring {
        let utf8 = text.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return text[first...last]
    }

    /// The `revocation` check: the installed list must not name the certificate by any of its
    /// three hashes under the signer's `kid`, and must not be older than its policy allows.
    func checkRevocation(_ message: COSESign1?, _ claims: CWTClaims?, _ state: DCCRevocationState, at clock: Date, _ run: inout Run) {
        guard let message, let claims, let kid = message.keyIdentifier else { return }
        let hashes = DCCRevocationHashes(uvci: DCCRevocationHashes.uvci(in: claims.healthCertificate), issuer: claims.issuer, message: message)
        if state.index.revokes(kid: kid, hashes) {
            run.fail(
                .revocation, "revoked",
                "The issuer has revoked this certificate (revocation list version \(state.version)); it cannot be accepted. The holder should ask the issuer for a new one."
            )
            return
        }
        if state.isStale(at: clock) {
            let age = Int(clock.timeIntervalSince(state.issuedAt) / 3600)
            switch state.whenStale {
            case .refuse:
                run.fail(
                    .revocation, "revocation_list_stale",
                    "The revocation list is \(age) h old (version \(state.version)), older than this gate accepts; connect the gate to the central service so it can sync the list."
                )
                return
            case .warn:
                run.report.notes.append("revocation list is \(age) h old (version \(state.version)); checked against it anyway")
            }
        }
        run.pass(.revocation)
    }

    struct Run {
        var report: InspectionReport
        init(format: InspectionReport.Format) { report = InspectionReport(format: format) }
        mutating func pass(_ check: InspectionReport.Check) { report.checks[check] = .pass }
        mutating func fail(_ check: InspectionReport.Check, _ code: String, _ message: String) {
            report.checks[check] = .fail
            report.errors.append(InspectionReport.Issue(check: check, code: code, message: message))
        }
    }

    /// The DCC types whose group (`v`, `t`, `r`) is present and not null.
    public static func certificateTypes(of payload: JSONValue) -> [DCCCertificateType] {
        DCCCertificateType.allCases.filter { type in
            if let group = payload[type.rawValue], !group.isNull { return true }
            return false
        }
    }

    static func kidText(_ kid: [UInt8]) -> String { Data(kid).base64EncodedString() }

    func checkSchema(_ payload: JSONValue, _ run: inout Run) {
        let issues = Self.schemaIssues(payload)
        if issues.isEmpty {
            run.pass(.schema)
        } else {
            for issue in issues { run.fail(.schema, issue.code, issue.message) }
        }
    }

    /// The schema check on its own: exactly one of `v`/`t`/`r`, and the DCC JSON schema of
    /// the payload's own `ver`. Empty when the payload passes.
    public static func schemaIssues(_ payload: JSONValue) -> [InspectionReport.Issue] {
        var issues: [InspectionReport.Issue] = []
        func fail(_ code: String, _ message: String) {
            issues.append(InspectionReport.Issue(check: .schema, code: code, message: message))
        }
        let types = certificateTypes(of: payload)
        if types.count != 1 {
            fail(
                "certificate_groups",
                types.isEmpty
                    ? "The DCC holds no vaccination, test or recovery group; the issuer produced an invalid certificate."
                    : "The DCC holds \(types.count) certificate groups (\(types.map(\.rawValue).joined(separator: ", "))); exactly one of v, t, r is allowed."
            )
        }
        guard let version = payload["ver"]?.stringValue else {
            fail("missing_version", "The DCC has no schema version (\"ver\"); it cannot be validated.")
            return issues
        }
        do {
            let violations = try DCCSchemaValidator.validate(payload, version: version)
            if !violations.isEmpty {
                let shown = violations.prefix(3).map { "\($0.path.isEmpty ? "/" : $0.path): \($0.message)" }.joined(separator: "; ")
                fail(
                    "schema_violation",
                    "The DCC does not follow the DCC schema \(version): \(shown)\(violations.count > 3 ? " (and \(violations.count - 3) more)" : ""). The issuer must reissue it."
                )
            }
        } catch {
            fail("schema_unavailable", "No DCC schema is known for version \(version) (\(error)); update qrgate or its schemas.")
        }
        return issues
    }

    func checkSignature(_ message: COSESign1, trust: TrustStore, _ run: inout Run) {
        let noun = run.report.format == .whoDDCC ? "WHO DDCC" : "DCC"
        guard let kid = message.keyIdentifier else {
            run.fail(.signature, "missing_kid", "The \(noun) names no signing key (kid); its signature cannot be checked.")
            return
        }
        let candidates = trust.signers(forKeyIdentifier: kid)
        guard let first = candidates.first else {
            run.fail(
                .signature, "unknown_kid",
                "QR is \(noun == "DCC" ? "an EU DCC" : "a WHO DDCC") whose signature does not match any trusted certificate (kid \(Self.kidText(kid))). Update the trust list or refuse the certificate."
            )
            return
        }
        var algorithmProblem: COSEError?
        for candidate in candidates {
            do {
                if try message.verifySignature(with: candidate.certificate.publicKey) {
                    run.report.signer = candidate
                    noteSigner(candidate, &run)
                    run.pass(.signature)
                    return
                }
            } catch {
                algorithmProblem = error
            }
        }
        run.report.signer = first
        noteSigner(first, &run)
        if let algorithmProblem, candidates.count == 1 {
            run.fail(.signature, "unsupported_algorithm", algorithmProblem.message)
        } else {
            run.fail(
                .signature, "bad_signature",
                "The \(noun)'s signature does not verify with the trusted certificate for kid \(Self.kidText(kid)); the certificate is forged or damaged. Refuse it."
            )
        }
    }

    func noteSigner(_ signer: TrustStore.Entry, _ run: inout Run) {
        if signer.certificate.parsedLeniently {
            run.report.notes.append("signer certificate kid \(Self.kidText(signer.keyIdentifier)) was read leniently (strict X.509 parse failed)")
        }
    }

    func checkKeyUsage(_ run: inout Run) {
        guard let signer = run.report.signer, let payload = run.report.payload else { return }
        let types = Self.certificateTypes(of: payload)
        guard !types.isEmpty else { return }
        let refused = types.filter { !signer.allowedTypes.contains($0) }
        if refused.isEmpty {
            run.pass(.keyUsage)
        } else {
            let allowed = DCCCertificateType.allCases.filter(signer.allowedTypes.contains).map(\.displayName)
            run.fail(
                .keyUsage, "key_usage_not_allowed",
                "The signer certificate (kid \(Self.kidText(signer.keyIdentifier))) may sign \(allowed.isEmpty ? "no DCC type" : allowed.joined(separator: ", ") + " certificates"), not \(refused.map(\.displayName).joined(separator: ", ")) certificates. Refuse the certificate."
            )
        }
    }

    /// `signature` error code: the signer certificate had expired at the validation time.
    public static let signerExpired = "signer_certificate_expired"
    /// `signature` error code: the signer certificate was not yet valid at the validation time.
    public static let signerNotYetValid = "signer_certificate_not_yet_valid"

    func checkValidity(_ claims: CWTClaims, at clock: Date, _ run: inout Run) {
        checkSignerPeriod(at: clock, &run)
        guard let issuedAt = claims.issuedAt, let expiresAt = claims.expiresAt else {
            run.fail(
                .validity, "missing_claim",
                "The DCC lacks its \(claims.issuedAt == nil ? "issued-at (6)" : "expiry (4)") claim; its validity cannot be established. Refuse it.")
            return
        }
        if clock < issuedAt {
            run.fail(
                .validity, "not_yet_valid",
                "The DCC was issued at \(ISO8601Timestamp.format(issuedAt)), after the current time \(ISO8601Timestamp.format(clock)); check the kiosk clock."
            )
        } else if clock > expiresAt {
            run.fail(
                .validity, "expired",
                "The DCC expired at \(ISO8601Timestamp.format(expiresAt)); the holder needs a current certificate.")
        } else {
            run.pass(.validity)
        }
    }

    /// A signature made with a key outside its certificate's validity proves nothing: the
    /// signature check fails even when the mathematics holds.
    func checkSignerPeriod(at clock: Date, _ run: inout Run) {
        guard let signer = run.report.signer else { return }
        let cert = signer.certificate
        if clock < cert.notBefore || clock > cert.notAfter {
            run.fail(
                .signature, clock < cert.notBefore ? Self.signerNotYetValid : Self.signerExpired,
                "The signer certificate (kid \(Self.kidText(signer.keyIdentifier))) is valid from \(ISO8601Timestamp.format(cert.notBefore)) to \(ISO8601Timestamp.format(cert.notAfter)), not at \(ISO8601Timestamp.format(clock)); a certificate signed with it cannot be trusted. Check the kiosk clock, else refuse it."
            )
        }
    }
}
