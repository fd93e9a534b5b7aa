import ArgumentParser

// Commands of the contract whose capability is still being built. Each parses its full
// contract, then says so on stderr and exits 69 — never a fake result.

/// `qrgate export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export check-ins from the local database.")
    @Option(help: "From this time (ISO 8601).") var since: String?
    @Option(help: "Until this time (ISO 8601).") var until: String?
    @Option(help: "csv, json or ndjson.") var format = "csv"
    @Option(help: "Configuration file.") var config: String?
    func run() throws { throw notBuiltYet("check-in export") }
}

/// `qrgate status`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the gate's state: outbox, last forward, quota.")
    @Option(help: "Configuration file.") var config: String?
    func run() throws { throw notBuiltYet("gate status") }
}

/// `qrgate token …`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens for supervisors, operators and kiosks.",
        subcommands: [Create.self, List.self, Revoke.self]
    )
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a token with a role.")
        @Option(help: "supervisor, operator or kiosk.") var role: String
        @Option(help: "Who holds the token.") var name: String
        func run() throws { throw notBuiltYet("API tokens") }
    }
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never their secrets).")
        func run() throws { throw notBuiltYet("API tokens") }
    }
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token.")
        @Argument(help: "Token id.") var id: String
        func run() throws { throw notBuiltYet("API tokens") }
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
