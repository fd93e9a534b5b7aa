import Testing
@testable import QRGateCore

@Suite struct CertLogicSmokeTests {
    @Test func smoke() throws {
        let e = try CertLogicExpression(json: try JSONValue(parsing: #"{"+": [1, 2]}"#))
        #expect(try e.evaluate(data: .null).jsonValue == 3)
    }
}
