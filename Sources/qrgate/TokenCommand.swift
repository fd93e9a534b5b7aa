import ArgumentParser
import Foundation
import QRGateCore
import QRGateDaemon
import QRGateStore

extension APIRole: ExpressibleByArgument {}

/// `qrgate token …`: bearer tokens of the local API, stored as hashes in the state database.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens for supervisors, operators and kiosks.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// `qrgate token create`: prints the secret once on standard output.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a token with a role; prints its secret once (only its hash is stored)."
        )
        @Option(help: "supervisor, operator or kiosk.") var role: APIRole
        @Option(help: "Who holds the token.") var name: String
        @Option(help: "Configuration file. Default as for 'qrgate run'.") var config: String?

        func run() throws {
            let configuration = try GateStateAccess.configuration(file: config)
            let database = try GateStateAccess.openWritable(configuration)
            do {
                let (token, secret) = try APITokenStore(database: database).create(role: role, name: name)
                print(secret)
                printError("qrgate: created token \(token.id) (\(token.role.rawValue)) for \(token.name); the secret above is shown only this once")
            } catch {
                printError("qrgate: \(error.description)")
                throw error.code == .invalidName ? ExitCode(2) : ExitStatus.negative
            }
        }
    }

    /// `qrgate token list`: ids, roles, holders and state; never secrets.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never their secrets).")
        @Flag(help: "One JSON object per token (NDJSON).") var json = false
        @Option(help: "Configuration file. Default as for 'qrgate run'.") var config: String?

        func run() throws {
            let configuration = try GateStateAccess.configuration(file: config)
            let database = try GateStateAccess.openWritable(configuration)
            let tokens: [APIToken]
            do { tokens = try APITokenStore(database: database).list() } catch {
                printError("qrgate: \(error.description)")
                throw ExitStatus.negative
            }
            if !json { print("ID\tROLE\tSTATE\tCREATED\tNAME") }
            for token in tokens {
                let created = ExportTime.iso8601(milliseconds: token.createdAtMilliseconds)
                let state = token.isActive ? "active" : "revoked"
                if json {
                    let name = String(decoding: (try? JSONEncoder().encode(token.name)) ?? Data("\"\"".utf8), as: UTF8.self)
                    print(
                        "{\"id\":\"\(token.id)\",\"role\":\"\(token.role.rawValue)\",\"state\":\"\(state)\",\"created_at\":\"\(created)\",\"name\":\(name)}"
                    )
                } else {
                    print("\(token.id)\t\(token.role.rawValue)\t\(state)\t\(created)\t\(token.name)")
                }
            }
        }
    }

    /// `qrgate token revoke ID`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token; it is refused from then on.")
        @Argument(help: "Token id (see 'qrgate token list').") var id: String
        @Option(help: "Configuration file. Default as for 'qrgate run'.") var config: String?

        func run() throws {
            let configuration = try GateStateAccess.configuration(file: config)
            let database = try GateStateAccess.openWritable(configuration)
            do {
                let token = try APITokenStore(database: database).revoke(id: id)
                printError("qrgate: revoked token \(token.id) (\(token.role.rawValue)) of \(token.name)")
            } catch {
                printError("qrgate: \(error.description)")
                throw ExitStatus.negative
            }
        }
    }
}
