import SwiftASN1
import X509

/// The ICAO country signing CAs (CSCAs) a gate trusts, each with the revocation list it signed.
/// A VDS-NC carries its signer certificate; the certificate must be issued directly by one of
/// these and not be on that CA's list.
public struct CountrySigningAuthorities: Sendable {
    /// One trusted CSCA.
    public struct Authority: Sendable {
        /// The CA certificate.
        public var certificate: Certificate
        /// Its revocation list, when one signed by it was loaded.
        public var revocationList: CertificateRevocationList?
    }

    /// The trusted CAs, in the order added.
    public private(set) var authorities: [Authority] = []

    /// No trusted CA.
    public init() {}

    /// Number of trusted CAs.
    public var count: Int { authorities.count }

    /// Adds `der` when it is a CA certificate (basic constraints `cA`); returns false, adding
    /// nothing, for any other certificate (a DCC signer in the same folder, say).
    @discardableResult
    public mutating func add(certificateDER der: [UInt8]) -> Bool {
        guard let certificate = try? Certificate(derEncoded: der),
            case .isCertificateAuthority? = try? certificate.extensions.basicConstraints
        else { return false }
        guard !authorities.contains(where: { $0.certificate == certificate }) else { return true }
        authorities.append(Authority(certificate: certificate))
        return true
    }

    /// Adds a DER CRL to the CA that issued and signed it (a newer list replaces an older one
    /// only by being added later). Throws when no trusted CA issued it.
    public mutating func addRevocationList(_ der: [UInt8], source: String) throws(TrustStoreError) {
        let list: CertificateRevocationList
        do {
            list = try CertificateRevocationList(derEncoded: der)
        } catch {
            throw TrustStoreError(error.code, "\(source): \(error.message) The file was skipped.")
        }
        guard let position = authorities.firstIndex(where: { $0.certificate.subject == list.issuer && list.isSigned(by: $0.certificate.publicKey) })
        else {
            throw TrustStoreError(
                .unsupportedContent,
                "\(source) is a revocation list of \(list.issuer), which is no trusted country signing CA (or its signature does not verify); it was skipped."
            )
        }
        authorities[position].revocationList = list
    }

    /// The trusted CA that issued and signed `certificate`, or nil.
    public func issuer(of certificate: Certificate) -> Authority? {
        authorities.first {
            $0.certificate.subject == certificate.issuer && $0.certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
        }
    }

    /// The CAs of both.
    public func merging(_ other: CountrySigningAuthorities) -> CountrySigningAuthorities {
        var merged = self
        for authority in other.authorities where !merged.authorities.contains(where: { $0.certificate == authority.certificate }) {
            merged.authorities.append(authority)
        }
        return merged
    }
}
