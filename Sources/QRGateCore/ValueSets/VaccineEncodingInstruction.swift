/// One row of Annex A of the value-set guidelines (`vaccine-encoding-instructions.json`): which
/// product (`mp`), marketing-authorisation holder (`ma`) and prophylaxis codes (`vp`) belong
/// together.
public struct VaccineEncodingInstruction: Sendable, Hashable {
    /// The vaccine's name, the key in the file (e.g. "Comirnaty").
    public var name: String
    /// The `mp` code, e.g. "EU/1/20/1528".
    public var vaccineCode: String
    /// The `ma` code, e.g. "ORG-100030215".
    public var manufacturer: String
    /// Allowed `vp` codes (SNOMED CT).
    public var prophylaxisCodes: [String]
    /// Free-text note ("" when none).
    public var note: String

    /// Creates a row.
    public init(name: String, vaccineCode: String, manufacturer: String, prophylaxisCodes: [String], note: String) {
        self.name = name
        self.vaccineCode = vaccineCode
        self.manufacturer = manufacturer
        self.prophylaxisCodes = prophylaxisCodes
        self.note = note
    }
}
