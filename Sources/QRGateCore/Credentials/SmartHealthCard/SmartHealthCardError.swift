/// Why a SMART Health Card text could not be read or verified.
public typealias SmartHealthCardError = CodedError<SmartHealthCardErrors>
/// The domain of ``SmartHealthCardError``: why a SMART Health Card is refused.
public enum SmartHealthCardErrors: ErrorDomain {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The text does not start with `shc:/`.
        public static let unknownPrefix = Code("unknown_prefix")
        /// A chunk header `shc:/C/N/` is malformed (C outside 1…N, N above the limit).
        public static let badChunkHeader = Code("bad_chunk_header")
        /// Not every chunk 1…N is there.
        public static let missingChunk = Code("missing_chunk")
        /// A chunk number is there twice with different content.
        public static let duplicateChunk = Code("duplicate_chunk")
        /// The chunks disagree on N, or a single-code card is mixed with chunks.
        public static let chunkCountMismatch = Code("chunk_count_mismatch")
        /// The text is longer than any card fits in.
        public static let tooLong = Code("too_long")
        /// The numeric part holds a character other than a digit.
        public static let notNumeric = Code("not_numeric")
        /// The numeric part has an odd number of digits.
        public static let oddLength = Code("odd_length")
        /// A digit pair is above 77 (no base64url character).
        public static let digitPairOutOfRange = Code("digit_pair_out_of_range")
        /// Not a compact JWS (three base64url parts, a JSON header).
        public static let malformedJWS = Code("malformed_jws")
        /// The header lacks `zip: "DEF"`.
        public static let notDeflated = Code("not_deflated")
        /// The payload is not a raw DEFLATE stream (or inflates beyond the limit).
        public static let inflateFailed = Code("inflate_failed")
        /// The inflated payload is not a health card (`iss`, `nbf`, `vc.type`, a FHIR bundle).
        public static let badPayload = Code("bad_payload")
        /// The header's `alg` is not ES256.
        public static let unsupportedAlgorithm = Code("unsupported_alg")
        /// No JWKS of the card's `iss` is trusted.
        public static let untrustedIssuer = Code("untrusted_issuer")
        /// The issuer's JWKS has no key with the header's `kid`.
        public static let unknownKeyIdentifier = Code("unknown_kid")
        /// The signature does not verify with the issuer's key.
        public static let badSignature = Code("bad_signature")
        /// The card's `rid` is on the key's revocation list.
        public static let revoked = Code("revoked")
        /// The key has a revocation list (`crlVersion`) that is not in the trust folder, and the card has a `rid`.
        public static let revocationListMissing = Code("revocation_list_missing")
        /// `nbf` is after the verification time.
        public static let notYetValid = Code("not_yet_valid")
        /// `exp` is at or before the verification time.
        public static let expired = Code("expired")
        /// The snake_case name of the code.
        public var description: String { name }
    }
}
