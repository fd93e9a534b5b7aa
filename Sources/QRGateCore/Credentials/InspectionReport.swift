import Foundation

/// What `qrgate inspect` reports about one credential: every check with its outcome, the
/// errors, and what could be decoded. ``json()`` is the `inspect --json` contract of DESIGN.md.
public struct InspectionReport: Sendable {
    /// The kind of credential recognised.
    public struct Format: RawRepresentable, Sendable, Hashable {
        /// The name used in JSON.
        public var rawValue: String
        /// Creates a format from its JSON name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// EU Digital COVID Certificate (`HC1:`).
        public static let euDCC = Format(rawValue: "eu-dcc")
        /// Vietnamese citizen-ID card QR.
        public static let vnCitizenID = Format(rawValue: "vn-citizen-id")
        /// Vietnam's national personal QR (PC-COVID / VNeID, v1.1).
        public static let vnPersonalQR = Format(rawValue: "vn-personal-qr")
        /// A qrgate receipt token (`QRG1:`).
        public static let qrgateReceipt = Format(rawValue: "qrgate-receipt")
        /// A qrgate declaration token (`QRD1:`).
        public static let qrgateDeclaration = Format(rawValue: "qrgate-declaration")
        /// SMART Health Card (`shc:/`).
        public static let smartHealthCard = Format(rawValue: "smart-health-card")
        /// ICAO Visible Digital Seal for non-constrained environments (a JSON document).
        public static let icaoVDSNC = Format(rawValue: "icao-vds-nc")
        /// WHO Digital Documentation of COVID-19 Certificates core data set (`HC1:` without the EU claim).
        public static let whoDDCC = Format(rawValue: "who-ddcc")
        /// DIVOC verifiable credential (`B64:` + a ZIP).
        public static let divoc = Format(rawValue: "divoc")
        /// Not recognised.
        public static let unknown = Format(rawValue: "unknown")
        /// The formats that certify health (vaccination, test, recovery), as opposed to identities and tokens.
        public static let healthFormats: Set<Format> = [.euDCC, .smartHealthCard, .icaoVDSNC, .whoDDCC, .divoc]
    }

    /// The name of one check.
    public struct Check: RawRepresentable, Sendable, Hashable, Comparable {
        /// The name used in JSON.
        public var rawValue: String
        /// Creates a check name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The `HC1:` context identifier.
        public static let prefix = Check(rawValue: "prefix")
        /// Base45 decoding.
        public static let base45 = Check(rawValue: "base45")
        /// zlib inflation.
        public static let zlib = Check(rawValue: "zlib")
        /// The COSE_Sign1 structure.
        public static let cose = Check(rawValue: "cose")
        /// The CWT claims and the DCC payload in CBOR.
        public static let cbor = Check(rawValue: "cbor")
        /// The DCC JSON schema of the payload's `ver`, and exactly one of `v`/`t`/`r`.
        public static let schema = Check(rawValue: "schema")
        /// The signature against the trusted signer named by `kid`.
        public static let signature = Check(rawValue: "signature")
        /// The signer's extended key usage against the DCC type.
        public static let keyUsage = Check(rawValue: "key_usage")
        /// The revocation list does not name the certificate (run when a list is installed).
        public static let revocation = Check(rawValue: "revocation")
        /// `iat ≤ clock ≤ exp`.
        public static let validity = Check(rawValue: "validity")
        /// The single check of formats without a signature (citizen-ID QR).
        public static let format = Check(rawValue: "format")
        /// A DIVOC QR's ZIP archive and its `certificate.json` entry.
        public static let zip = Check(rawValue: "zip")
        /// A JSON document's structure: a DIVOC's `certificate.json`, a VDS-NC's `data.hdr`, `data.msg`,
        /// `sig.alg/cer/sigvl`.
        public static let json = Check(rawValue: "json")
        /// The checks of an EU DCC, in pipeline order.
        public static let dccChecks: [Check] = [.prefix, .base45, .zlib, .cose, .cbor, .schema, .signature, .keyUsage, .validity]
        /// Orders by name.
        public static func < (lhs: Check, rhs: Check) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The outcome of a check.
    public enum Status: String, Sendable, Hashable {
        /// The check ran and succeeded.
        case pass
        /// The check ran and failed.
        case fail
        /// The check could not run because an earlier layer failed to produce its input.
        case skip
    }

    /// One failed check, for people and programs.
    public struct Issue: Sendable, Hashable {
        /// The check that failed.
        public var check: Check
        /// A stable snake_case code.
        public var code: String
        /// What is wrong and what a person can do.
        public var message: String
        /// Creates an issue.
        public init(check: Check, code: String, message: String) {
            self.check = check
            self.code = code
            self.message = message
        }
    }

    /// The CWT claims shown in the report.
    public struct Claims: Sendable, Hashable {
        /// Issuer country (claim 1).
        public var issuer: String?
        /// Issued at (claim 6).
        public var issuedAt: Date?
        /// Expires at (claim 4).
        public var expiresAt: Date?
        /// Creates claims.
        public init(issuer: String? = nil, issuedAt: Date? = nil, expiresAt: Date? = nil) {
            self.issuer = issuer
            self.issuedAt = issuedAt
            self.expiresAt = expiresAt
        }
    }

