import CoreFoundation
import Foundation
import QRGateImaging
import QRGateScanner
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Files dropped in the watched folder by someone hostile never stop the source, never make
/// it follow a link or block, and are never scanned in a loop.
@Suite(.serialized) struct WatchedFolderAttackTests {
    func source(_ folder: TemporaryFolder, disposal: WatchedFolderSource<ManualClock>.Disposal = .delete) -> WatchedFolderSource<ManualClock> {
        var configuration = WatchedFolderSource<ManualClock>.Configuration(folder: folder.path)
        configuration.settleTime = .zero
        configuration.disposal = disposal
        return WatchedFolderSource(configuration: configuration, clock: ManualClock())
    }

    /// The next `count` events, each reduced to (kind, origin, message).
    func events(_ source: inout WatchedFolderSource<ManualClock>, _ count: Int) async throws -> [(kind: String, origin: String, message: String)] {
        var out: [(String, String, String)] = []
        for _ in 0..<count {
            switch try await source.next() {
            case .frame(_, let origin): out.append(("frame", origin, ""))
            case .unreadable(let error, let origin): out.append(("unreadable", origin, error.message))
            case .decoded(_, let origin): out.append(("decoded", origin, ""))
            case .idle: out.append(("idle", "", ""))
            case nil: out.append(("end", "", ""))
            }
        }
        return out
    }

    func writePNG(_ folder: TemporaryFolder, _ name: String) throws {
        try PNGWriter().write(GreyFrame(width: 8, height: 8, filledWith: 200), to: folder.file(name))
    }

    @Test func aFIFONamedLikeAnImageIsRefusedWithoutBlockingTheReader() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.file("scan.png")
        try #require(mkfifo(fifo, 0o600) == 0)
        try writePNG(folder, "z.png")
        let unblocked = SharedValue(false)
        let seen = try await withThrowingTaskGroup(of: [(kind: String, origin: String, message: String)]?.self) { group in
            group.addTask {
                var source = self.source(folder)
                return try await self.events(&source, 4)
            }
            group.addTask {
                // Should the reader block in open(2) on the FIFO, open its write end to release it.
                try await Task.sleep(for: .seconds(5))
                let writer = open(fifo, O_WRONLY | O_NONBLOCK)
                if writer >= 0 {
                    unblocked.set(true)
                    close(writer)
                }
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(!unblocked.value, "the reader blocked on the FIFO")
        let events = try #require(seen)
        #expect(events[0].kind == "unreadable" && events[0].origin == "scan.png" && events[0].message.contains("FIFO"), "\(events)")
        #expect(events[1].kind == "frame" && events[1].origin == "z.png", "the source goes on: \(events)")
        #expect(events[2].kind == "idle" && events[3].kind == "idle", "the FIFO is reported once, not in a loop: \(events)")
        #expect(access(fifo, F_OK) == 0)
    }

    @Test func aSymlinkToEtcPasswdOrToABigFileIsNotFollowed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try #require(symlink("/etc/passwd", folder.file("passwd.pgm")) == 0)
        // A sparse 3 GB file behind an image name: reading it would take the memory.
        let big = folder.file("big.bin")
        let descriptor = open(big, O_WRONLY | O_CREAT, 0o600)
        try #require(descriptor >= 0)
        try #require(ftruncate(descriptor, 3 << 30) == 0)
        close(descriptor)
        try #require(symlink(big, folder.file("big.png")) == 0)
        var source = self.source(folder)
        let events = try await events(&source, 4)
        let refused = events.filter { $0.kind == "unreadable" }
        #expect(Set(refused.map(\.origin)) == ["passwd.pgm", "big.png"], "\(events)")
        #expect(refused.allSatisfy { $0.message.contains("symbolic link") && $0.message.contains("not opened") }, "\(refused)")
        #expect(events.suffix(2).allSatisfy { $0.kind == "idle" }, "reported once: \(events)")
        #expect(try String(contentsOfFile: "/etc/passwd", encoding: .utf8).contains("root"), "the target is untouched")

        // A link swapped in after the listing is refused by the reader itself (O_NOFOLLOW).
        #expect(throws: ImageError.self) { _ = try ImageReader().readRegularFile(path: folder.file("big.png")) }
        do {
            _ = try ImageReader().readRegularFile(path: folder.file("big.png"))
        } catch {
            #expect(error.message.contains("symbolic link"))
        }
    }

