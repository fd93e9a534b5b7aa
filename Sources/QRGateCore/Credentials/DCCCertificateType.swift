/// The kind of EU DCC: which of the groups `v`, `t`, `r` it carries.
public enum DCCCertificateType: String, Sendable, Hashable, CaseIterable {
    /// A test certificate (`t`).
    case test = "t"
    /// A vaccination certificate (`v`).
    case vaccination = "v"
    /// A recovery certificate (`r`).
    case recovery = "r"

    /// The last arc of the extended-key-usage OIDs that allow this type
    /// (`1.3.6.1.4.1.1847.2021.1.<arc>`).
    var keyUsageArc: String {
        switch self {
        case .test: return "1"
        case .vaccination: return "2"
        case .recovery: return "3"
        }
    }

    /// The type that an extended-key-usage OID allows, or `nil` for an unrelated OID.
    /// Both `1.3.6.1.4.1.1847.2021.1.x` and the variant `1.3.6.1.4.1.0.1847.2021.1.x` are read.
    public init?(keyUsageOID oid: String) {
        for prefix in ["1.3.6.1.4.1.1847.2021.1.", "1.3.6.1.4.1.0.1847.2021.1."] where oid.hasPrefix(prefix) {
            let arc = oid.dropFirst(prefix.count)
            if let type = Self.allCases.first(where: { $0.keyUsageArc == arc }) {
                self = type
                return
            }
        }
        return nil
    }

    /// The English name.
    public var displayName: String {
        switch self {
        case .test: return "test"
        case .vaccination: return "vaccination"
        case .recovery: return "recovery"
        }
    }
}
