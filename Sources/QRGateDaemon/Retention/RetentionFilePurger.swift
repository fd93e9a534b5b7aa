import CoreFoundation
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deletes the files that hold personal data outside the database once they are past their
/// time: receipt PNGs (`receipts.directory`) and `.corrupt-*` copies of the database (made at a
/// failed integrity check) after the retention period, and kept scan images
/// (`<scanner.folder>/processed/`) after `scanner.keep_max_hours`. Only regular files are
/// deleted (looked at with `lstat`, links never followed); ages are modification times.
public struct RetentionFilePurger: Sendable {
    /// A folder and which of its files are purged after how long.
    public struct Rule: Sendable, Equatable {
        /// The folder.
        public var directory: String
        /// Files whose name starts with this (empty: any).
        public var prefix: String
        /// Files whose name ends with this (empty: any).
        public var suffix: String
        /// Age past which a file is deleted.
        public var maxAge: TimeInterval

        /// Creates a rule.
        public init(directory: String, prefix: String = "", suffix: String = "", maxAge: TimeInterval) {
            self.directory = directory
            self.prefix = prefix
            self.suffix = suffix
            self.maxAge = maxAge
        }
    }

    /// What is purged.
    public var rules: [Rule]

    /// A purger for these rules.
    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// The daemon's rules for `configuration`, with the database at `databasePath`.
    public init(configuration: GatewayConfiguration, databasePath: String) {
        let retention = TimeInterval(configuration.storage.retentionDays) * 86_400
        var rules: [Rule] = []
        if !configuration.receipts.directory.isEmpty {
            rules.append(Rule(directory: configuration.statePath(configuration.receipts.directory), suffix: ".png", maxAge: retention))
        }
        let database = URL(fileURLWithPath: databasePath)
        rules.append(Rule(directory: database.deletingLastPathComponent().path, prefix: database.lastPathComponent + ".corrupt-", maxAge: retention))
        // Also when `after_scan` is now `delete`: images kept under an earlier setting go too.
        rules.append(
            Rule(directory: configuration.statePath(configuration.scanner.folder) + "/processed", maxAge: configuration.scanner.keepMaxHours * 3600))
        self.rules = rules
    }

    /// Deletes every file past its rule's age at `now`; returns how many went, per folder.
    @discardableResult
    public func purge(now: Date) -> [String: Int] {
        var purged: [String: Int] = [:]
        let nowSeconds = now.timeIntervalSince1970
        for rule in rules {
            guard let directory = opendir(rule.directory) else { continue }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                if !rule.prefix.isEmpty && !name.hasPrefix(rule.prefix) { continue }
                if !rule.suffix.isEmpty && !name.lowercased().hasSuffix(rule.suffix) { continue }
                names.append(name)
            }
            closedir(directory)
            for name in names {
                let path = rule.directory + "/" + name
                // Not followed through a symbolic link: only regular files are purged.
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType == .typeRegular,
                    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
                else { continue }
                if nowSeconds - modified > rule.maxAge, unlink(path) == 0 {
                    purged[rule.directory, default: 0] += 1
                }
            }
        }
        return purged
    }
}
