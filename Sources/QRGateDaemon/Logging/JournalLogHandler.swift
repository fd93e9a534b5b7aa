import Foundation
import Logging
import Synchronization

/// A swift-log handler writing one line per message to standard error.
///
/// Under systemd (`JOURNAL_STREAM` set) each line starts with the syslog priority in angle
/// brackets (`<6>`), which journald turns into the entry's priority, and carries no timestamp
/// (journald adds its own). Elsewhere lines carry an ISO 8601 time and the level in words.
public struct JournalLogHandler: LogHandler {
    /// Whether to write `<N>` priority prefixes instead of timestamps.
    public let journald: Bool
    /// The logger's label.
    public let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    private static let output = Mutex(FileHandle.standardError)

    /// A handler for `label`; `environment` decides the journald format.
    public init(label: String, level: Logger.Level, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        self.logLevel = level
        self.journald = environment["JOURNAL_STREAM"].map { !$0.isEmpty } ?? false
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The syslog priority journald understands for a swift-log level.
    public static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = ""
        if journald {
            line += "<\(Self.priority(of: event.level))>"
        } else {
            line += Date().formatted(.iso8601) + " " + event.level.rawValue.uppercased() + " "
        }
        line += "\(label): \(event.message)"
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.render(merged[key]!))"
        }
        // One message is one line: embedded newlines would split a journald entry.
        line = line.replacingOccurrences(of: "\n", with: "\\n") + "\n"
        let data = Data(line.utf8)
        Self.output.withLock { $0.write(data) }
    }

    private static func render(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let s): s.contains(" ") || s.isEmpty ? "\"\(s)\"" : s
        case .stringConvertible(let c): render(.string(c.description))
        case .array(let a): "[" + a.map(render).joined(separator: ",") + "]"
        case .dictionary(let d): "{" + d.keys.sorted().map { "\($0)=\(render(d[$0]!))" }.joined(separator: ",") + "}"
        }
    }
}
