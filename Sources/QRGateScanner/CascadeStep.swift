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
    /// Unsharp mask over a (2 radius + 1)² neighbourhood, strength `amount` (1 = add the
    /// difference from the local mean once).
    case unsharp(radius: Int, amount: Double)
    /// 3x3 box blur.
    case blur
    /// Rotate by this many degrees.
    case rotate(Double)
    /// Add a white border of this fraction of the shorter side (restores a missing quiet zone).
    case pad(Double)
    /// Global binarisation at Otsu's threshold.
    case otsu
    /// Several steps one after the other.
    indirect case chain(CascadeStep, CascadeStep)

    /// A short name for logs and benchmarks.
    public var description: String {
        switch self {
        case .scale(let factor): "scale(\(factor))"
        case .adaptiveThreshold(let fraction, let offset): "threshold(\(fraction),\(offset))"
        case .contrastStretch: "stretch"
        case .sharpen: "sharpen"
        case .unsharp(let radius, let amount): "unsharp(\(radius),\(amount))"
        case .blur: "blur"
        case .rotate(let degrees): "rotate(\(degrees))"
        case .pad(let fraction): "pad(\(fraction))"
        case .otsu: "otsu"
        case .chain(let first, let second): "\(first)+\(second)"
        }
    }

    /// The size of the frame this step makes from a `width` x `height` frame (known before running it).
    public func outputSize(width: Int, height: Int) -> (width: Int, height: Int) {
        switch self {
        case .scale(let factor):
            return (max(1, Int((Double(width) * factor).rounded())), max(1, Int((Double(height) * factor).rounded())))
        case .pad(let fraction):
            let margin = max(4, Int(Double(min(width, height)) * fraction))
            return (width + 2 * margin, height + 2 * margin)
        case .chain(let first, let second):
            let middle = first.outputSize(width: width, height: height)
            return second.outputSize(width: middle.width, height: middle.height)
        case .adaptiveThreshold, .contrastStretch, .sharpen, .unsharp, .blur, .rotate, .otsu:
            return (width, height)
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
        case .unsharp(let radius, let amount):
            return FrameFilters.unsharp(frame, radius: radius, amountQuarters: Int((amount * 4).rounded()))
        case .blur:
            return FrameFilters.blurred(frame)
        case .rotate(let degrees):
            return FrameFilters.rotated(frame, degrees: degrees)
        case .pad(let fraction):
            return FrameFilters.padded(frame, margin: max(4, Int(Double(min(frame.width, frame.height)) * fraction)))
        case .otsu:
            return FrameFilters.otsuThreshold(frame)
        case .chain(let first, let second):
            return second.apply(to: first.apply(to: frame))
        }
    }

    /// The default cascade for camera frames: cheap, most often useful steps first.
    public static let standard: [CascadeStep] = [
        .scale(0.5),
        .chain(.scale(0.5), .adaptiveThreshold(windowFraction: 0.125, offset: 8)),
        .adaptiveThreshold(windowFraction: 0.125, offset: 8),
        .chain(.scale(0.5), .sharpen),
        .scale(2),
        .sharpen,
        .unsharp(radius: 2, amount: 2),
        .blur,
        .contrastStretch,
        .pad(0.1),
        .scale(0.75),
        .scale(1.5),
        .otsu,
        .rotate(10),
        .rotate(-10),
    ]

    /// The cascade for image files: the standard steps, then slower combinations.
    public static let thorough: [CascadeStep] =
        standard + [
            .chain(.pad(0.1), .otsu),
            .chain(.pad(0.1), .scale(2)),
            .scale(3),
            .chain(.pad(0.2), .scale(3)),
            .chain(.chain(.pad(0.1), .otsu), .scale(0.5)),
            .chain(.pad(0.1), .adaptiveThreshold(windowFraction: 0.125, offset: 8)),
            .chain(.pad(0.1), .blur),
            .chain(.pad(0.1), .scale(0.5)),
            .chain(.scale(2), .adaptiveThreshold(windowFraction: 0.0625, offset: 4)),
            .scale(0.33),
            .scale(0.25),
            .chain(.sharpen, .adaptiveThreshold(windowFraction: 0.125, offset: 4)),
            .adaptiveThreshold(windowFraction: 0.0625, offset: 4),
            .adaptiveThreshold(windowFraction: 0.25, offset: 12),
            .chain(.blur, .adaptiveThreshold(windowFraction: 0.125, offset: 4)),
            .chain(.sharpen, .sharpen),
            .unsharp(radius: 4, amount: 3),
            .chain(.unsharp(radius: 3, amount: 2), .adaptiveThreshold(windowFraction: 0.125, offset: 4)),
            .rotate(20),
            .rotate(-20),
            .rotate(45),
        ]
}
