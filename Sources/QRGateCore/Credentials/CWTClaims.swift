import Foundation

/// The CBOR Web Token claims of a DCC (RFC 8392 and the eHealth Network's hcert claim).
public struct CWTClaims: Sendable {
    /// Issuer (claim 1), the issuing country.
    public var issuer: String?
    /// Expiration (claim 4); integer or float seconds since the epoch.
    public var expiresAt: Date?
    /// Issued at (claim 6); integer or float seconds since the epoch.
    public var issuedAt: Date?
    /// The DCC (claim −260, key 1), as CBOR.
    public var healthCertificate: CBORValue

    /// Reads the claims from the COSE payload's CBOR.
    public init(decoding payload: [UInt8], limits: CBORDecoder.Limits = .init()) throws(CWTClaimsError) {
        let item: CBORValue
        do {
            item = try CBORDecoder(limits: limits).decode(payload)
        } catch {
            throw CWTClaimsError(.invalidCBOR, "The signed payload is not valid CBOR (\(error.message)); the QR code is corrupt or not a DCC.")
        }
        var claims = item
        // A payload may itself carry the CWT tag 61.
        if case .tagged(61, let inner) = claims { claims = inner }
        guard case .map = claims else {
            throw CWTClaimsError(.notAMap, "The signed payload is not a CBOR map of CWT claims; the QR code is not a DCC.")
        }
        issuer = claims[intKey: 1]?.textValue
        expiresAt = Self.date(claims[intKey: 4])
        issuedAt = Self.date(claims[intKey: 6])
        guard let hcert = claims[intKey: -260] else {
            throw CWTClaimsError(.missingHealthCertificate, "The CWT has no health-certificate claim (-260); the QR code is not an EU DCC.")
        }
        guard let dcc = hcert[intKey: 1], case .map = dcc else {
            throw CWTClaimsError(
                .missingHealthCertificate, "The health-certificate claim (-260) has no DCC map under key 1; the QR code is not an EU DCC.")
        }
        healthCertificate = dcc
    }

    static func date(_ value: CBORValue?) -> Date? {
        guard var value else { return nil }
        if case .tagged(1, let inner) = value { value = inner }
        guard let seconds = value.numericValue, seconds.isFinite else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}

/// Why the CWT claims could not be read.
public struct CWTClaimsError: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The payload is not CBOR.
        public static let invalidCBOR = Code("invalid_cbor")
        /// The payload is not a claims map.
        public static let notAMap = Code("not_a_claims_map")
        /// There is no DCC in claim −260 / 1.
        public static let missingHealthCertificate = Code("missing_hcert")
        /// The snake_case name of the code.
        public var description: String { name }
    }
    /// What went wrong.
    public var code: Code
    /// What went wrong and what a person can do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int
    init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
        self.code = code
        self.message = message
    }
}
