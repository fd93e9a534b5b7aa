import Foundation

/// What a receipt says: which check-in, where, which way, the decision, when, and until when
/// another gate of the same site should honour it.
public struct ReceiptClaims: Sendable, Hashable {
    /// The check-in id (UUIDv7).
    public var checkInID: String
    /// Site of the issuing gate.
    public var site: String
    /// The issuing gate.
    public var gate: String
    /// Entry or exit.
    public var direction: Direction
    /// The decision.
    public var decision: Decision.Outcome
    /// When the check-in was recorded.
    public var issuedAt: Date
    /// Until when the receipt is valid.
    public var validUntil: Date
    /// Keyed digests of the identities of the person it was issued to (``PersonalKeys/receiptBindings(_:)``,
    /// site secret): a gate of the site can tell whether the presenter is that person, a photo of
    /// the receipt reveals nothing about them. Empty for an anonymous check-in: such a receipt
    /// proves nothing about anyone and is never used for a decision.
    public var subjectBindings: [[UInt8]]

    /// Creates claims.
    public init(
        checkInID: String, site: String, gate: String, direction: Direction, decision: Decision.Outcome, issuedAt: Date, validUntil: Date,
        subjectBindings: [[UInt8]] = []
    ) {
        self.checkInID = checkInID
        self.site = site
        self.gate = gate
        self.direction = direction
        self.decision = decision
        self.issuedAt = issuedAt
        self.validUntil = validUntil
        self.subjectBindings = subjectBindings
    }

    /// The claims as the JSON `qrgate receipt verify` prints.
    public func json() -> JSONValue {
        [
            "check_in_id": .string(checkInID),
            "site": .string(site),
            "gate": .string(gate),
            "direction": .string(direction.rawValue),
            "decision": .string(decision.rawValue),
            "issued_at": .string(ISO8601Timestamp.format(issuedAt)),
            "valid_until": .string(ISO8601Timestamp.format(validUntil)),
            "bound_to_person": .bool(!subjectBindings.isEmpty),
        ]
    }

    /// CBOR map with short text keys (a receipt must stay a small QR code).
    var cbor: CBORValue {
        .map([
            CBORMapEntry(key: .text("id"), value: .text(checkInID)),
            CBORMapEntry(key: .text("site"), value: .text(site)),
            CBORMapEntry(key: .text("gate"), value: .text(gate)),
            CBORMapEntry(key: .text("dir"), value: .text(direction.rawValue)),
            CBORMapEntry(key: .text("dec"), value: .text(decision.rawValue)),
            CBORMapEntry(key: .text("iat"), value: .int(Int(issuedAt.timeIntervalSince1970.rounded(.down)))),
            CBORMapEntry(key: .text("exp"), value: .int(Int(validUntil.timeIntervalSince1970.rounded(.down)))),
            CBORMapEntry(key: .text("sub"), value: .array(subjectBindings.map { .bytes($0) })),
        ])
    }

    init?(cbor: CBORValue) {
        guard case .map(let entries) = cbor else { return nil }
        func value(_ key: String) -> CBORValue? { entries.first { $0.key == .text(key) }?.value }
        guard let id = value("id")?.textValue, let site = value("site")?.textValue, let gate = value("gate")?.textValue,
            let direction = value("dir")?.textValue.flatMap(Direction.init(rawValue:)),
            let decision = value("dec")?.textValue.flatMap(Decision.Outcome.init(rawValue:)),
            let iat = value("iat")?.intValue, let exp = value("exp")?.intValue
        else { return nil }
        var bindings: [[UInt8]] = []
        if let sub = value("sub") {
            guard case .array(let items) = sub, items.count <= 4 else { return nil }
            for item in items {
                guard let bytes = item.bytesValue, bytes.count == PersonalKeys.bindingLength else { return nil }
                bindings.append(bytes)
            }
        }
        self.init(
            checkInID: id, site: site, gate: gate, direction: direction, decision: decision,
            issuedAt: Date(timeIntervalSince1970: Double(iat)), validUntil: Date(timeIntervalSince1970: Double(exp)),
            subjectBindings: bindings
        )
    }
}
