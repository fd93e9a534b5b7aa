/// The open connections of the local API and which of them are serving a request: a pure
/// state machine that decides, for each new connection, whether it may stay and which idle
/// connection makes room for it.
///
/// A client that opens many idle connections cannot lock others out: at the limit the
/// connection that has been idle longest is closed to admit the new one. Only when every
/// connection is serving a request is the new one refused.
struct ConnectionTable<ID: Hashable, Instant: Comparable> {
    /// What to do with a new connection.
    enum Admission: Equatable {
        /// Keep it.
        case admit
        /// Keep it, and close `evict` (the longest-idle connection) to make room.
        case admitEvicting(ID)
        /// Close it: every open connection is serving a request.
        case refuse
    }

    private struct Entry {
        var requestsInProgress = 0
        var lastActive: Instant
    }

    /// Most connections kept open at once.
    let maximum: Int
    private var entries: [ID: Entry] = [:]

    /// A table admitting at most `maximum` connections (at least 1).
    init(maximum: Int) {
        self.maximum = max(1, maximum)
    }

    /// Connections held open.
    var count: Int { entries.count }

    /// Decides about a new connection `id` accepted at `now` and records it when admitted.
    mutating func open(_ id: ID, at now: Instant) -> Admission {
        var admission = Admission.admit
        if entries.count >= maximum {
            let idle = entries.filter { $0.value.requestsInProgress == 0 }
            guard let victim = idle.min(by: { $0.value.lastActive < $1.value.lastActive })?.key else { return .refuse }
            entries.removeValue(forKey: victim)
            admission = .admitEvicting(victim)
        }
        entries[id] = Entry(lastActive: now)
        return admission
    }

    /// A request on `id` started.
    mutating func requestStarted(_ id: ID, at now: Instant) {
        entries[id]?.requestsInProgress += 1
        entries[id]?.lastActive = now
    }

    /// A request on `id` ended (its response was written or failed).
    mutating func requestEnded(_ id: ID, at now: Instant) {
        guard var entry = entries[id] else { return }
        entry.requestsInProgress = max(0, entry.requestsInProgress - 1)
        entry.lastActive = now
        entries[id] = entry
    }

    /// `id` closed.
    mutating func close(_ id: ID) {
        entries.removeValue(forKey: id)
    }
}