    @Test func aDirectoryNamedLikeAnImageIsRefusedAndTheSourceGoesOn() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try #require(mkdir(folder.file("photo.jpg"), 0o755) == 0)
        try writePNG(folder, "q.png")
        var source = self.source(folder)
        let events = try await events(&source, 4)
        #expect(events[0].kind == "unreadable" && events[0].origin == "photo.jpg" && events[0].message.contains("folder"), "\(events)")
        #expect(events[1].kind == "frame" && events[1].origin == "q.png", "\(events)")
        #expect(events[2].kind == "idle" && events[3].kind == "idle", "\(events)")
        #expect(access(folder.file("photo.jpg"), F_OK) == 0)
    }

    @Test func anUndeletableFileIsReportedOnceAndNotScannedAgain() async throws {
        let folder = try TemporaryFolder()
        defer {
            chmod(folder.file("locked"), 0o755)
            Self.setImmutable(folder.file("locked/card.png"), false)
            folder.remove()
        }
        let locked = TemporaryFolder(existing: folder.file("locked"))
        try #require(mkdir(locked.path, 0o755) == 0)
        try writePNG(locked, "card.png")
        // A read-only folder stops an ordinary user deleting; root also needs the file immutable.
        try #require(chmod(locked.path, 0o555) == 0)
        if geteuid() == 0 { try #require(Self.setImmutable(locked.file("card.png"), true), "chattr +i is needed to test as root") }

        var source = self.source(locked)
        let events = try await events(&source, 5)
        #expect(events[0].kind == "frame" && events[0].origin == "card.png", "\(events)")
        #expect(events[1].kind == "unreadable" && events[1].message.contains("cannot delete"), "the failure is reported: \(events)")
        #expect(events.dropFirst(2).allSatisfy { $0.kind == "idle" }, "the file is not scanned again: \(events)")
        #expect(access(locked.file("card.png"), F_OK) == 0)
    }

    @Test func aFileThatCannotBeMovedIsReportedOnceAndNotScannedAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // `processed` is a file, so neither mkdir nor rename can put anything in it (also as root).
        #expect(FileWriter.write(Array("in the way".utf8), to: folder.file("processed")))
        try writePNG(folder, "a.png")
        try writePNG(folder, "b.png")
        var source = self.source(folder, disposal: .moveToProcessed)
        let events = try await events(&source, 6)
        #expect(events.map(\.kind) == ["frame", "unreadable", "frame", "unreadable", "idle", "idle"], "\(events)")
        #expect(events[1].message.contains("cannot move") && events[1].origin == "a.png", "\(events)")
        #expect(access(folder.file("a.png"), F_OK) == 0 && access(folder.file("b.png"), F_OK) == 0)
    }

    @discardableResult
    static func setImmutable(_ path: String, _ on: Bool) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [on ? "+i" : "-i", path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Kept images: private to the gate's user, bounded by count and age.
@Suite struct ProcessedFolderRetentionTests {
    @Test func keptImagesAreMode0600AndBoundedByCountAndAge() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let offset = SharedValue<Double>(0)
        var configuration = WatchedFolderSource<ManualClock>.Configuration(folder: folder.path)
        configuration.settleTime = .zero
        configuration.disposal = .moveToProcessed
        configuration.keepMaxFiles = 3
        configuration.keepMaxAge = .seconds(3600)
        configuration.wallSeconds = { Date().timeIntervalSince1970 + offset.value }
        var source = WatchedFolderSource(configuration: configuration, clock: ManualClock())
        for index in 0..<5 {
            let path = folder.file("scan-\(index).png")
            try PNGWriter().write(GreyFrame(width: 4, height: 4, filledWith: 255), to: path)
            // Distinct, increasing modification times.
            var times = [timespec(tv_sec: time(nil) - 100 + index, tv_nsec: 0), timespec(tv_sec: time(nil) - 100 + index, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            guard case .frame = try await source.next() else {
                Issue.record("expected a frame")
                return
            }
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.file("processed")).sorted()
        #expect(kept == ["scan-2.png", "scan-3.png", "scan-4.png"], "the newest three are kept")
        for name in kept {
            var status = stat()
            #expect(stat(folder.file("processed/" + name), &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600, "\(name) mode \(String(status.st_mode & 0o777, radix: 8))")
        }
        var processed = stat()
        #expect(stat(folder.file("processed"), &processed) == 0 && processed.st_mode & 0o077 == 0, "processed/ is private")

        // Two hours later, with no new scan, the idle poll purges what is older than an hour.
        offset.set(2 * 3600)
        guard case .idle = try await source.next() else {
            Issue.record("expected idle")
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("processed")).isEmpty, "aged images are purged")
    }
}

extension TemporaryFolder {
    /// A folder at `path` (created by the test, removed with its parent).
    init(existing path: String) {
        self.path = path
    }
}

/// A value shared between a test and the tasks or closures it starts.
final class SharedValue<T: Sendable>: Sendable {
    private let storage: Mutex<T>
    init(_ initial: T) { storage = Mutex(initial) }
    var value: T { storage.withLock { $0 } }
    func set(_ new: T) { storage.withLock { $0 = new } }
}
