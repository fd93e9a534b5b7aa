/// One QR code found in an image.
public struct ScannedSymbol: Sendable, Equatable, Hashable {
    /// The payload exactly as encoded in the code.
    public var bytes: [UInt8]
    /// The payload as text: UTF-8 if valid, else Shift_JIS or ISO-8859-1 as guessed.
    public var text: String

    /// A symbol from its bytes; the text is decoded with `QRTextDecoder`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.text = QRTextDecoder.decode(bytes)
    }

    /// A symbol with given bytes and text.
    public init(bytes: [UInt8], text: String) {
        self.bytes = bytes
        self.text = text
    }
}
