import QRGateImaging

/// One way of preparing a frame again when plain zbar finds nothing.
/// The cascade is general image processing, ordered cheapest and most often useful first.
public enum CascadeStep: Sendable, Hashable, CustomStringConvertible {
    /// Scale both sides by the factor (below 1 shrinks: less noise, thicker-looking edges;
    /// above 1 enlarges small codes so each module spans more pixels).
    case scale(Double)
    /// Binarise against the local mean in a window of this fraction of the shorter side.
    case adaptiveThreshold(windowFraction: Double, offset: Int)
    /// Stretch the grey levels between the 1st and 99th percentile.
    case contrastStretch
    /// 3x3 unsharp mask.
    case sharpen
    /// 3x3 box blur.
    case blur
    /// Rotate by this many degrees.
    case rotate(Double)
    /// Several steps one after the other.
    indirect case chain(CascadeStep, CascadeStep)

    /// A short name for logs and benchmarks.
    public var description: String {
        switch self {
        case .scale(let factor): "scale(\(factor))"
        case .adaptiveThreshold(let fraction, let offset): "threshold(\(fraction),\(offset))"
        case .contrastStretch: "stretch"
        case .sharpen: "sharpen"
        case .blur: "blur"
        case .rotate(let degrees): "rotate(\(degrees))"
        case .chain(let first, let second): "\(first)+\(second)"
        }
    }

    /// The frame prepared by this step.
    public func apply(to frame: GreyFrame) -> GreyFrame {
        switch self {
        case .scale(let factor):
            return FrameFilters.scaled(frame, by: factor)
        case .adaptiveThreshold(let fraction, let offset):
            let window = max(9, Int(Double(min(frame.width, frame.height)) * fraction) | 1)
            return FrameFilters.adaptiveThreshold(frame, window: window, offset: offset)
        case .contrastStretch:
            return FrameFilters.contrastStretched(frame)
        case .sharpen:
            return FrameFilters.sharpened(frame)
        case .blur:
            return FrameFilters.blurred(frame)
        case .rotate(let degrees):
            return FrameFilters.rotated(frame, degrees: degrees)
        case .chain(let first, let second):
            return second.apply(to: first.apply(to: frame))
        }
    }

    /// The default cascade.
    public static let standard: [CascadeStep] = [
        .scale(0.5),
        .adaptiveThreshold(windowFraction: 0.125, offset: 8),
        .scale(2),
        .sharpen,
        .blur,
        .contrastStretch,
        .chain(.scale(0.5), .adaptiveThreshold(windowFraction: 0.125, offset: 8)),
        .scale(0.75),
        .scale(1.5),
        .rotate(10),
        .rotate(-10),
    ]
}
