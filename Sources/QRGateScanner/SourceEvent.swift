import QRGateImaging

/// Something a source delivers: a frame to scan, codes a device already decoded,
/// or an input that could not be read.
public enum SourceEvent: Sendable {
    /// A grey frame to scan; `origin` names where it came from (device, file name).
    case frame(GreyFrame, origin: String)
    /// Payloads a scanner device decoded itself (hand-held 2D scanners send text).
    case decoded([ScannedSymbol], origin: String)
    /// An input that could not be read (a damaged file in the watched folder, …).
    case unreadable(ImageError, origin: String)
    /// Nothing arrived during one poll: lets the consumer show it is alive while the source is quiet.
    case idle(origin: String)
}
