#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hand-held 2D scanner that decodes codes itself and sends each payload as one line
/// (on a serial tty, a USB CDC-ACM port, or standard input).
///
/// Lines end with LF, CR or CR LF (scanners differ); empty lines are skipped. The bytes of
/// a line are the payload. Reading polls the descriptor and sleeps on the injected clock in
/// between, so cancellation is noticed within one poll interval.
public struct LineScannerSource<C: Clock>: FrameSource where C.Duration == Swift.Duration {
    /// Settings.
    public struct Configuration: Sendable {
        /// Time between polls when no byte is waiting.
        public var pollInterval: Duration = .milliseconds(20)
        /// Longest line accepted; longer input is cut into lines of this length.
        public var maxLineBytes: Int = 8192
        /// The defaults.
        public init() {}
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let clock: C
    private let configuration: Configuration
    private let name: String
    private var buffer: [UInt8] = []
    private var lastWasCR = false
    private var ended = false

    /// Reads lines from an open descriptor (e.g. `STDIN_FILENO`); the caller keeps ownership.
    public init(descriptor: Int32, name: String = "stdin", configuration: Configuration = Configuration(), clock: C) {
        self.descriptor = descriptor
        self.ownsDescriptor = false
        self.name = name
        self.configuration = configuration
        self.clock = clock
    }

    /// Opens a serial device (`/dev/ttyACM0`, `/dev/ttyUSB0`) in raw mode at `baud` (8N1).
    /// The descriptor is closed with `close()`.
    public init(serialDevice path: String, baud: Int = 9600, configuration: Configuration = Configuration(), clock: C) throws {
        self.descriptor = try SerialPort.open(path: path, baud: baud)
        self.ownsDescriptor = true
        self.name = path
        self.configuration = configuration
        self.clock = clock
    }

    /// `line scanner NAME`.
    public var description: String { "line scanner \(name)" }

    /// Closes the device if this source opened it.
    public func close() {
        if ownsDescriptor { _ = closeDescriptor(descriptor) }
    }

    /// The next non-empty line as a decoded payload; nil at end of input.
    public mutating func next() async throws -> SourceEvent? {
        while true {
            try Task.checkCancellation()
            if let line = takeLine() {
                return .decoded([ScannedSymbol(bytes: line)], origin: name)
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                let line = buffer
                buffer.removeAll()
                return .decoded([ScannedSymbol(bytes: line)], origin: name)
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 0)
            if ready < 0 {
                if errno == EINTR { continue }
                throw FrameSourceError(.readFailed, "\(name): waiting for input failed (\(ErrnoText.text(errno))).")
            }
            if ready == 0 {
                try await clock.sleep(for: configuration.pollInterval)
                return .idle(origin: name)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { readDescriptor(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FrameSourceError(
                    .readFailed, "\(name): reading failed (\(ErrnoText.text(errno))); check the scanner's cable.")
            }
            if count == 0 {
                ended = true
                continue
            }
            append(chunk[0..<count])
        }
    }

    private var completeLines: [[UInt8]] = []

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            if byte == 0x0A, lastWasCR {  // the LF of CR LF
                lastWasCR = false
                continue
            }
            lastWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if !buffer.isEmpty { completeLines.append(buffer) }
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(byte)
                if buffer.count >= configuration.maxLineBytes {
                    completeLines.append(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    private mutating func takeLine() -> [UInt8]? {
        completeLines.isEmpty ? nil : completeLines.removeFirst()
    }
}

@available(*, unavailable)
extension LineScannerSource: Sendable {}

func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
