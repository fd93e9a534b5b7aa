import Crypto
import Foundation
import QRGateCore
import Testing

@Suite struct COSESign1Tests {
    static func entry(_ key: Int, _ value: CBORValue) -> CBORMapEntry { CBORMapEntry(key: .int(key), value: value) }

    @Test func signAndVerifyES256() throws {
        let key = P256.Signing.PrivateKey()
        let payload = CBOREncoder.encode(.map([Self.entry(1, .text("VN"))]))
        let message = try COSESign1.signES256(payload: payload, keyIdentifier: [1, 2, 3, 4, 5, 6, 7, 8], key: key)
        let parsed = try COSESign1(decoding: message.encoded())
        #expect(parsed.tags == [18])
        #expect(parsed.keyIdentifier == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(parsed.algorithm == -7)
        #expect(parsed.signature.count == 64)
        #expect(try parsed.verifySignature(with: .p256(key.publicKey)))

        var tampered = parsed
        tampered.payload[tampered.payload.count - 1] ^= 1
        #expect(try !tampered.verifySignature(with: .p256(key.publicKey)))
        #expect(try !parsed.verifySignature(with: .p256(P256.Signing.PrivateKey().publicKey)))
    }

    @Test func sigStructure() {
        let input = COSESign1.signatureInput(protectedBytes: [0xA1, 0x01, 0x26], payload: [0x01])
        // ["Signature1", h'A10126', h'', h'01']
        #expect(input == [0x84, 0x6A] + Array("Signature1".utf8) + [0x43, 0xA1, 0x01, 0x26, 0x40, 0x41, 0x01])
    }

    static func sign1(_ protected: [CBORMapEntry], _ unprotected: [CBORMapEntry]) -> CBORValue {
        .array([.bytes(CBOREncoder.encode(.map(protected))), .map(unprotected), .bytes([0xA0]), .bytes([0, 1])])
    }

    @Test func untaggedAndCWTWrapped() throws {
        let body = Self.sign1([Self.entry(1, .int(-7))], [])
        #expect(try COSESign1(decoding: CBOREncoder.encode(body)).tags == [])
        #expect(try COSESign1(decoding: CBOREncoder.encode(.tagged(61, .tagged(18, body)))).tags == [61, 18])
    }

    @Test func protectedKidWins() throws {
        let both = Self.sign1([Self.entry(4, .bytes([1]))], [Self.entry(4, .bytes([2]))])
        #expect(try COSESign1(decoding: CBOREncoder.encode(.tagged(18, both))).keyIdentifier == [1])
        let unprotectedOnly = Self.sign1([Self.entry(1, .int(-7))], [Self.entry(4, .bytes([2]))])
        #expect(try COSESign1(decoding: CBOREncoder.encode(.tagged(18, unprotectedOnly))).keyIdentifier == [2])
    }

    @Test(arguments: [
        (CBORValue.tagged(98, .array([])), COSEError.Code.notSign1),
        (.tagged(18, .array([.bytes([]), .map([])])), .notSign1),
        (.tagged(18, .array([.text("x"), .map([]), .bytes([]), .bytes([])])), .invalidHeader),
        (.tagged(18, .array([.bytes([0x01]), .map([]), .bytes([]), .bytes([])])), .invalidHeader),
        (.tagged(18, .array([.bytes([]), .map([]), .null, .bytes([])])), .detachedPayload),
    ])
    func rejects(value: CBORValue, code: COSEError.Code) {
        #expect {
            try COSESign1(decoding: CBOREncoder.encode(value))
        } throws: { error in
            (error as? COSEError)?.code == code
        }
    }

    @Test func notCBOR() {
        #expect {
            try COSESign1(decoding: [0xFF, 0x00])
        } throws: { error in
            (error as? COSEError)?.code == .invalidCBOR
        }
    }

    /// PS256 (RSASSA-PSS) from the upstream vector common/CO1.
    @Test func verifiesPS256Vector() throws {
        let vector = try DCCTestVectors.load("common/2DCode/raw/CO1.json")
        let cert = try SignerCertificate(derEncoded: Array(Data(base64Encoded: vector["TESTCTX"]!["CERTIFICATE"]!.stringValue!)!))
        guard case .rsa = cert.publicKey else {
            Issue.record("CO1 should carry an RSA key")
            return
        }
        let message = try COSESign1(decoding: DCCTestVectors.hex(vector["COSE"]!.stringValue!)!)
        #expect(message.algorithm == -37)
        #expect(try message.verifySignature(with: cert.publicKey))
    }

    @Test func algorithmMustFitKey() throws {
        let key = P256.Signing.PrivateKey()
        var message = try COSESign1.signES256(payload: [0xA0], keyIdentifier: [1], key: key)
        message = COSESign1(
            protectedHeader: [Self.entry(1, .int(-37))], unprotectedHeader: [], payload: message.payload, signature: message.signature)
        #expect {
            try message.verifySignature(with: .p256(key.publicKey))
        } throws: { error in
            (error as? COSEError)?.code == .unsupportedAlgorithm
        }
    }
}
