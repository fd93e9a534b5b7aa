import ArgumentParser
import Foundation
import Logging
import QRGateDaemon

/// `qrgate`: the checkpoint gateway's single executable.
@main
struct QRGateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qrgate",
        abstract: "Checkpoint kiosk gateway: scan QR credentials, decide admission, record check-ins.",
        discussion: """
            Exit status: 0 success, 1 negative answer (invalid credential, failed test, unreadable file), \
            2 usage error, 69 capability not built yet, 78 invalid configuration.
            """,
        version: qrgateVersion,
        subcommands: [
            RunCommand.self,
            ScanCommand.self,
            InspectCommand.self,
            RulesCommand.self,
            ReceiptCommand.self,
            ExportCommand.self,
            StatusCommand.self,
            ConfigCommand.self,
            TokenCommand.self,
            ChainCommand.self,
            DemoCommand.self,
            TrustCommand.self,
        ]
    )

    /// Parses and runs, mapping argument-parser's usage errors (EX_USAGE, 64) to the contract's 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Exit statuses of the command-line contract.
enum ExitStatus {
    /// The answer is negative: an invalid credential, a failed rule test, an unreadable file among several.
    static let negative = ExitCode(1)
    /// The configuration is invalid (EX_CONFIG).
    static let invalidConfiguration = ExitCode(78)
}

/// Writes one line to standard error. Under systemd (`JOURNAL_STREAM` set) every line of it starts
/// with the error priority `<3>`, as the log handler's lines carry theirs: journald files the message
/// (an invalid configuration, say) as an error instead of at the stream's default, info.
func printError(_ message: String) {
    let journald = ProcessInfo.processInfo.environment["JOURNAL_STREAM"].map { !$0.isEmpty } ?? false
    let text = journald ? message.split(separator: "\n", omittingEmptySubsequences: false).map { "<3>" + $0 }.joined(separator: "\n") : message
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The process logger: our journald-friendly handler at the configured level.
func makeLogger(level: String) -> Logger {
    let parsed = Logger.Level(rawValue: level) ?? .info
    LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: parsed) }
    var logger = Logger(label: "qrgate")
    logger.logLevel = parsed
    return logger
}
