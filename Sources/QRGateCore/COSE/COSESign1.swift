/// A COSE_Sign1 message (RFC 9052 §4.2): protected header, unprotected header, payload,
/// signature. Parsing accepts tag 18, an untagged array, and tag 18 inside CWT tag 61.
///
/// This file imports no cryptography so that the parser can be fuzzed on its own; verifying
/// and signing live in `COSESign1+Crypto.swift`.
public struct COSESign1: Sendable, Hashable {
    /// COSE header label `alg`.
    public static let algorithmLabel = 1
    /// COSE header label `kid`.
    public static let keyIdentifierLabel = 4

    /// The protected header exactly as encoded (the bytes that are signed).
    public var protectedBytes: [UInt8]
    /// The decoded protected header (an empty map when `protectedBytes` is empty).
    public var protectedHeader: [CBORMapEntry]
    /// The unprotected header.
    public var unprotectedHeader: [CBORMapEntry]
    /// The payload bytes.
    public var payload: [UInt8]
    /// The signature bytes.
    public var signature: [UInt8]
    /// Tags that wrapped the structure, outermost first (e.g. `[61, 18]`, `[18]` or `[]`).
    public var tags: [UInt64]

    /// Creates a message from its parts; the protected header is encoded as given.
    public init(protectedHeader: [CBORMapEntry], unprotectedHeader: [CBORMapEntry], payload: [UInt8], signature: [UInt8]) {
        self.protectedHeader = protectedHeader
        self.protectedBytes = protectedHeader.isEmpty ? [] : CBOREncoder.encode(.map(protectedHeader))
        self.unprotectedHeader = unprotectedHeader
        self.payload = payload
        self.signature = signature
        self.tags = [18]
    }

    /// Parses an encoded COSE_Sign1 message.
    public init(decoding bytes: [UInt8], limits: CBORDecoder.Limits = .init()) throws(COSEError) {
        let decoder = CBORDecoder(limits: limits)
        var item: CBORValue
        do {
            item = try decoder.decode(bytes)
        } catch {
            throw COSEError(.invalidCBOR, "COSE data is not valid CBOR (\(error.message)).")
        }
        var tags: [UInt64] = []
        while case .tagged(let tag, let inner) = item {
            guard tag == 18 || tag == 61, tags.count < 2 else {
                throw COSEError(.notSign1, "COSE data carries CBOR tag \(tag); a COSE_Sign1 message is tagged 18 (optionally inside CWT tag 61).")
            }
            tags.append(tag)
            item = inner
        }
        guard case .array(let parts) = item, parts.count == 4 else {
            throw COSEError(.notSign1, "COSE data is not a COSE_Sign1 message (an array of 4 items).")
        }
        guard case .bytes(let protectedBytes) = parts[0] else {
            throw COSEError(.invalidHeader, "COSE_Sign1 protected header is not a byte string.")
        }
        var protectedHeader: [CBORMapEntry] = []
        if !protectedBytes.isEmpty {
            guard let decoded = try? decoder.decode(protectedBytes), case .map(let entries) = decoded else {
                throw COSEError(.invalidHeader, "COSE_Sign1 protected header does not hold a CBOR map.")
            }
            protectedHeader = entries
        }
        guard case .map(let unprotected) = parts[1] else {
            throw COSEError(.invalidHeader, "COSE_Sign1 unprotected header is not a map.")
        }
        let payload: [UInt8]
        switch parts[2] {
        case .bytes(let b): payload = b
        case .null: throw COSEError(.detachedPayload, "COSE_Sign1 payload is detached; a credential must carry its payload.")
        default: throw COSEError(.notSign1, "COSE_Sign1 payload is not a byte string.")
        }
        guard case .bytes(let signature) = parts[3] else {
            throw COSEError(.notSign1, "COSE_Sign1 signature is not a byte string.")
        }
        self.protectedBytes = protectedBytes
        self.protectedHeader = protectedHeader
        self.unprotectedHeader = unprotected
        self.payload = payload
        self.signature = signature
        self.tags = tags
    }

    /// The message encoded with tag 18.
    public func encoded() -> [UInt8] {
        CBOREncoder.encode(.tagged(18, .array([.bytes(protectedBytes), .map(unprotectedHeader), .bytes(payload), .bytes(signature)])))
    }

    /// A header value: the protected header wins over the unprotected one.
    public func header(_ label: Int) -> CBORValue? {
        let key = CBORValue.int(label)
        if let value = protectedHeader.first(where: { $0.key == key })?.value { return value }
        return unprotectedHeader.first(where: { $0.key == key })?.value
    }

    /// The key identifier (label 4), protected header first, then unprotected.
    public var keyIdentifier: [UInt8]? { header(Self.keyIdentifierLabel)?.bytesValue }

    /// The algorithm identifier (label 1), protected header first.
    public var algorithm: Int? { header(Self.algorithmLabel)?.intValue }

    /// The `Sig_structure` that the signature covers:
    /// `["Signature1", protected, h'', payload]`.
    public var signatureInput: [UInt8] {
        Self.signatureInput(protectedBytes: protectedBytes, payload: payload)
    }

    /// The `Sig_structure` for the given protected header bytes and payload.
    public static func signatureInput(protectedBytes: [UInt8], payload: [UInt8]) -> [UInt8] {
        CBOREncoder.encode(.array([.text("Signature1"), .bytes(protectedBytes), .bytes([]), .bytes(payload)]))
    }
}
