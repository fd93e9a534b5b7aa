import Foundation
import Logging
import QRGateStore
import ServiceLifecycle

/// Drains the transactional outbox to the central service: FIFO batches bounded by count,
/// bytes and linger time, one request in flight, retried with backoff by
/// ``Forwarder/StateMachine``. A record leaves the outbox only after the central service
/// acknowledged it (`CheckInStore.markForwarded`, one transaction), or when it is parked in
/// `dead_letters` with the server's answer.
public struct Forwarder: Service, CustomStringConvertible {
    /// Limits of batching and backoff.
    public struct Configuration: Sendable, Equatable {
        /// Gate id sent in every batch.
        public var gateID: String
        /// Backoff, batch size and `Retry-After` cap.
        public var machine = StateMachine.Configuration()
        /// Largest request body, bytes (a single larger record is still sent alone).
        public var maxBatchBytes = 1 << 20
        /// How long a batch that is not full waits for more records.
        public var linger: Duration = .seconds(2)
        /// How often an empty outbox is looked at again.
        public var idlePoll: Duration = .seconds(1)
        /// How long forwarding pauses after the credentials were refused before probing again.
        public var authProbeInterval: Duration = .seconds(60)
        /// Batches between two refreshes of the status figures (depth, oldest, dead letters).
        public var statusEveryBatches = 16
        /// Days after which dead letters are deleted (the retention of personal data); nil keeps them.
        public var deadLetterRetentionDays: Int?

        /// Defaults for `gateID`.
        public init(gateID: String) {
            self.gateID = gateID
        }
    }

    /// Test seams between the steps of a delivery.
    public struct Hooks: Sendable {
        /// Called after the server acknowledged `ids` and before they leave the outbox; a
        /// throw here ends the forwarder as a crash would (the T5 test).
        public var beforeAcknowledge: @Sendable ([String]) async throws -> Void = { _ in }
        /// Called with every request sent.
        public var didSend: @Sendable ([String]) -> Void = { _ in }
        /// Called with every set of ids parked as dead letters.
        public var didPark: @Sendable ([String]) -> Void = { _ in }
        /// No hooks.
        public init() {}
    }

    /// The store whose outbox is drained.
    public let store: CheckInStore
    /// Where batches go.
    public let transport: any BatchTransport
    /// Limits.
    public let configuration: Configuration
    /// The monotonic clock for linger and backoff (never the wall clock).
    public let clock: any Clock<Duration>
    /// Wall clock for `forwarded_at` and the oldest-age figure only.
    public let now: @Sendable () -> Date
    /// Randomness for the backoff jitter.
    public let random: any RandomNumberGenerator & Sendable
    /// Status and metrics.
    public let monitor: ForwarderMonitor
    /// Logger.
    public let logger: Logger
    /// Test seams.
    public var hooks = Hooks()

