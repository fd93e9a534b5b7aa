import Foundation
import Testing

@testable import QRGateCore

/// Opt-in timing of one validation (debug builds are meaningless for this). Run:
///
///     QRGATE_SCHEMA_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter SchemaPerformance
@Suite(.serialized) struct SchemaPerformanceTests {
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["QRGATE_SCHEMA_BENCH"] != nil, "set QRGATE_SCHEMA_BENCH=1"),
        arguments: [
            "dcc-schema/examples/vaccination/simple.json", "dcc-schema/examples/test/simple-rat.json",
            "dcc-schema/examples/recovery/simple.json", "dcc-schema/test/invalid/missing_fnt_gnt.json",
        ])
    func microsecondsPerValidation(fixture: String) throws {
        let payload = try SchemaFixtures.load(fixture)
        let version = try #require(payload["ver"]?.stringValue)
        DCCSchemaValidator.precompile()
        let rounds = 100_000
        var violations = 0
        let elapsed = try ContinuousClock().measure {
            for _ in 0..<rounds { violations += try DCCSchemaValidator.validate(payload, version: version).count }
        }
        let micros =
            Double(elapsed.components.attoseconds) / 1e12 / Double(rounds)
            + Double(elapsed.components.seconds) * 1e6 / Double(rounds)
        print("\(fixture): \(String(format: "%.2f", micros)) µs per validation (\(violations / rounds) violations)")
        #expect(micros < 50)
    }
}
