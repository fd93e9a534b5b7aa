/// How hard the scanner tries on frames where plain zbar finds nothing.
public struct ScanConfiguration: Sendable {
    /// Run the decode cascade (preprocessed variants of the frame) when plain zbar finds nothing.
    public var cascadeEnabled: Bool = true
    /// Wall-clock budget for the whole cascade on one frame; no new attempt starts after it.
    /// Keeps frames without a code cheap on a kiosk camera (30 frames per second = 33 ms).
    public var cascadeTimeBudget: Duration = .milliseconds(25)
    /// Upper bound on cascade attempts per frame (in addition to the plain scan).
    public var cascadeMaxAttempts: Int = 12
    /// Let zbar also try the negative of each image (dark-mode screens).
    public var testInverted: Bool = true

    /// The defaults.
    public init() {}

    /// Plain zbar only: no cascade.
    public static var plain: ScanConfiguration {
        var configuration = ScanConfiguration()
        configuration.cascadeEnabled = false
        return configuration
    }

    /// For files given on the command line: a longer budget, since a person waits once, not per frame.
    public static var files: ScanConfiguration {
        var configuration = ScanConfiguration()
        configuration.cascadeTimeBudget = .milliseconds(400)
        configuration.cascadeMaxAttempts = 40
        return configuration
    }
}