    /// Creates a forwarder.
    public init(
        store: CheckInStore,
        transport: any BatchTransport,
        configuration: Configuration,
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() },
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        monitor: ForwarderMonitor = ForwarderMonitor(),
        logger: Logger
    ) {
        self.store = store
        self.transport = transport
        self.configuration = configuration
        self.clock = clock
        self.now = now
        self.random = random
        self.monitor = monitor
        self.logger = logger
    }

    /// Short, for lifecycle logs.
    public var description: String { "Forwarder" }

    /// Runs until graceful shutdown or cancellation. A request in flight keeps its own
    /// deadline; nothing depends on a clean stop (the server dedups what is resent).
    ///
    /// A store error (a full disk, `SQLITE_FULL`, a failed read) never ends the forwarder,
    /// which would stop the daemon's service group and intake with it: the batch in hand is
    /// let go (its records stay in the outbox), the alarm is raised, and the forwarder backs
    /// off (exponentially, up to `maxBackoff`) and starts over from the outbox. Only
    /// cancellation, shutdown, or a test hook's throw end it.
    public func run() async throws {
        var loop = Loop(machine: StateMachine(configuration: configuration.machine), random: self.random)
        var storeFailures = 0
        var needsStatus = true
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                if needsStatus {
                    try await refreshStatus()
                    needsStatus = false
                }
                guard try await step(&loop) else { return }
                if storeFailures > 0 {
                    storeFailures = 0
                    monitor.setStoreAlarm(nil)
                    logger.notice("forwarder store works again")
                }
            } catch let abort as HookAbort {
                throw abort.underlying
            } catch {
                if Task.isCancelled { return }
                storeFailures += 1
                needsStatus = true
                loop.reset(configuration: configuration.machine)
                let delay = StateMachine.ceiling(
                    initial: configuration.machine.initialBackoff, cap: configuration.machine.maxBackoff, failures: storeFailures)
                let wait = max(delay, configuration.machine.minimumBackoff)
                monitor.setStoreAlarm("the gate's database failed while forwarding (\(error)); check the disk and the state directory")
                logger.error(
                    "forwarder store failed; backing off",
                    metadata: [
                        "error": .string("\(error)"), "forwarder.store_failures": "\(storeFailures)",
                        "forwarder.backoff_ms": "\(wait.nanoseconds / 1_000_000)",
                    ])
                guard await pause(wait) else { return }
            }
        }
    }

    /// What the loop carries from one step to the next.
    struct Loop {
        var machine: StateMachine
        var random: any RandomNumberGenerator
        var lingered = false
        var batches = 0
        var lastHousekeeping: Date?
        /// The next batch, read and encoded while the previous request was in flight.
        var readAhead: (fetched: Int, encoded: [EncodedRecord]) = (0, [])

        /// After a store failure: forget the batch in hand (its records are still in the outbox).
        mutating func reset(configuration: StateMachine.Configuration) {
            let limit = machine.batchLimit
            machine = StateMachine(configuration: configuration, batchLimit: limit)
            lingered = false
            readAhead = (0, [])
        }
    }

    /// A test hook's throw, carried past the store-error recovery so it ends the forwarder as a crash would.
    struct HookAbort: Error {
        var underlying: any Error
    }

    /// One turn of the loop: read, linger or deliver one batch. False when stopped.
    private func step(_ loop: inout Loop) async throws -> Bool {
        let fetched: Int
        var encoded: [EncodedRecord]?
        if loop.readAhead.fetched == 0 {
            let records = try await store.outboxBatch(limit: loop.machine.batchLimit)
            fetched = records.count
            if fetched > 0 && !(fetched < loop.machine.batchLimit && !loop.lingered && configuration.linger > .zero) {
                encoded = encode(records)
            }
        } else {
            fetched = loop.readAhead.fetched
            encoded = Array(loop.readAhead.encoded.prefix(loop.machine.batchLimit))
            loop.readAhead = (0, [])
        }
        if fetched == 0 {
            loop.lingered = false
            if let days = configuration.deadLetterRetentionDays, loop.lastHousekeeping.map({ abs(now().timeIntervalSince($0)) > 3600 }) ?? true {
                loop.lastHousekeeping = now()
                let purged = try await store.purgeDeadLetters(parkedBefore: now().addingTimeInterval(-Double(days) * 86_400))
                if purged > 0 { logger.notice("dead letters past retention deleted", metadata: ["forwarder.purged": "\(purged)"]) }
            }
            try await refreshStatus()
            return await pause(configuration.idlePoll)
        }
        if fetched < loop.machine.batchLimit && !loop.lingered && configuration.linger > .zero {
            loop.lingered = true
            return await pause(configuration.linger)
        }
        loop.lingered = false
        guard let batch = encoded, !batch.isEmpty else { return true }
        // Read and encode the next batch while this one is on the wire. Only this request's
        // ids can leave the outbox meanwhile, and they are left out; anything recorded
        // later is picked up by a later read.
        let nextLimit = loop.machine.batchLimit
        let sending = batch.map(\.id)
        async let upcoming = readAndEncode(limit: nextLimit, excluding: sending)
        let finished = try await deliver(batch, machine: &loop.machine, random: &loop.random)
        guard finished else { return false }
        loop.readAhead = try await upcoming
        loop.batches += 1
        if loop.batches % max(1, configuration.statusEveryBatches) == 0 { try await refreshStatus() }
        return true
    }

    /// A record ready for the wire.
    typealias EncodedRecord = (id: String, bytes: [UInt8])

    private func readAndEncode(limit: Int, excluding: [String]) async throws -> (fetched: Int, encoded: [EncodedRecord]) {
        let records = try await store.outboxBatch(limit: limit, excluding: excluding)
        return (records.count, encode(records))
    }

    /// The records' encodings, cut to the byte bound (at least one record).
    private func encode(_ records: [StoredCheckIn]) -> [EncodedRecord] {
        var out: [EncodedRecord] = []
        var total = 0
        for record in records {
            let bytes = CentralBatchCodec.encodeRecord(record)
            if !out.isEmpty && total + bytes.count + 1 > configuration.maxBatchBytes - 256 { break }
            total += bytes.count + 1
            out.append((record.id, bytes))
        }
        return out
    }

    /// Works one batch through the state machine until it is resolved; false when stopped.
    private func deliver(
        _ encoded: [EncodedRecord],
        machine: inout StateMachine,
        random: inout any RandomNumberGenerator
    ) async throws -> Bool {
        var bodies: [String: [UInt8]] = [:]
        bodies.reserveCapacity(encoded.count)
        for entry in encoded { bodies[entry.id] = entry.bytes }
        let head = try await store.chainHead()
        var pending: [StateMachine.Action] = [machine.start(encoded.map(\.id))]
        while !pending.isEmpty {
            let action = pending.removeFirst()
            switch action {
            case .send(let ids):
                let key = CentralBatchCodec.idempotencyKey(gateID: configuration.gateID, ids: ids)
                let body = CentralBatchCodec.encodeBatch(
                    batchID: key,
                    gateID: configuration.gateID,
                    head: head,
                    records: ids.compactMap { bodies[$0] }
                )
                hooks.didSend(ids)
                let outcome = await transport.send(OutgoingBatch(batchID: key, idempotencyKey: key, ids: ids, body: body))
                if Task.isCancelled { return false }
                pending += machine.handle(outcome, random: &random)
            case .acknowledge(let ids):
                do {
                    try await hooks.beforeAcknowledge(ids)
                } catch {
                    throw HookAbort(underlying: error)
                }
                let date = now()
                try await store.markForwarded(ids, at: date)
                monitor.recordSuccess(at: date)
            case .park(let parkings):
                let milliseconds = Int64(now().timeIntervalSince1970 * 1000)
                try await store.park(
                    parkings.map {
                        DeadLetter(
                            checkInID: $0.id,
                            parkedAtMilliseconds: milliseconds,
                            httpStatus: $0.status,
                            responseExcerpt: String($0.answer.prefix(1024)),
                            error: $0.error
                        )
                    }
                )
                hooks.didPark(parkings.map(\.id))
                logger.warning("records parked as dead letters", metadata: ["forwarder.parked": "\(parkings.count)"])
                try await refreshStatus()
            case .countRetry(let failureClass):
                monitor.countRetry(failureClass.rawValue)
            case .wait(let delay, let failureClass):
                logger.notice(
                    "central delivery failed; backing off",
                    metadata: [
                        "forwarder.class": .string(failureClass.rawValue),
                        "forwarder.batch_size": "\(machine.inFlight.count)",
                        "forwarder.backoff_ms": "\(delay.nanoseconds / 1_000_000)",
                    ]
                )
                try await store.recordAttempt(machine.inFlight, error: failureClass.rawValue)
                try await refreshStatus()
                guard await pause(delay) else { return false }
                pending.append(machine.resume())
            case .pause(let status, _):
                let alarm = "central refused the gate's credentials (HTTP \(status)); check central.token_file or the client certificate"
                monitor.setAuthAlarm(alarm)
                logger.error("forwarding paused: credentials refused", metadata: ["forwarder.http_status": "\(status)"])
                try await store.recordAttempt(machine.inFlight, error: "HTTP \(status)")
                guard await pause(configuration.authProbeInterval) else { return false }
                pending.append(machine.resume())
            case .finished:
                return true
            }
        }
        return true
    }

    /// Sleeps on the monotonic clock; false when shutdown or cancellation interrupted it.
    private func pause(_ duration: Duration) async -> Bool { await clock.pauseUnlessStopping(for: duration) }

    private func refreshStatus() async throws {
        let depth = try await store.outboxDepth()
        let oldest = try await store.oldestUnsentMilliseconds()
        let dead = try await store.deadLetterCount()
        let age = oldest.map { max(0, now().timeIntervalSince1970 - Double($0) / 1000) }
        monitor.setOutbox(depth: depth, oldestAgeSeconds: age, deadLetters: dead)
    }
}
