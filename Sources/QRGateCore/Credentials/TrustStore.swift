/// The trusted DCC signer certificates, keyed by `kid`.
///
/// An immutable value: build a new one from a fresh trust list and swap it in one
/// assignment; readers holding the old value are unaffected.
public struct TrustStore: Sendable {
    /// One trusted signer.
    public struct Entry: Sendable {
        /// The certificate.
        public var certificate: SignerCertificate
        /// The `kid` this signer is found under (the trust list's, else the certificate's own).
        public var keyIdentifier: [UInt8]
        /// The issuing country, from the trust list or else the certificate's subject.
        public var country: String?
        /// The DCC types this signer may sign (the certificate's EKU, narrowed by the trust list).
        public var allowedTypes: Set<DCCCertificateType>

        /// Creates an entry for `certificate`, by default under its own `kid` with its own country and EKU.
        public init(
            certificate: SignerCertificate, keyIdentifier: [UInt8]? = nil, country: String? = nil,
            allowedTypes: Set<DCCCertificateType>? = nil
        ) {
            self.certificate = certificate
            self.keyIdentifier = keyIdentifier ?? certificate.keyIdentifier
            self.country = country ?? certificate.country
            self.allowedTypes = allowedTypes.map { $0.intersection(certificate.allowedTypes) } ?? certificate.allowedTypes
        }
    }

    /// All entries, in the order given.
    public let entries: [Entry]
    /// Keys of Linked Data proofs (DIVOC), by file base name: `did_india` for `did:india`
    /// (see ``LinkedDataKey/fileBaseName(forVerificationMethod:)``).
    public var linkedDataKeys: [String: LinkedDataKey] = [:]
    /// The JSON-LD contexts that Linked Data proofs may use (a trust folder's `contexts/`);
    /// no other context is ever loaded.
    public var jsonLDContexts = JSONLDDocumentLoader()
    private let index: [[UInt8]: [Int]]
    /// SMART Health Card issuers: their JWKS and revocation lists.
    public var healthCardIssuers = HealthCardIssuers()
    /// ICAO country signing CAs (with their CRLs) that VDS-NC signer certificates chain to.
    public var countrySigningAuthorities = CountrySigningAuthorities()
    /// The EU DCC revocation list in use, if one is installed: a DCC it names fails the
    /// `revocation` check (`revoked`). Without one the check is not run.
    public var revocation: DCCRevocationState?

    /// Creates a store from entries.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
        var index: [[UInt8]: [Int]] = [:]
        for (position, entry) in entries.enumerated() { index[entry.keyIdentifier, default: []].append(position) }
        self.index = index
    }

    /// Creates a store trusting each certificate under its own `kid`.
    public init(certificates: [SignerCertificate]) {
        self.init(certificates.map { Entry(certificate: $0) })
    }

    /// The signers registered under `keyIdentifier` (several when `kid`s collide).
    public func signers(forKeyIdentifier keyIdentifier: [UInt8]) -> [Entry] {
        index[keyIdentifier, default: []].map { entries[$0] }
    }

    /// Number of trusted signers.
    public var count: Int { entries.count }

    /// A store holding the entries of both.
    public func merging(_ other: TrustStore) -> TrustStore {
        var merged = TrustStore(entries + other.entries)
        merged.healthCardIssuers = healthCardIssuers.merging(other.healthCardIssuers)
        merged.countrySigningAuthorities = countrySigningAuthorities.merging(other.countrySigningAuthorities)
        merged.linkedDataKeys = linkedDataKeys.merging(other.linkedDataKeys) { first, _ in first }
        merged.jsonLDContexts.documents = jsonLDContexts.documents.merging(other.jsonLDContexts.documents) { first, _ in first }
        merged.revocation = revocation ?? other.revocation
        return merged
    }
}

/// Why a trust list could not be read.
public struct TrustStoreError: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The file or folder cannot be read.
        public static let unreadable = Code("unreadable")
        /// The file is in none of the accepted formats.
        public static let unrecognizedFormat = Code("unrecognized_format")
        /// A trust-list JSON file does not follow docs/trust-list.md.
        public static let invalidTrustList = Code("invalid_trust_list")
        /// A certificate in the file cannot be used.
        public static let invalidCertificate = Code("invalid_certificate")
        /// The file is of a known kind that holds no DCC signer (a CRL, a JWKS).
        public static let unsupportedContent = Code("unsupported_content")
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
    /// Creates the error.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
        self.code = code
        self.message = message
    }
}
