import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A task executor with one thread of its own, for work that blocks: a camera read that waits
/// for the next frame, zbar and image decoding, a printer's `getaddrinfo`/`poll`, file writes.
/// Code run under `withTaskExecutorPreference(executor)` runs its non-isolated async code here,
/// never on Swift's shared cooperative pool (two threads on a kiosk), so a hung device stalls
/// only its own task. Jobs run one at a time, in order. The thread lives as long as the process
/// (a daemon makes one per blocking role: intake, receipt delivery).
public final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    // `jobs` and `thread` are guarded by `condition`. The thread holds the executor: neither ever ends.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var thread: pthread_t?
    /// The thread's name (visible in `top -H` and in stack dumps).
    public let name: String

    /// Starts the thread.
    public init(name: String) {
        self.name = name
        let thread = Thread { self.loop() }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    /// Whether the caller runs on this executor's thread.
    public var isCurrent: Bool {
        condition.lock()
        defer { condition.unlock() }
        return thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    private func loop() {
        condition.lock()
        thread = pthread_self()
        condition.unlock()
        // The kernel's name of the thread (what `top -H` and /proc show; 15 bytes at most).
        if let comm = FileHandle(forWritingAtPath: "/proc/thread-self/comm") {
            comm.write(Data(name.utf8.prefix(15)))
            try? comm.close()
        }
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
