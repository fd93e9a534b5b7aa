import Testing

@testable import QRGateCore

/// Every error has one shape: a code for programs, a message for people, and the place that
/// raised it; errors compare by code.
@Suite struct GateErrorTests {
    /// Hostile inputs to each layer of the certificate path, with the code each must raise.
    static let layers: [(name: String, code: String, run: @Sendable () throws -> Void)] = [
        ("base45", "invalid_character", { _ = try Base45.decode("ab~") }),
        ("zlib", "truncated", { _ = try Zlib.inflate([0x78, 0x9C]) }),
        ("cbor", "truncated", { _ = try CBORDecoder().decode([0x82, 0x01]) }),
        ("json", "syntax", { _ = try JSONValue(parsing: "{\"a\": }") }),
        ("json depth", "limit_exceeded", { _ = try JSONValue(parsing: String(repeating: "[", count: 10_000)) }),
        ("certlogic", "unknown_operation", { _ = try CertLogicExpression(json: try JSONValue(parsing: #"{"nope": [1]}"#)) }),
    ]

    @Test(arguments: 0..<layers.count)
    func eachLayerRaisesItsCodeWithAMessageAndItsSourceLocation(_ index: Int) throws {
        let layer = Self.layers[index]
        do {
            try layer.run()
            Issue.record("\(layer.name): hostile input was accepted")
        } catch let error as any GateError {
            #expect(error.code.description == layer.code, "\(layer.name)")
            #expect(!error.message.isEmpty)
            #expect(error.file.hasPrefix("QRGateCore/"), "raised at \(error.file)")
            #expect(error.line > 0)
            #expect(error.description.contains(error.message))
        }
    }

    @Test func errorsOfOneCodeAreEqualWhateverTheirMessageOrPlace() {
        let first = ReceiptError(code: .signature, message: "the receipt was altered")
        let second = ReceiptError(code: .signature, message: "another wording", line: 1)
        let other = ReceiptError(code: .expired, message: "the receipt was altered")
        #expect(first == second)
        #expect(first != other)
        #expect(Set([first, second, other]).count == 2)
        #expect(first.description == "signature: the receipt was altered")
        #expect(first.location.hasPrefix("QRGateCoreTests/GateErrorTests.swift:"))
    }
}
