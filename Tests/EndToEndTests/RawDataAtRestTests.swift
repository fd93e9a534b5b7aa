import CoreFoundation
import Foundation
import QRGateDaemon
import QRGateReceipts
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// No raw QR at rest: scanned images (the raw certificate or ID card) are deleted by default,
/// kept ones are private and bounded, and retention deletes receipt PNGs and corrupt-database
/// copies past their time.
@Suite(.serialized) struct RawDataAtRestTests {
    static func age(_ path: String, bySeconds seconds: TimeInterval, from now: Date = Date()) throws {
        let time = Int(now.timeIntervalSince1970 - seconds)
        var times = [timespec(tv_sec: time, tv_nsec: 0), timespec(tv_sec: time, tv_nsec: 0)]
        guard utimensat(AT_FDCWD, path, &times, 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func touch(_ path: String, agedBy seconds: TimeInterval = 0, now: Date = Date()) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("personal".utf8).write(to: URL(fileURLWithPath: path))
        try age(path, bySeconds: seconds, from: now)
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func dropQR(_ text: String, named name: String, into inbox: URL, staging: URL) throws {
        let png = try PNGRenderer(scale: 3).render(try QRCodeEncoder(utf8ECI: false).encode(text))
        let staged = staging.appendingPathComponent(name)
        try Data(png).write(to: staged)
        try FileManager.default.moveItem(at: staged, to: inbox.appendingPathComponent(name))
    }

    static func eventually(_ seconds: TimeInterval = 30, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    @Test func aScannedCardImageDoesNotStayAtRestAndOldReceiptsAndCorruptCopiesArePurged() throws {
        let day: TimeInterval = 86_400
        // Left from earlier runs: receipts and a corrupt-database copy past the 21-day retention,
        // a scan kept past 24 hours under an earlier `move`, and a fresh receipt.
        let gate = try RunningGate(gate: "gate-rest", site: "site-rest") { state in
            try Self.touch(state.appendingPathComponent("receipts/0190-old.png").path, agedBy: 22 * day)
            try Self.touch(state.appendingPathComponent("receipts/0190-fresh.png").path, agedBy: day)
            try Self.touch(state.appendingPathComponent("qrgate.sqlite.corrupt-1700000000").path, agedBy: 30 * day)
            try Self.touch(state.appendingPathComponent("inbox/processed/old-card.png").path, agedBy: 2 * day)
        }
        defer { withExtendedLifetime(gate) {} }
        let state = gate.state
        let inbox = state.appendingPathComponent("inbox")
        let oldReceipt = state.appendingPathComponent("receipts/0190-old.png").path
        let freshReceipt = state.appendingPathComponent("receipts/0190-fresh.png").path
        let corrupt = state.appendingPathComponent("qrgate.sqlite.corrupt-1700000000").path
        let keptScan = inbox.appendingPathComponent("processed/old-card.png").path

        // A citizen-ID card QR dropped into the inbox (the default `after_scan` is `delete`).
        try Self.dropQR("079123456789|123456789|Nguyễn Văn An|01011990|Nam|Hà Nội|01012021", named: "card.png", into: inbox, staging: gate.folder.url)
        #expect(Self.eventually { !Self.exists(inbox.appendingPathComponent("card.png").path) }, "the scanned image was taken")
        #expect(!Self.exists(inbox.appendingPathComponent("processed/card.png").path), "and not kept")

        #expect(Self.eventually { !Self.exists(oldReceipt) && !Self.exists(corrupt) && !Self.exists(keptScan) }, "retention purged the old files")
        #expect(Self.exists(freshReceipt), "a receipt inside the retention period stays")
        #expect(Self.exists(state.appendingPathComponent("qrgate.sqlite").path))
        #expect(gate.stop() == 0)
    }

    @Test func keptImagesAreMode0600AndBoundedByCount() throws {
        let gate = try RunningGate(
            gate: "gate-keep", site: "site-keep", yaml: "scanner:\n  after_scan: move\n  keep_max_files: 2\n  keep_max_hours: 1\n  dedup_seconds: 0\n"
        ) { state in
            try FileManager.default.createDirectory(at: state.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        }
        let inbox = gate.state.appendingPathComponent("inbox")
        let processed = inbox.appendingPathComponent("processed")
        for index in 0..<4 {
            try Self.dropQR("code \(index)", named: "scan-\(index).png", into: inbox, staging: gate.folder.url)
            #expect(Self.eventually { !Self.exists(inbox.appendingPathComponent("scan-\(index).png").path) }, "scan-\(index) taken")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: processed.path)
        #expect(kept.count == 2, "at most keep_max_files images are kept: \(kept)")
        for name in kept {
            var status = stat()
            #expect(stat(processed.appendingPathComponent(name).path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600, "\(name) is mode \(String(status.st_mode & 0o777, radix: 8))")
        }
        #expect(gate.stop() == 0)
    }

    @Test func retentionPurgesFilesByAgeOnTheInjectedClock() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var configuration = GatewayConfiguration()
        configuration.stateDirectory = temporary.url.path
        configuration.storage.retentionDays = 10
        configuration.scanner.keepMaxHours = 6
        let root = temporary.url.path
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let hour: TimeInterval = 3600
        try Self.touch(root + "/receipts/a.png", agedBy: 10 * 24 * hour + 60, now: now)
        try Self.touch(root + "/receipts/b.png", agedBy: 10 * 24 * hour - 60, now: now)
        try Self.touch(root + "/receipts/notes.txt", agedBy: 100 * 24 * hour, now: now)
        try Self.touch(root + "/qrgate.sqlite.corrupt-1", agedBy: 11 * 24 * hour, now: now)
        try Self.touch(root + "/qrgate.sqlite.corrupt-2", agedBy: 24 * hour, now: now)
        try Self.touch(root + "/other.sqlite.corrupt-1", agedBy: 100 * 24 * hour, now: now)
        try Self.touch(root + "/inbox/processed/x.png", agedBy: 7 * hour, now: now)
        try Self.touch(root + "/inbox/processed/y.png", agedBy: 5 * hour, now: now)
        // A link to an old file elsewhere: neither it nor its target is touched.
        try Self.touch(root + "/elsewhere.png", agedBy: 100 * 24 * hour, now: now)
        #expect(symlink(root + "/elsewhere.png", root + "/receipts/link.png") == 0)

        let purger = RetentionFilePurger(configuration: configuration, databasePath: root + "/qrgate.sqlite")
        let purged = purger.purge(now: now)
        #expect(purged.values.reduce(0, +) == 3, "\(purged)")
        #expect(!Self.exists(root + "/receipts/a.png"))
        #expect(Self.exists(root + "/receipts/b.png"))
        #expect(Self.exists(root + "/receipts/notes.txt"), "only receipt PNGs")
        #expect(!Self.exists(root + "/qrgate.sqlite.corrupt-1"))
        #expect(Self.exists(root + "/qrgate.sqlite.corrupt-2"))
        #expect(Self.exists(root + "/other.sqlite.corrupt-1"), "only this database's copies")
        #expect(!Self.exists(root + "/inbox/processed/x.png"))
        #expect(Self.exists(root + "/inbox/processed/y.png"))
        #expect(Self.exists(root + "/receipts/link.png") && Self.exists(root + "/elsewhere.png"))

        // A day later on the same clock the rest goes too.
        let later = purger.purge(now: now.addingTimeInterval(24 * hour))
        #expect(later.values.reduce(0, +) == 2, "\(later)")
    }

    @Test func scanKeepingDefaultsToDeleteAndItsBoundsAreChecked() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let defaults = try ConfigurationLoader(environment: [:]).load(file: nil)
        #expect(defaults.scanner.afterScan == .delete)
        #expect(defaults.scanner.keepMaxFiles == 100 && defaults.scanner.keepMaxHours == 24)
        let file = temporary.url.appendingPathComponent("gateway.yaml")
        try "scanner:\n  after_scan: move\n  keep_max_files: 0\n  keep_max_hours: -1\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ConfigurationLoader(environment: [:]).load(file: file.path)
        } throws: { error in
            (error as? ConfigurationError)?.problems.map(\.key).sorted() == ["scanner.keep_max_files", "scanner.keep_max_hours"]
        }
        try "scanner:\n  after_scan: move\n  keep_max_files: 5\n  keep_max_hours: 0.5\n".write(to: file, atomically: true, encoding: .utf8)
        let kept = try ConfigurationLoader(environment: [:]).load(file: file.path)
        #expect(kept.scanner.afterScan == .move && kept.scanner.keepMaxFiles == 5 && kept.scanner.keepMaxHours == 0.5)
    }
}
