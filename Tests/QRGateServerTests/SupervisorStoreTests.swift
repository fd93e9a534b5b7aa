import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

/// Folding, times, cursors, tokens and the read-only open.
@Suite struct SupervisorStoreTests {
    @Test(arguments: [
        ("Nguyễn Văn An", "nguyen van an"),
        ("  ĐỖ   MINH\tĐỨC ", "do minh duc"),
        ("Trần Thị Bình", "tran thi binh"),
        ("Lê Hoàng Cường", "le hoang cuong"),
        ("Phạm Thị Dung", "pham thi dung"),
        ("MÜLLER", "muller"),
    ])
    func namesFold(name: String, folded: String) {
        #expect(NameFolding.fold(name) == folded)
    }

    @Test(arguments: [
        ("2026-11-21T08:00:00Z", 1_795_248_000.0),
        ("2026-11-21T15:00:00+07:00", 1_795_248_000.0),
        ("2026-11-21T15:00:00+0700", 1_795_248_000.0),
        ("2026-11-21T08:00:00", 1_795_248_000.0),
        ("2026-11-21T08:00:00.250Z", 1_795_248_000.25),
        ("2026-11-21", 1_795_219_200.0),
    ])
    func filterTimesParse(text: String, seconds: Double) throws {
        let date = try #require(FilterTime.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test(arguments: ["", "yesterday", "2026-02-30", "2026-11-21T25:00:00Z", "2026-11-21T08:00:00+7", "2026-11-21T08:00Zjunk"])
    func badFilterTimesAreRejected(text: String) {
        #expect(FilterTime.parse(text) == nil)
    }

    @Test func parsersOfOutsideTextNeverCrashOnRandomInput() {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet: [UInt8] = Array("0123456789-:+TZz., đĐ=\"'%\\\u{0}".utf8) + (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = FilterTime.parse(text)
            _ = NameFolding.fold(text)
            _ = CheckInCursor(token: text)
        }
    }

    @Test func exportTimesAreISO8601() {
        #expect(ExportTime.iso8601(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(ExportTime.iso8601(milliseconds: 1_795_248_000_250) == "2026-11-21T08:00:00.250Z")
        #expect(ExportTime.iso8601(milliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(ExportTime.iso8601(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
    }

    @Test func cursorsRoundTripAndRejectForgeries() {
        let cursor = CheckInCursor(afterSequence: 42)
        #expect(CheckInCursor(token: cursor.token) == cursor)
        #expect(CheckInCursor(token: "42") == nil)
        #expect(CheckInCursor(token: "' OR 1=1") == nil)
    }

    @Test func tokensStoreOnlyHashes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try GateDatabase(path: directory.url.appendingPathComponent("t.sqlite").path)
        let store = APITokenStore(database: database)
        let (token, secret) = try store.create(role: .operator, name: "Ops")
        #expect(secret.hasPrefix("qrg_"))
        #expect(secret.count >= 40)
        let raw = try database.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_tokens") }
        #expect(raw.count == 1)
        #expect(!raw.description.contains(secret.dropFirst(4)))
        #expect(raw.first?["secret_sha256"] == APITokenStore.hash(secret: secret))
        #expect(try store.list().map(\.id) == [token.id])
        #expect(throws: APITokenError.self) { try store.revoke(id: "tok_nope") }
        try store.revoke(id: token.id)
        #expect(throws: APITokenError.self) { try store.revoke(id: token.id) }
        #expect(try store.list().first?.isActive == false)
    }

    @Test func readOnlyOpenNeitherMigratesNorWrites() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("r.sqlite").path
        do {
            let database = try GateDatabase(path: path)
            _ = try await CheckInStore(database: database).record(CheckInFactory.draft(person: 1, at: Date()), direction: .fixed(.entry))
        }
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let readOnly = try GateDatabase(path: path, readOnly: true)
        let report = try await GateStatusReport.read(from: readOnly, quotaBytes: 1 << 20, now: Date())
        #expect(report.checkIns == 1)
        #expect(throws: (any Error).self) {
            try readOnly.writer.write { db in try db.execute(sql: "DELETE FROM access_log") }
        }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
    }
}

/// A small deterministic generator (SplitMix64) for repeatable random inputs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
