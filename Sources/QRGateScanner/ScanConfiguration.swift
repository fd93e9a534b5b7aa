/// How hard the scanner tries on frames where plain zbar finds nothing.
public struct ScanConfiguration: Sendable {
    /// Run the decode cascade (preprocessed variants of the frame) when plain zbar finds nothing.
    public var cascadeEnabled: Bool = true
    /// Wall-clock budget for one frame, plain scan included: a cascade attempt starts only
    /// if it is expected to end within it (its cost estimated from the time per pixel of the
    /// attempts so far). Keeps frames without a code cheap on a kiosk camera (30 fps = 33 ms).
    public var cascadeTimeBudget: Duration = .milliseconds(24)
    /// For a camera stream: each frame continues the cascade where the previous frame's
    /// budget ran out, so consecutive (nearly identical) frames try every step in turn
    /// while each frame stays within its budget. Off for files (each starts at step one).
    public var resumeCascadeAcrossFrames: Bool = true
    /// Cascade steps that would produce a larger frame than this (upscaling) are skipped.
    public var cascadeMaxPixels: Int = 1_000_000
    /// The steps tried, in order, after the plain scan.
    public var cascade: [CascadeStep] = CascadeStep.standard
    /// Upper bound on cascade attempts per frame (in addition to the plain scan).
    public var cascadeMaxAttempts: Int = 12
    /// zbar scans every n-th row and column of the plain scan (1 = every one). 2 roughly
    /// halves the cost of frames without a code; codes with modules under ~2 pixels are then
    /// left to the cascade.
    public var scanDensity: Int = 1
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
        configuration.cascadeTimeBudget = .milliseconds(1500)
        configuration.cascadeMaxAttempts = 40
        configuration.cascadeMaxPixels = 4_000_000
        configuration.cascade = CascadeStep.thorough
        configuration.resumeCascadeAcrossFrames = false
        return configuration
    }
}
