import QRGateTestSupport
import Testing

/// `qrgate --help` lists the whole command-line contract of DESIGN.md.
@Suite struct CommandLineContractTests {
    @Test func helpListsEveryContractCommand() throws {
        let result = try QRGateBinary.run(["--help"])
        #expect(result.status == 0)
        for command in ["run", "scan", "inspect", "rules", "receipt", "export", "status", "config", "token", "chain"] {
            #expect(result.stdout.contains("  \(command) "), "missing \(command) in --help")
        }
    }

    @Test(arguments: [["config"], ["token"], ["rules"], ["receipt"], ["chain"]])
    func nestedSubcommandsAppearInTheirParentsHelp(parent: [String]) throws {
        let result = try QRGateBinary.run(parent + ["--help"])
        #expect(result.status == 0)
        let expected: [String: [String]] = [
            "config": ["check"], "token": ["create", "list", "revoke"], "rules": ["eval", "test"],
            "receipt": ["verify", "render"], "chain": ["verify"],
        ]
        for sub in expected[parent[0]]! { #expect(result.stdout.contains("  \(sub) "), "\(sub) missing under \(parent[0])") }
    }

    @Test func usageErrorExits2() throws {
        let result = try QRGateBinary.run(["no-such-command"])
        #expect(result.status == 2)
    }
}