    /// The holder as the credential states it, in the one shape every format is reported in.
    public struct Holder: Sendable, Hashable {
        /// Family name (a DCC's `fn`, else `fnt`; the first word of a Vietnamese full name).
        public var familyName: String?
        /// Given name(s) (a DCC's `gn`, else `gnt`; the words after the first of a Vietnamese full name).
        public var givenName: String?
        /// The whole name as written, for formats that carry one name field (nil for a DCC).
        public var name: String?
        /// Birth date, normalised: `YYYY-MM-DD`, or `YYYY`/`YYYY-MM` when the credential gives only part.
        public var birthDate: String?

        /// Creates a holder.
        public init(familyName: String? = nil, givenName: String? = nil, name: String? = nil, birthDate: String? = nil) {
            self.familyName = familyName
            self.givenName = givenName
            self.name = name
            self.birthDate = birthDate
        }

        /// A holder from one full name written family name first (Vietnamese order): the first
        /// word is the family name, the rest the given names.
        public init(fullNameFamilyFirst fullName: String, birthDate: String?) {
            let words = fullName.split(whereSeparator: \.isWhitespace)
            self.init(
                familyName: words.first.map(String.init),
                givenName: words.count > 1 ? words.dropFirst().joined(separator: " ") : nil,
                name: fullName, birthDate: birthDate)
        }

        /// `{family_name, given_name, name, birth_date}`, absent parts as null.
        public func json() -> JSONValue {
            .object([
                "family_name": familyName.map(JSONValue.string) ?? .null,
                "given_name": givenName.map(JSONValue.string) ?? .null,
                "name": name.map(JSONValue.string) ?? .null,
                "birth_date": birthDate.map(JSONValue.string) ?? .null,
            ])
        }
    }

    /// The credential's format.
    public var format: Format
    /// Outcome per check.
    public var checks: [Check: Status]
    /// The failures, in pipeline order.
    public var errors: [Issue]
    /// The COSE `kid`, when the COSE layer could be read.
    public var keyIdentifier: [UInt8]?
    /// The CWT claims, when the CBOR layer could be read.
    public var claims: Claims?
    /// The decoded payload (a DCC as JSON, dates as in the QR), when available.
    public var payload: JSONValue?
    /// The trusted signer that the `kid` named (the one that verified, when several did).
    public var signer: TrustStore.Entry?
    /// The holder, when the credential could be decoded that far.
    public var holder: Holder?
    /// Checks whose `skip` does not make the credential invalid, because the credential has
    /// nothing for them to check (a WHO DDCC signed without CWT claims states no validity).
    public var optionalChecks: Set<Check> = []
    /// What a health credential certifies, in the DCC data model every format is mapped to
    /// (``HealthEvidence``); nil for identities, tokens and text that could not be decoded that far.
    public var healthEvidence: HealthEvidence?
    /// Facts worth logging that are not failures, e.g. a signer certificate read leniently
    /// or a signer certificate outside its own validity period.
    public var notes: [String]

    /// Creates a report.
    public init(
        format: Format, checks: [Check: Status] = [:], errors: [Issue] = [], keyIdentifier: [UInt8]? = nil,
        claims: Claims? = nil, payload: JSONValue? = nil, signer: TrustStore.Entry? = nil, notes: [String] = []
    ) {
        self.format = format
        self.checks = checks
        self.errors = errors
        self.keyIdentifier = keyIdentifier
        self.claims = claims
        self.payload = payload
        self.signer = signer
        self.notes = notes
    }

    /// Whether the credential is valid: at least one check ran and every check passed, except
    /// ``optionalChecks`` that were skipped.
    public var isValid: Bool {
        checks.contains { $0.value == .pass }
            && checks.allSatisfy { $0.value == .pass || ($0.value == .skip && optionalChecks.contains($0.key)) }
    }

    /// `valid` or `invalid`.
    public var verdict: String { isValid ? "valid" : "invalid" }

    /// The status of `check`, `skip` when it was not part of this report.
    public func status(_ check: Check) -> Status { checks[check] ?? .skip }

    /// The `inspect --json` object of DESIGN.md.
    public func json() -> JSONValue {
        var checkObject: [String: JSONValue] = [:]
        for (check, status) in checks { checkObject[check.rawValue] = .string(status.rawValue) }
        let claimsValue: JSONValue =
            claims.map { claims in
                .object([
                    "iss": claims.issuer.map(JSONValue.string) ?? .null,
                    "iat": claims.issuedAt.map { .string(ISO8601Timestamp.format($0)) } ?? .null,
                    "exp": claims.expiresAt.map { .string(ISO8601Timestamp.format($0)) } ?? .null,
                ])
            } ?? .null
        return .object([
            "format": .string(format.rawValue),
            "checks": .object(checkObject),
            "errors": .array(
                errors.map { .object(["check": .string($0.check.rawValue), "code": .string($0.code), "message": .string($0.message)]) }),
            "kid": keyIdentifier.map { .string(Data($0).base64EncodedString()) } ?? .null,
            "claims": claimsValue,
            "payload": payload ?? .null,
            "subject": holder?.json() ?? .null,
            "verdict": .string(verdict),
        ])
    }
}
