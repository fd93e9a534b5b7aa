import QRGateCore
import QRGateStore

/// What the check-in path needs to know of the gate's configuration, and nothing more.
public struct CheckInConfiguration: Sendable, Equatable {
    /// Gate id, unique within the site.
    public var gate = "gate-01"
    /// Site the gate belongs to.
    public var site = "demo-site"
    /// Which way the gate records people.
    public var direction = DirectionPolicy.fixed(.entry)
    /// Hours a receipt stays valid at other gates of the site.
    public var receiptValidityHours = 12
    /// The same payload again within this window is one scan.
    public var duplicateWindow: Duration = .seconds(5)
    /// Codes shown one after another within this window (an ID card, then a certificate) form
    /// one presentation and one check-in, decided when the policy has what it needs or when the
    /// window ends; zero: every scan is decided on its own.
    public var presentationWindow: Duration = .zero

    /// The defaults.
    public init() {}
}
