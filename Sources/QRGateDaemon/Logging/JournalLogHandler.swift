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
        let data = Data(line(level: event.level, message: "\(event.message)", metadata: event.metadata).utf8)
        Self.output.withLock { $0.write(data) }
    }

    /// The line written for one message, ending in its only newline.
    func line(level: Logger.Level, message: String, metadata extra: Logger.Metadata?) -> String {
        var merged = metadata
        if let extra { merged.merge(extra) { _, new in new } }
        var line = ""
        if journald {
            line += "<\(Self.priority(of: level))>"
        } else {
            line += Date().formatted(.iso8601) + " " + level.rawValue.uppercased() + " "
        }
        line += Self.escaped(label) + ": " + Self.escaped(message)
        for key in merged.keys.sorted() {
            line += " \(Self.escaped(key))=\(Self.render(merged[key]!))"
        }
        // One message is one line: every control character is escaped above, so text from a
        // client or a QR code can neither split a journald entry nor forge a line or a field.
        return line + "\n"
    }

    private static func render(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let s):
            let text = escaped(s)
            return text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : text
        case .stringConvertible(let c): return render(.string(c.description))
        case .array(let a): return "[" + a.map(render).joined(separator: ",") + "]"
        case .dictionary(let d): return "{" + d.keys.sorted().map { "\(escaped($0))=\(render(d[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// `text` with every control character escaped: C0 and C1 controls and DEL (`\n`, `\r`,
    /// `\t`, else `\u{1B}`), the Unicode line and paragraph separators and the bidirectional
    /// overrides that reorder what a reader sees; a backslash is doubled so escapes stay unambiguous.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\\" }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (NEL U+0085 among them)
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional marks and overrides
        default: false
        }
    }
}
