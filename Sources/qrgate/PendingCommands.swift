import ArgumentParser

// Commands of the contract whose capability is still being built. Each parses its full
// contract, then says so on stderr and exits 69 — never a fake result.

/// `qrgate scan`.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Decode the QR codes in image files (PNG, JPEG, PGM).")
    @Flag(help: "One JSON object per file (NDJSON).") var json = false
    @Argument(help: "Image files.") var images: [String]
    func run() throws { throw notBuiltYet("scanning image files") }
}

/// `qrgate inspect`.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Decode and verify one credential, reporting every check."
    )
    @Flag(help: "Print the report as JSON.") var json = false
    @Option(help: "Trusted signer certificates: a file or folder (PEM, base64 DER, DER, trust-list JSON).") var trust: String?
    @Option(help: "Verify as of this time (ISO 8601); default now.") var at: String?
    @Option(help: "Read the credential from the QR code in this image.") var image: String?
    @Argument(help: "The credential text, or - for standard input.") var text: String?
    func run() throws { throw notBuiltYet("credential inspection") }
}

/// `qrgate rules …`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Evaluate and test CertLogic business rules.",
        subcommands: [Eval.self, Test.self]
    )
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate one CertLogic expression against data.")
        @Option(help: "File with the CertLogic expression (JSON).") var logic: String
        @Option(help: "File with the data (JSON).") var data: String
        func run() throws { throw notBuiltYet("CertLogic evaluation") }
    }
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Run CertLogic suite files or rule-test folders.")
        @Argument(help: "A suite file or folder, or a rule-test folder.") var path: String
        func run() throws { throw notBuiltYet("rule tests") }
    }
}

/// `qrgate receipt …`.
struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Verify and render check-in receipts.",
        subcommands: [Verify.self, Render.self]
    )
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify a receipt token and print its claims.")
        @Argument(help: "The receipt token (QRG1:…).") var text: String
        func run() throws { throw notBuiltYet("receipt verification") }
    }
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "render", abstract: "Render a receipt as PNG, SVG, terminal or ESC/POS.")
        @Option(help: "png, svg, terminal or escpos.") var format = "terminal"
        @Option(name: .shortAndLong, help: "Output file; default standard output.") var output: String?
        @Argument(help: "A receipt token or a check-in id.") var token: String
        func run() throws { throw notBuiltYet("receipt rendering") }
    }
}

/// `qrgate chain …`.
struct ChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Check the audit chain of recorded check-ins.",
        subcommands: [Verify.self]
    )
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify the audit chain and report the first broken link.")
        @Option(help: "Configuration file.") var config: String?
        func run() throws { throw notBuiltYet("audit-chain verification") }
    }
}
