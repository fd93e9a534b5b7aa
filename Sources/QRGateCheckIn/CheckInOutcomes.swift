import Foundation
import QRGateCore
import QRGateStore
import Synchronization

/// What the intake does before a decision, for the screen.
public enum IntakeActivity: Sendable, Equatable {
    /// Codes were read and are being decided.
    case reading
    /// A presentation is open and waits for more.
    case waiting(PresentationProgress)
}

/// One event of the check-in path as the screen follows it.
public enum CheckInEvent: Sendable {
    /// The intake is reading codes or holding a presentation.
    case activity(IntakeActivity)
    /// A decision, once final.
    case decided(AnnouncedOutcome)
}

/// What one scan led to.
public enum CheckInOutcome: Sendable {
    /// Recorded (committed) with this decision and receipt.
    case recorded(StoredCheckIn, receipt: String?)
    /// Not recorded: the store refused (quota, disk); the citizen is told to ask staff.
    case notRecorded(Decision, reason: String)
}

/// One announced outcome, with what the log and the screen want besides the decision.
public struct AnnouncedOutcome: Sendable {
    /// The outcome.
    public var outcome: CheckInOutcome
    /// Where the scan came from (`camera /dev/video0`, a file name, `api`).
    public var origin: String
    /// Why some codes of the scan were unusable (no personal data).
    public var problems: [String]
    /// The store error code, when the check-in was not recorded.
    public var storeError: String?
}

/// The outcome stream: every decision, in order, once it is final (recorded, or refused because
/// the store could not record it). Subscribers are the log now, the kiosk screen next. A slow
/// subscriber loses its oldest unread outcomes, never delays a scan.
public final class CheckInOutcomes: Sendable {
    private let subscribers = Mutex<[Int: AsyncStream<AnnouncedOutcome>.Continuation]>([:])
    private let eventSubscribers = Mutex<[Int: AsyncStream<CheckInEvent>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    /// An empty stream with no subscriber.
    public init() {}

    /// A new subscription, holding at most `buffer` unread outcomes.
    public func subscribe(buffer: Int = 64) -> AsyncStream<AnnouncedOutcome> {
        let (stream, continuation) = AsyncStream.makeStream(of: AnnouncedOutcome.self, bufferingPolicy: .bufferingNewest(max(1, buffer)))
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// A new subscription to everything the screen shows, in the order it happened: what the
    /// intake is doing before a decision (a scan being read, an open presentation's progress)
    /// and each decision; at most `buffer` unread events. Activity is never a decision.
    public func subscribeEvents(buffer: Int = 16) -> AsyncStream<CheckInEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: CheckInEvent.self, bufferingPolicy: .bufferingNewest(max(1, buffer)))
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        eventSubscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.eventSubscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Announces what the intake is doing.
    func publish(progress: IntakeActivity) {
        for continuation in eventSubscribers.withLock({ Array($0.values) }) { continuation.yield(.activity(progress)) }
    }

    /// Number of subscribers now.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Announces an outcome to every subscriber.
    func publish(_ announced: AnnouncedOutcome) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(announced) }
        for continuation in eventSubscribers.withLock({ Array($0.values) }) { continuation.yield(.decided(announced)) }
    }

    /// Ends every subscription (shutdown).
    public func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
        for continuation in eventSubscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
