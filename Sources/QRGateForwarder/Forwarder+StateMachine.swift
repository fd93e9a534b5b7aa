import Foundation

extension Forwarder {
    /// The retry, backoff, bisection and batch-size logic of the forwarder, as a pure value:
    /// it is told what happened to a request and answers with what to do next. No I/O, no
    /// clock, no randomness of its own (the caller passes a generator), so every path is a
    /// unit test.
    ///
    /// One batch at a time: ``start(_:)`` takes the ids of a new batch and answers `.send`;
    /// each answer from the transport goes to ``handle(_:random:)``, whose last action is
    /// `.send` (the next request of this batch), `.wait` (back off, then call ``resume()``),
    /// `.pause` (credentials refused: alarm, then ``resume()`` after the probe interval) or
    /// `.finished` (the batch is resolved: every id acknowledged or parked).
    public struct StateMachine: Sendable {
        /// Limits of the machine.
        public struct Configuration: Sendable, Equatable {
            /// Most records in one request.
            public var maxRecords = 500
            /// Shortest wait before any retry, whatever the jitter drew or the server's
            /// `Retry-After` said (`0` or a date in the past would otherwise retry at once).
            public var minimumBackoff: Duration = .milliseconds(100)
            /// First backoff ceiling; doubles per consecutive failure.
            public var initialBackoff: Duration = .milliseconds(500)
            /// Largest backoff ceiling.
            public var maxBackoff: Duration = .seconds(300)
            /// Largest wait a server's `Retry-After` can impose.
            public var retryAfterCap: Duration = .seconds(900)
            /// Consecutive successes after which a batch size halved by 413 doubles again.
            public var growAfterSuccesses = 8
            /// The defaults.
            public init() {}
        }

        /// Why a request failed, as counted in `qrgate_forward_retries_total{class}`.
        public enum FailureClass: String, Sendable, Hashable, CaseIterable {
            /// The connection could not be made or broke.
            case connection
            /// No answer in time.
            case timeout
            /// 408 Request Timeout.
            case requestTimeout = "408"
            /// 429 Too Many Requests.
            case tooManyRequests = "429"
            /// Any 5xx.
            case serverError = "5xx"
            /// 413: the batch was halved.
            case tooLarge = "413"
            /// 400: the batch is being bisected.
            case badRequest = "400"
            /// 401/403: forwarding paused.
            case unauthorized = "auth"
            /// A 2xx that did not settle every record.
            case partial
            /// Any other status (404, 409 …): retried with backoff, it usually means a misconfigured URL.
            case other
        }

        /// The answer to one request.
        public enum Outcome: Sendable, Equatable {
            /// A 2xx with per-record results; ids not named were not settled and are resent.
            case answered(status: Int, accepted: [String], duplicates: [String], rejected: [Rejection])
            /// The connection failed or broke before a complete answer.
            case connectionFailed(String)
            /// No answer within the request deadline.
            case timedOut
            /// A non-2xx status with the server's `Retry-After` (already converted to a duration) and body excerpt.
            case status(Int, retryAfter: Duration?, body: String)
        }

        /// A record the server refused for good, with its reason.
        public struct Rejection: Sendable, Hashable {
            /// Record id.
            public var id: String
            /// The server's reason.
            public var reason: String
            /// Creates a rejection.
            public init(id: String, reason: String) {
                self.id = id
                self.reason = reason
            }
        }

        /// A record to park in `dead_letters`.
        public struct Parking: Sendable, Hashable {
            /// Record id.
            public var id: String
            /// HTTP status of the answer that condemned it.
            public var status: Int?
            /// The server's answer (excerpt).
            public var answer: String
            /// Why.
            public var error: String
        }

        /// What the forwarder must do next; the last action of a list decides how the loop goes on.
        public enum Action: Sendable, Equatable {
            /// Remove these ids from the outbox (acknowledged: accepted or duplicate).
            case acknowledge([String])
            /// Park these records in `dead_letters`.
            case park([Parking])
            /// Count a retry of this class.
            case countRetry(FailureClass)
            /// Send these ids now.
            case send([String])
            /// Wait this long on the monotonic clock, then call ``resume()``.
            case wait(Duration, FailureClass)
            /// Credentials refused: raise the alarm, keep the data, probe again later via ``resume()``.
            case pause(status: Int, answer: String)
            /// The batch is resolved.
            case finished
        }

