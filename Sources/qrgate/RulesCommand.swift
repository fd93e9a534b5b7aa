import ArgumentParser
import Foundation
import QRGateCore
import QRGateFiles

/// `qrgate rules …`: CertLogic business rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Evaluate and test CertLogic business rules.",
        subcommands: [Eval.self, Test.self]
    )

    /// `qrgate rules eval`.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Evaluate one CertLogic expression against data.",
            discussion:
                "Prints only the result as JSON (a date-time as \"2021-06-01T00:00:00.000Z\") and exits 0; a static or evaluation error goes to standard error with exit 1."
        )
        @Option(help: "File with the CertLogic expression (JSON).") var logic: String
        @Option(help: "File with the data (JSON).") var data: String

        func run() throws {
            let logicText = try readText(logic)
            let dataText = try readText(data)
            do {
                print(try CertLogicExpression.evaluateForCommandLine(logic: logicText, data: dataText))
            } catch {
                printError("qrgate rules eval: \(error)")
                throw ExitStatus.negative
            }
        }
    }

    /// `qrgate rules test`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run CertLogic suite files or rule-test folders.",
            discussion: "Prints one line per failed or skipped case, then 'N passed, M failed'; exit 1 on any failure."
        )
        @Argument(help: "A CertLogic suite file or folder, or a rule-test folder (<CC>/<RULE-ID>/rule.json + tests/).") var path: String

        func run() throws {
            let report: CertLogicTestReport
            do {
                report = try CertLogicTestRunner().run(path: path)
            } catch {
                printError("qrgate rules test: \(error)")
                throw ExitStatus.negative
            }
            let text = report.renderedText
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            if !report.succeeded { throw ExitStatus.negative }
        }
    }
}

/// The contents of `path` as UTF-8 text, or exit 1 with a clear message.
func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("qrgate: cannot read \(path); check the path and its permissions")
        throw ExitStatus.negative
    }
    return String(decoding: data, as: UTF8.self)
}
