import QRGateImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Polls a folder for image files (PNG, JPEG, PGM); each file is read once, then moved to
/// a `processed/` subfolder or deleted. Runs on machines without a camera (tests, demos,
/// scanners that drop images on a share).
public struct WatchedFolderSource<C: Clock>: FrameSource where C.Duration == Swift.Duration {
    /// What happens to a file once it has been read.
    public enum Disposal: Sendable {
        /// Move it into `processed/` inside the folder (created if missing).
        case moveToProcessed
        /// Delete it.
        case delete
    }

    /// Settings.
    public struct Configuration: Sendable {
        /// The folder watched.
        public var folder: String
        /// What to do with a file after reading it.
        public var disposal: Disposal = .moveToProcessed
        /// Time between two looks at the folder when it is empty.
        public var pollInterval: Duration = .milliseconds(500)
        /// A file is taken only once its modification time is this old (a writer may still be busy).
        public var settleTime: Duration = .milliseconds(300)
        /// File name endings taken (lower case, compared case-insensitively).
        public var extensions: [String] = ["png", "jpg", "jpeg", "pgm"]
        /// Limits for the image files.
        public var reader = ImageReader.Configuration()

        /// Settings for `folder`.
        public init(folder: String) {
            self.folder = folder
        }
    }

    /// The settings in force.
    public let configuration: Configuration
    private let clock: C
    private let reader: ImageReader
    private var pending: [String] = []
    /// Files that could not be moved or deleted: never read twice.
    private var done: Set<String> = []

    /// A source polling `configuration.folder`, sleeping on `clock`.
    public init(configuration: Configuration, clock: C) {
        self.configuration = configuration
        self.clock = clock
        self.reader = ImageReader(configuration: configuration.reader)
    }

    /// `folder PATH`.
    public var description: String { "folder \(configuration.folder)" }

    /// The next file's frame (or its read error); `.idle` after a poll interval with nothing new. Never nil.
    public mutating func next() async throws -> SourceEvent? {
        try Task.checkCancellation()
        if pending.isEmpty { pending = try listReadyFiles() }
        if let name = pending.first {
            pending.removeFirst()
            return try take(name)
        }
        try await clock.sleep(for: configuration.pollInterval)
        return .idle(origin: configuration.folder)
    }

    /// Reads one file, disposes of it, returns its event.
    private mutating func take(_ name: String) throws -> SourceEvent {
        let path = configuration.folder + "/" + name
        let event: SourceEvent
        do {
            event = .frame(try reader.read(path: path), origin: name)
        } catch {
            event = .unreadable(error, origin: name)
        }
        done.insert(name)
        try dispose(name)
        done.remove(name)
        return event
    }

    private func dispose(_ name: String) throws {
        let path = configuration.folder + "/" + name
        switch configuration.disposal {
        case .delete:
            if unlink(path) != 0, errno != ENOENT {
                throw FrameSourceError(
                    .folderCleanupFailed,
                    "cannot delete \(path) (\(ErrnoText.text(errno))); give the qrgate user write access to the folder.")
            }
        case .moveToProcessed:
            let processed = configuration.folder + "/processed"
            if mkdir(processed, 0o755) != 0, errno != EEXIST {
                throw FrameSourceError(
                    .folderCleanupFailed,
                    "cannot create \(processed) (\(ErrnoText.text(errno))); give the qrgate user write access to the folder.")
            }
            if rename(path, processed + "/" + name) != 0, errno != ENOENT {
                throw FrameSourceError(
                    .folderCleanupFailed,
                    "cannot move \(path) to \(processed) (\(ErrnoText.text(errno))); check permissions.")
            }
        }
    }

    /// Image files in the folder whose writers seem done, in name order.
    private func listReadyFiles() throws -> [String] {
        guard let directory = opendir(configuration.folder) else {
            throw FrameSourceError(
                .folderUnavailable,
                "cannot open the watched folder \(configuration.folder) (\(ErrnoText.text(errno))); create it or fix the path in the configuration.")
        }
        defer { closedir(directory) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let (settleSeconds, settleAttoseconds) = configuration.settleTime.components
        let settleNanoseconds = Int(settleSeconds) * 1_000_000_000 + Int(settleAttoseconds / 1_000_000_000)
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || done.contains(name) { continue }
            let lower = name.lowercased()
            guard configuration.extensions.contains(where: { lower.hasSuffix("." + $0) }) else { continue }
            var status = stat()
            guard stat(configuration.folder + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            #if os(Linux)
            let modified = status.st_mtim
            #else
            let modified = status.st_mtimespec
            #endif
            let age = (Int(now.tv_sec) - Int(modified.tv_sec)) * 1_000_000_000 + (Int(now.tv_nsec) - Int(modified.tv_nsec))
            if age < settleNanoseconds { continue }
            names.append(name)
        }
        return names.sorted()
    }
}

@available(*, unavailable)
extension WatchedFolderSource: Sendable {}
