import QRGateCore

/// Why an image could not be read, and what a person can do about it.
public struct ImageError: GateError {
    /// A stable, machine-readable kind of failure (used as `error.code` in `scan --json`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case fileNotFound = "file_not_found"
            case unreadable = "unreadable"
            case unsupportedFormat = "unsupported_format"
            case truncated = "truncated"
            case corrupt = "corrupt"
            case empty = "empty_image"
            case tooLarge = "too_large"
            case outOfMemory = "out_of_memory"
            case writeFailed = "write_failed"
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// No file at that path.
        public static let fileNotFound = Code(.fileNotFound)
        /// The file exists but cannot be read (permissions, a folder, an I/O error).
        public static let unreadable = Code(.unreadable)
        /// Not a PNG, JPEG or PGM file.
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// The file ends before the image does.
        public static let truncated = Code(.truncated)
        /// The image data is damaged.
        public static let corrupt = Code(.corrupt)
        /// The header claims zero width or height.
        public static let empty = Code(.empty)
        /// The header claims more pixels (or the file has more bytes) than the configured limit.
        public static let tooLarge = Code(.tooLarge)
        /// Memory ran out while decoding.
        public static let outOfMemory = Code(.outOfMemory)
        /// An image could not be encoded or written.
        public static let writeFailed = Code(.writeFailed)

        /// The snake_case name, e.g. `file_not_found`.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence naming the file, what went wrong and what to do.
    public let message: String
    /// Source file that raised the error (for debugging).
    public let file: String
    /// Source line that raised the error.
    public let line: Int

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}
