import QRGateImaging

#if canImport(CoreFoundation)
import CoreFoundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Polls a folder for image files (PNG, JPEG, PGM); each file is read once, then deleted or
/// moved to a `processed/` subfolder. Runs on machines without a camera (tests, demos,
/// scanners that drop images on a share).
///
/// Nothing in the folder can stop the source: symbolic links and non-regular files (FIFOs,
/// folders, devices) are refused without being opened, once each; a file that cannot be
/// deleted or moved is reported once and skipped from then on (never scanned in a loop). Both
/// arrive as `.unreadable` events for the consumer to log. A kept image is made mode 0600, and
/// `processed/` is held to `keepMaxFiles` files and `keepMaxAge` of age.
public struct WatchedFolderSource<C: Clock>: FrameSource where C.Duration == Swift.Duration {
    /// What happens to a file once it has been read.
    public enum Disposal: Sendable {
        /// Move it into `processed/` inside the folder (created mode 0700 if missing), mode 0600.
        case moveToProcessed
        /// Delete it (the default: a scanned image is a raw certificate or ID card).
        case delete
    }

    /// Settings.
    public struct Configuration: Sendable {
        /// The folder watched.
        public var folder: String
        /// What to do with a file after reading it.
        public var disposal: Disposal = .delete
        /// With `.moveToProcessed`: most images kept in `processed/` (the oldest go first).
        public var keepMaxFiles = 100
        /// With `.moveToProcessed`: oldest image kept in `processed/`, by modification time.
        public var keepMaxAge: Duration = .seconds(24 * 3600)
        /// Wall time in seconds since 1970 (ages in `processed/` and the settle time are wall
        /// time, as file times are); tests inject a clock.
        public var wallSeconds: @Sendable () -> Double = {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
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
    /// Files that could not be moved or deleted, or were refused: never read (or reported) twice
    /// while they stay in the folder.
    private var done: Set<String> = []
    /// Reports waiting to be delivered (refused entries, failed clean-ups), one event each.
    private var reports: [SourceEvent] = []
    /// When `processed/` was last pruned (wall seconds).
    private var lastPrune: Double = -.infinity

    /// A source polling `configuration.folder`, sleeping on `clock`.
    public init(configuration: Configuration, clock: C) {
        self.configuration = configuration
        self.clock = clock
        self.reader = ImageReader(configuration: configuration.reader)
    }

    /// `folder PATH`.
    public var description: String { "folder \(configuration.folder)" }

    /// The next file's frame (or its read error, or a refusal or clean-up failure to log);
    /// `.idle` after a poll interval with nothing new. Never nil.
    public mutating func next() async throws -> SourceEvent? {
        try Task.checkCancellation()
        if !reports.isEmpty { return reports.removeFirst() }
        if pending.isEmpty { pending = try listReadyFiles() }
        if !reports.isEmpty { return reports.removeFirst() }
        if let name = pending.first {
            pending.removeFirst()
            return take(name)
        }
        if configuration.disposal == .moveToProcessed, configuration.wallSeconds() - lastPrune >= 60 { pruneProcessed() }
        try await clock.sleep(for: configuration.pollInterval)
        return .idle(origin: configuration.folder)
    }

    /// Reads one file, disposes of it, returns its event. A clean-up failure is queued as a
    /// report and the file is remembered, so it is not read again.
    private mutating func take(_ name: String) -> SourceEvent {
        let path = configuration.folder + "/" + name
        let event: SourceEvent
        do {
            event = .frame(try reader.readRegularFile(path: path), origin: name)
        } catch {
            event = .unreadable(error, origin: name)
        }
        if let failure = dispose(name) {
            done.insert(name)
            reports.append(.unreadable(ImageError(.writeFailed, failure), origin: name))
        }
        return event
    }

    /// Deletes or moves the file; the reason when that failed.
    private mutating func dispose(_ name: String) -> String? {
        let path = configuration.folder + "/" + name
        switch configuration.disposal {
        case .delete:
            if unlink(path) != 0, errno != ENOENT {
                return
                    "cannot delete \(path) (\(ErrnoText.text(errno))); it was read once and is skipped from now on. Give the qrgate user write access to the folder, then remove the file."
            }
        case .moveToProcessed:
            let processed = configuration.folder + "/processed"
            if mkdir(processed, 0o700) != 0, errno != EEXIST {
                return
                    "cannot create \(processed) (\(ErrnoText.text(errno))); \(name) was read once and is skipped from now on. Give the qrgate user write access to the folder."
            }
            let target = processed + "/" + name
            if rename(path, target) != 0 {
                if errno == ENOENT { return nil }
                return
                    "cannot move \(path) to \(processed) (\(ErrnoText.text(errno))); it was read once and is skipped from now on. Check the folder's permissions."
            }
            // A kept image is a raw certificate or ID card: readable by the gate's user only.
            _ = chmod(target, 0o600)
            pruneProcessed()
        }
        return nil
    }

    /// Deletes the oldest kept images beyond `keepMaxFiles` and every one older than `keepMaxAge`.
    mutating func pruneProcessed() {
        let processed = configuration.folder + "/processed"
        let now = configuration.wallSeconds()
        lastPrune = now
        guard let directory = opendir(processed) else { return }
        var kept: [(name: String, modified: Double)] = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            if name == "." || name == ".." { continue }
            var status = stat()
            guard lstat(processed + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            kept.append((name, Self.modificationSeconds(status)))
        }
        closedir(directory)
        let (maxAgeSeconds, maxAgeAttoseconds) = configuration.keepMaxAge.components
        let oldestAllowed = now - (Double(maxAgeSeconds) + Double(maxAgeAttoseconds) / 1e18)
        kept.sort { $0.modified > $1.modified }
        for (index, file) in kept.enumerated() where index >= max(0, configuration.keepMaxFiles) || file.modified < oldestAllowed {
            _ = unlink(processed + "/" + file.name)
        }
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func modificationSeconds(_ status: stat) -> Double {
        #if os(Linux)
        let modified = status.st_mtim
        #else
        let modified = status.st_mtimespec
        #endif
        return Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9
    }

    /// Image files in the folder whose writers seem done, in name order. Entries are looked at
    /// with `lstat`, never followed or opened here: a symbolic link or a non-regular file with an
    /// image name is reported once and left alone.
    private mutating func listReadyFiles() throws -> [String] {
        guard let directory = opendir(configuration.folder) else {
            throw FrameSourceError(
                .folderUnavailable,
                "cannot open the watched folder \(configuration.folder) (\(ErrnoText.text(errno))); create it or fix the path in the configuration.")
        }
        defer { closedir(directory) }
        let now = configuration.wallSeconds()
        let (settleSeconds, settleAttoseconds) = configuration.settleTime.components
        let settle = Double(settleSeconds) + Double(settleAttoseconds) / 1e18
        var names: [String] = []
        var present: Set<String> = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            if name.hasPrefix(".") { continue }
            let lower = name.lowercased()
            guard configuration.extensions.contains(where: { lower.hasSuffix("." + $0) }) else { continue }
            present.insert(name)
            if done.contains(name) { continue }
            var status = stat()
            guard lstat(configuration.folder + "/" + name, &status) == 0 else { continue }
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                done.insert(name)
                let message =
                    "\(configuration.folder)/\(name): is \(ImageReader.kindText(status.st_mode)), not a regular file; it was not opened. Only regular image files are taken from the watched folder; remove it."
                reports.append(.unreadable(ImageError(.unreadable, message), origin: name))
                continue
            }
            if now - Self.modificationSeconds(status) < settle { continue }
            names.append(name)
        }
        // Forget names that left the folder, so that the set stays as small as the folder.
        done.formIntersection(present)
        return names.sorted()
    }
}

@available(*, unavailable)
extension WatchedFolderSource: Sendable {}
