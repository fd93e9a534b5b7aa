#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Reads PNG, JPEG and PGM files into grey frames, refusing oversized images
/// from their header before any pixel is decoded.
public struct ImageReader: Sendable {
    /// Limits for untrusted image files.
    public struct Configuration: Sendable {
        /// Largest `width * height` accepted, checked from the header before decoding
        /// (a decompression bomb claiming 20000x20000 is refused). Default 40 megapixels.
        public var maxPixels: Int = 40_000_000
        /// Largest file size in bytes read into memory. Default 64 MiB.
        public var maxFileBytes: Int = 64 << 20

        /// The defaults.
        public init() {}
    }

    /// The limits in force.
    public var configuration: Configuration

    /// A reader with the given limits.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Reads and decodes the image at `path` (the path is named in errors exactly as given).
    public func read(path: String) throws(ImageError) -> GreyFrame {
        let bytes = try Self.readFile(path: path, maxBytes: configuration.maxFileBytes)
        return try decode(bytes, name: path)
    }

    /// Reads and decodes the image at `path` only if it is a regular file: a symbolic link, a
    /// FIFO, a folder, a device or a socket is refused without being followed or read (the file
    /// is opened with `O_NOFOLLOW | O_NONBLOCK` and checked with `fstat`, so neither a link
    /// swapped in after a directory listing nor a FIFO can make the reader follow or block).
    /// For files from untrusted places such as the watched folder.
    public func readRegularFile(path: String) throws(ImageError) -> GreyFrame {
        let bytes = try Self.readFile(path: path, maxBytes: configuration.maxFileBytes, regularOnly: true)
        return try decode(bytes, name: path)
    }

    /// Decodes image file bytes already in memory; `name` identifies the image in errors.
    public func decode(_ bytes: [UInt8], name: String) throws(ImageError) -> GreyFrame {
        guard let format = ImageFormat.detect(bytes) else {
            if bytes.isEmpty {
                throw ImageError(.truncated, "\(name): the file is empty (0 bytes); copy or capture the image again.")
            }
            let what = ImageFormat.describeUnsupported(bytes).map { "a \($0) image" } ?? "not an image we recognise"
            throw ImageError(
                .unsupportedFormat,
                "\(name): \(what); qrgate reads PNG, JPEG and PGM files — convert it to PNG and try again."
            )
        }
        switch format {
        case .png: return try PNGDecoder.decode(bytes, name: name, maxPixels: configuration.maxPixels)
        case .jpeg: return try JPEGDecoder.decode(bytes, name: name, maxPixels: configuration.maxPixels)
        case .pgm: return try PGMDecoder.decode(bytes, name: name, maxPixels: configuration.maxPixels)
        }
    }

    /// The message for an image whose header claims too many pixels.
    static func tooLargeMessage(name: String, width: some BinaryInteger, height: some BinaryInteger, maxPixels: Int) -> String {
        "\(name): the image claims \(width)x\(height) pixels, more than the limit of \(maxPixels) pixels; "
            + "scale it down, or raise the pixel limit if the file is trusted."
    }

    /// The message for an image whose header claims no pixels.
    static func emptyMessage(name: String, width: some BinaryInteger, height: some BinaryInteger) -> String {
        "\(name): the image claims \(width)x\(height) pixels, so there is nothing to scan; capture or export it again."
    }

    /// Reads a whole file with POSIX calls so the failure reason (errno) is known.
    static func readFile(path: String, maxBytes: Int, regularOnly: Bool = false) throws(ImageError) -> [UInt8] {
        let flags = regularOnly ? O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK : O_RDONLY | O_CLOEXEC
        let descriptor = open(path, flags)
        if descriptor < 0 {
            let code = errno
            switch code {
            case ELOOP where regularOnly:
                throw ImageError(.unreadable, "\(path): is a symbolic link; only regular image files are taken from here, so it was not followed.")
            case ENOENT, ENOTDIR:
                throw ImageError(.fileNotFound, "\(path): no such file; check the path and try again.")
            case EACCES, EPERM:
                throw ImageError(.unreadable, "\(path): permission denied; make the file readable for the qrgate user.")
            default:
                throw ImageError(.unreadable, "\(path): cannot open the file (\(Self.errnoText(code))).")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) != 0 {
            throw ImageError(.unreadable, "\(path): cannot inspect the file (\(Self.errnoText(errno))).")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw ImageError(.unreadable, "\(path): is a folder, not an image file; give the path of an image inside it.")
        }
        if regularOnly && (status.st_mode & S_IFMT) != S_IFREG {
            throw ImageError(
                .unreadable,
                "\(path): is \(Self.kindText(status.st_mode)), not a regular file; only regular image files are read from here, so it was not read.")
        }
        if status.st_size > maxBytes {
            throw ImageError(
                .tooLarge,
                "\(path): the file is \(status.st_size) bytes, more than the limit of \(maxBytes) bytes; scale the image down."
            )
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(max(status.st_size, 0)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                if code == EISDIR {
                    throw ImageError(.unreadable, "\(path): is a folder, not an image file; give the path of an image inside it.")
                }
                throw ImageError(.unreadable, "\(path): reading failed (\(Self.errnoText(code))); check the disk and try again.")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes {
                throw ImageError(.tooLarge, "\(path): the file is larger than the limit of \(maxBytes) bytes; scale the image down.")
            }
        }
        return bytes
    }

    /// "a FIFO", "a symbolic link" … for the file type bits of `mode`.
    public static func kindText(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFREG: "a regular file"
        default: "a special file"
        }
    }

    static func errnoText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