        /// The limits.
        public let configuration: Configuration
        /// Records the next batch may hold (halved by 413, regrown after successes).
        public private(set) var batchLimit: Int
        /// Failures since the last success (drives the backoff exponent).
        public private(set) var consecutiveFailures = 0
        /// Whether forwarding is paused for credentials.
        public private(set) var isPaused = false

        private var successesSinceShrink = 0
        /// The request in flight (or to be repeated after a wait).
        public private(set) var inFlight: [String] = []
        /// Parts of the batch not sent yet, in order.
        private var queue: [[String]] = []
        /// While bisecting: the untested other half of the range being narrowed, and the
        /// answer that condemned the range.
        private var probe: (sibling: [String], status: Int, answer: String)?

        /// A machine with these limits.
        public init(configuration: Configuration = .init()) {
            self.configuration = configuration
            self.batchLimit = max(1, configuration.maxRecords)
        }

        /// A machine with these limits that keeps an already learnt batch size (after a store
        /// failure the forwarder starts over without forgetting what a 413 taught it).
        init(configuration: Configuration, batchLimit: Int) {
            self.configuration = configuration
            self.batchLimit = max(1, min(batchLimit, configuration.maxRecords))
        }

        /// Starts a new batch (the previous one must be finished).
        public mutating func start(_ ids: [String]) -> Action {
            precondition(inFlight.isEmpty && queue.isEmpty, "a batch is already in flight")
            probe = nil
            guard !ids.isEmpty else { return .finished }
            inFlight = ids
            return .send(ids)
        }

        /// After a `.wait` or `.pause`: the request to repeat.
        public mutating func resume() -> Action {
            isPaused = false
            return inFlight.isEmpty ? .finished : .send(inFlight)
        }

        /// The answer to the request in flight.
        public mutating func handle(_ outcome: Outcome, random: inout some RandomNumberGenerator) -> [Action] {
            switch outcome {
            case .answered(let status, let accepted, let duplicates, let rejected):
                return answered(status: status, accepted: accepted, duplicates: duplicates, rejected: rejected, random: &random)
            case .connectionFailed:
                return retry(.connection, retryAfter: nil, random: &random)
            case .timedOut:
                return retry(.timeout, retryAfter: nil, random: &random)
            case .status(let code, let retryAfter, let body):
                switch code {
                case 400:
                    return badRequest(status: code, answer: body)
                case 413:
                    return tooLarge(answer: body)
                case 401, 403:
                    isPaused = true
                    consecutiveFailures += 1
                    return [.countRetry(.unauthorized), .pause(status: code, answer: body)]
                case 408:
                    return retry(.requestTimeout, retryAfter: retryAfter, random: &random)
                case 429:
                    return retry(.tooManyRequests, retryAfter: retryAfter, random: &random)
                case 500...599:
                    return retry(.serverError, retryAfter: retryAfter, random: &random)
                default:
                    return retry(.other, retryAfter: retryAfter, random: &random)
                }
            }
        }

        /// The backoff before retry number `failures` (1 = first retry): full jitter over
        /// an exponentially growing, capped ceiling, never below ``Configuration/minimumBackoff``.
        public func backoff(failures: Int, random: inout some RandomNumberGenerator) -> Duration {
            let ceiling = Self.ceiling(initial: configuration.initialBackoff, cap: configuration.maxBackoff, failures: failures)
            let floor = max(.zero, configuration.minimumBackoff)
            let nanoseconds = ceiling.nanoseconds
            guard nanoseconds > floor.nanoseconds else { return floor }
            return .nanoseconds(Int64.random(in: floor.nanoseconds...nanoseconds, using: &random))
        }

        static func ceiling(initial: Duration, cap: Duration, failures: Int) -> Duration {
            let exponent = min(max(failures - 1, 0), 40)
            let scaled = Double(initial.nanoseconds) * pow(2, Double(exponent))
            return .nanoseconds(Int64(min(scaled, Double(cap.nanoseconds))))
        }

        // MARK: - Transitions

