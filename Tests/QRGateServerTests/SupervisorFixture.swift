import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QRGateCore
import QRGateServer
import QRGateStore
import QRGateTestSupport
import Synchronization

/// A gate database in a temporary folder with one token per role, and the API over it.
struct SupervisorFixture {
    let directory: TemporaryDirectory
    let database: GateDatabase
    let store: CheckInStore
    let supervisorSecret: String
    let operatorSecret: String
    let kioskSecret: String
    let revokedSecret: String
    let supervisorToken: APIToken
    let wallClock: TestWallClock
    let monotonic: TestMonotonicClock

    init() throws {
        directory = try TemporaryDirectory()
        database = try GateDatabase(path: directory.url.appendingPathComponent("qrgate.sqlite").path)
        store = CheckInStore(database: database)
        let tokens = APITokenStore(database: database)
        let supervisor = try tokens.create(role: .supervisor, name: "Ward 3 supervisor")
        supervisorSecret = supervisor.secret
        supervisorToken = supervisor.token
        operatorSecret = try tokens.create(role: .operator, name: "Fleet operator").secret
        kioskSecret = try tokens.create(role: .kiosk, name: "Kiosk screen").secret
        let revoked = try tokens.create(role: .supervisor, name: "Former supervisor")
        try tokens.revoke(id: revoked.token.id)
        revokedSecret = revoked.secret
        wallClock = TestWallClock(Date(timeIntervalSince1970: 1_795_000_000))
        monotonic = TestMonotonicClock()
    }

    func makeAPI(configure: (inout SupervisorAPIConfiguration) -> Void = { _ in }) -> SupervisorAPI {
        var configuration = SupervisorAPIConfiguration()
        configuration.site = "site-a"
        configuration.quotaBytes = 64 << 20
        configuration.exportChunkRows = 7
        configure(&configuration)
        let wallClock = self.wallClock
        let monotonic = self.monotonic
        return SupervisorAPI(
            database: database, configuration: configuration, metrics: GateMetrics(),
            now: { wallClock.now }, monotonicNow: { monotonic.now }
        )
    }

    func makeApplication(configure: (inout SupervisorAPIConfiguration) -> Void = { _ in }) -> Application<RouterResponder<SupervisorRequestContext>> {
        var logger = Logger(label: "qrgate-test")
        logger.logLevel = .warning
        return Application(
            router: makeAPI(configure: configure).router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger
        )
    }

    /// Records `count` check-ins at one-minute steps from `start`, cycling through the factory's people.
    @discardableResult
    func seed(
        count: Int, start: Date = Date(timeIntervalSince1970: 1_794_990_000), site: String = "site-a", direction: Direction = .entry,
        outcome: Decision.Outcome = .admit, personOffset: Int = 0
    ) async throws -> [StoredCheckIn] {
        var stored: [StoredCheckIn] = []
        for index in 0..<count {
            let draft = CheckInFactory.draft(
                person: personOffset + index, at: start.addingTimeInterval(Double(index) * 60), site: site, direction: direction, outcome: outcome)
            stored.append(try await store.record(draft, direction: .fixed(direction)))
        }
        return stored
    }

    func accessLogCount() async throws -> Int {
        try await AccessLogStore(database: database).entries(limit: 10_000).count
    }

    func remove() { directory.remove() }
}

/// A settable wall clock.
final class TestWallClock: Sendable {
    private let value: Mutex<Date>
    init(_ date: Date) { value = Mutex(date) }
    var now: Date { value.withLock { $0 } }
    func advance(seconds: Double) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A settable monotonic clock for the throttle.
final class TestMonotonicClock: Sendable {
    private let base = ContinuousClock.now
    private let offset = Mutex<Duration>(.zero)
    var now: ContinuousClock.Instant { base + offset.withLock { $0 } }
    func advance(_ duration: Duration) { offset.withLock { $0 += duration } }
}

extension HTTPFields {
    static func bearer(_ secret: String) -> HTTPFields {
        [.authorization: "Bearer " + secret]
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func json() throws -> JSONValue { try JSONValue(parsing: text) }
}
