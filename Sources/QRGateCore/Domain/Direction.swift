/// Which way a person passed the gate.
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Into the site.
    case entry
    /// Out of the site.
    case exit
}