        private mutating func answered(
            status: Int,
            accepted: [String],
            duplicates: [String],
            rejected: [Rejection],
            random: inout some RandomNumberGenerator
        ) -> [Action] {
            let sent = Set(inFlight)
            let settledAck = (accepted + duplicates).filter { sent.contains($0) }
            let rejections = rejected.filter { sent.contains($0.id) }
            var settled = Set(settledAck)
            settled.formUnion(rejections.map(\.id))
            var actions: [Action] = []
            if !settledAck.isEmpty { actions.append(.acknowledge(settledAck)) }
            if !rejections.isEmpty {
                actions.append(
                    .park(
                        rejections.map {
                            Parking(id: $0.id, status: status, answer: $0.reason, error: "rejected by the central service: \($0.reason)")
                        })
                )
            }
            let remaining = inFlight.filter { !settled.contains($0) }
            if remaining.isEmpty {
                consecutiveFailures = 0
                isPaused = false
                noteSuccess()
                if let probe {
                    // The tested half passed, so the untested sibling holds the poison.
                    self.probe = nil
                    return actions + narrow(probe.sibling, status: probe.status, answer: probe.answer)
                }
                return actions + next()
            }
            // Partial success: only the records not yet settled are sent again, never the whole batch.
            if let probe {
                queue.insert(probe.sibling, at: 0)
                self.probe = nil
            }
            inFlight = remaining
            return actions + retry(.partial, retryAfter: nil, random: &random)
        }

        private mutating func badRequest(status: Int, answer: String) -> [Action] {
            consecutiveFailures = 0
            var actions: [Action] = [.countRetry(.badRequest)]
            if let probe {
                // The tested half failed: the poison is in it; its sibling is sent normally later.
                queue.insert(probe.sibling, at: 0)
                self.probe = nil
            }
            actions += narrow(inFlight, status: status, answer: answer)
            return actions
        }

        /// `range` is known to hold a poison record: park it if alone, else test its first half.
        private mutating func narrow(_ range: [String], status: Int, answer: String) -> [Action] {
            if range.count == 1 {
                let parking = Parking(id: range[0], status: status, answer: answer, error: "the central service refused the record (HTTP \(status))")
                inFlight = []
                return [.park([parking])] + next()
            }
            let half = range.count / 2
            let first = Array(range[..<half])
            probe = (Array(range[half...]), status, answer)
            inFlight = first
            return [.send(first)]
        }

        private mutating func tooLarge(answer: String) -> [Action] {
            consecutiveFailures = 0
            successesSinceShrink = 0
            if inFlight.count == 1 {
                let parking = Parking(
                    id: inFlight[0], status: 413, answer: answer, error: "the record alone is larger than the central service accepts (HTTP 413)")
                inFlight = []
                return [.countRetry(.tooLarge), .park([parking])] + next()
            }
            let half = (inFlight.count + 1) / 2
            batchLimit = max(1, min(batchLimit, half))
            let first = Array(inFlight[..<half])
            queue.insert(Array(inFlight[half...]), at: 0)
            if let probe {
                // A bisection step that was too large: keep narrowing with smaller requests.
                queue.insert(probe.sibling, at: 1)
                self.probe = nil
            }
            inFlight = first
            return [.countRetry(.tooLarge), .send(first)]
        }

        private mutating func retry(_ failure: FailureClass, retryAfter: Duration?, random: inout some RandomNumberGenerator) -> [Action] {
            consecutiveFailures += 1
            let delay: Duration
            if let retryAfter {
                // The server may ask for more time, never for less than the gate's minimum.
                delay = min(max(retryAfter, configuration.minimumBackoff, .zero), max(configuration.retryAfterCap, configuration.minimumBackoff))
            } else {
                delay = backoff(failures: consecutiveFailures, random: &random)
            }
            return [.countRetry(failure), .wait(delay, failure)]
        }

        private mutating func noteSuccess() {
            successesSinceShrink += 1
            if batchLimit < configuration.maxRecords && successesSinceShrink >= configuration.growAfterSuccesses {
                batchLimit = min(configuration.maxRecords, batchLimit * 2)
                successesSinceShrink = 0
            }
        }

        /// The next queued part of the batch, or `.finished`.
        private mutating func next() -> [Action] {
            while let part = queue.first {
                queue.removeFirst()
                guard !part.isEmpty else { continue }
                // Parts larger than the current limit (after a 413) are split again.
                if part.count > batchLimit {
                    queue.insert(Array(part[batchLimit...]), at: 0)
                    inFlight = Array(part[..<batchLimit])
                } else {
                    inFlight = part
                }
                return [.send(inFlight)]
            }
            inFlight = []
            return [.finished]
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
