import Foundation
import Logging
import QRGateCore
import Synchronization

/// The signer certificates the pipeline verifies against: the operator's files (`trust.path`)
/// plus the trust list the central sync installed (`central/trust-list.json`). The synced file is
/// replaced by rename, so a changed modification time means a complete new list: it is loaded
/// and swapped in whole before the next scan, and a list that fails to load keeps the old one.
public final class TrustStoreSource: Sendable {
    private struct State {
        var store: TrustStore
        var syncedStamp: Date?
    }

    private let base: TrustStore
    private let syncedPath: String
    private let logger: Logger
    private let state: Mutex<State>

    /// Loads the operator's trust files (if any) and the synced list (if any).
    public init(trustPath: String, syncedPath: String, logger: Logger) throws {
        base = FileManager.default.fileExists(atPath: trustPath) ? try TrustStore.load(path: trustPath) : TrustStore()
        self.syncedPath = syncedPath
        self.logger = logger
        state = Mutex(State(store: base, syncedStamp: nil))
        _ = current()
    }

    /// Validates a trust list as the sync would install it: it must parse and name at least one signer.
    public static func validate(_ data: Data) throws {
        let entries = try TrustStore.entries(fromFileContents: Array(data), fileName: "trust-list.json")
        guard !entries.isEmpty else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the trust list names no signer certificate"])
        }
    }

    /// Number of trusted signers now.
    public var count: Int { current().entries.count }

    /// The trust store to use for the next scan.
    public func current() -> TrustStore {
        let stamp = (try? FileManager.default.attributesOfItem(atPath: syncedPath))?[.modificationDate] as? Date
        return state.withLock { state in
            guard stamp != state.syncedStamp else { return state.store }
            state.syncedStamp = stamp
            guard stamp != nil else {
                state.store = base
                return state.store
            }
            do {
                let synced = try TrustStore.entries(fromFileContents: Array(try Data(contentsOf: URL(fileURLWithPath: syncedPath))), fileName: "trust-list.json")
                state.store = TrustStore(base.entries + synced)
                logger.notice("trust list installed", metadata: ["trust.signers": .stringConvertible(state.store.entries.count)])
            } catch {
                logger.error("synced trust list unreadable; keeping the previous one", metadata: ["error": .string("\(error)")])
            }
            return state.store
        }
    }
}
