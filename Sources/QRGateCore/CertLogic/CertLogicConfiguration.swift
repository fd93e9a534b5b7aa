/// Limits and dialect switches for compiling and evaluating CertLogic expressions.
///
/// The limits keep hostile rules and data from exhausting the stack, the memory or the
/// CPU of a kiosk; the defaults are far above anything real rule sets need (the EU
/// rule sets nest at most 8 levels). The depth
/// limit also bounds the stack: 64 levels fit a 512 KiB thread stack even in a debug build.
public struct CertLogicConfiguration: Sendable, Hashable {
    /// Deepest nesting of operations and array literals accepted in an expression.
    public var maxNestingDepth: Int = 64
    /// Most evaluation steps (operations evaluated, `reduce` iterations, elements scanned
    /// by `in`, characters scanned by string operations) one evaluation may take.
    public var maxEvaluationSteps: Int = 1_000_000
    /// Deepest nesting of arrays an evaluation may build (e.g. by an accumulating `reduce`).
    public var maxBuiltValueDepth: Int = 64
    /// Accept JsonLogic's `!!` (double negation). CertLogic 1.3 does not define it, so it
    /// is off by default and `!!` is reported as an unknown operation.
    public var allowsDoubleNegation: Bool = false

    /// The defaults.
    public init() {}
}
