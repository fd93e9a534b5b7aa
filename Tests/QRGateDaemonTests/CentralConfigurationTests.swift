import Foundation
import QRGateDaemon
import QRGateTestSupport
import Testing

@Suite struct CentralConfigurationTests {
    func load(_ yaml: String) throws -> GatewayConfiguration {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("gateway.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try ConfigurationLoader(environment: [:]).load(file: file.path)
    }

    @Test func centralIsOffByDefault() throws {
        #expect(try load("gate:\n  id: g1\n").central == GatewayConfiguration.Central())
        #expect(GatewayConfiguration().central.url == nil)
    }

    @Test func centralKeysAreRead() throws {
        let configuration = try load(
            """
            central:
              url: https://central.example.org
              token_file: token
              signing_key_file: signing.pem
              batch_max_records: 200
              linger_seconds: 0.5
              trust_list_max_age_hours: 48
            """
        )
        #expect(configuration.central.url == "https://central.example.org")
        #expect(configuration.central.tokenFile == "token")
        #expect(configuration.central.signingKeyFile == "signing.pem")
        #expect(configuration.central.batchMaxRecords == 200)
        #expect(configuration.central.lingerSeconds == 0.5)
        #expect(configuration.central.trustListMaxAgeHours == 48)
    }

    @Test func badCentralValuesAreReportedTogether() throws {
        #expect {
            try load(
                """
                central:
                  url: http://central.example.org
                  batch_max_records: 0
                  client_certificate_file: gate.pem
                """
            )
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return Set(error.problems.map(\.key)) == ["central.url", "central.batch_max_records", "central.client_certificate_file"]
        }
    }
}
