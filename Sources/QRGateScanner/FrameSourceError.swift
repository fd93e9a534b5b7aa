import QRGateCore

/// Errors of the frame sources, with what an operator can do.
public struct FrameSourceError: GateError {
    /// Kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The camera could not be opened or started.
        public static let cameraUnavailable = Code("camera_unavailable")
        /// The camera stopped delivering frames.
        public static let cameraFailed = Code("camera_failed")
        /// The watched folder is missing or not readable.
        public static let folderUnavailable = Code("folder_unavailable")
        /// A processed file could not be moved or deleted.
        public static let folderCleanupFailed = Code("folder_cleanup_failed")
        /// The serial device could not be opened or configured.
        public static let serialUnavailable = Code("serial_unavailable")
        /// Reading the line scanner failed.
        public static let readFailed = Code("read_failed")
        /// The snake_case name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and what to do.
    public let message: String
    /// Source file that raised the error.
    public let file: String
    /// Source line that raised the error.
    public let line: Int

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
        self.code = code
        self.message = message
    }
}
