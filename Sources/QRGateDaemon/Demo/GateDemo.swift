import Crypto
import Foundation
import QRGateCore
import QRGateImaging
import QRGateReceipts

/// The demo the example configuration ships (`device-config/demo/`): a DCC signer and a
/// health-declaration service whose private keys sit in the repository, so whatever they sign
/// proves nothing. Only a configuration with `trust.demo_directory` trusts them; the screen then
/// shows DEMO, and `qrgate config check` warns. `qrgate demo` writes fresh sample images signed
/// with them: a declaration is only valid for a day, so the images are made when asked for.
public struct GateDemo: Sendable {
    /// kid of the demo signer certificate (`device-config/demo/trust/demo-signer.pem`): a trust
    /// store that holds it trusts the demo, whatever folder it came from. A test keeps it equal
    /// to the file's.
    public static let signerKeyIdentifier: [UInt8] = [0x2f, 0x2e, 0x43, 0x6d, 0xeb, 0x3b, 0x98, 0x06]

    /// The demo folder (`trust/`, `declaration-keys/`, `keys/`).
    public var directory: String

    /// The demo in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The folder of the demo's signer certificate.
    public var trustDirectory: String { directory + "/trust" }
    /// The folder of the demo declaration service's public key.
    public var declarationKeysDirectory: String { directory + "/declaration-keys" }

    /// Whether a trust store holds the demo signer.
    public static func trustsDemo(_ trust: TrustStore) -> Bool {
        trust.entries.contains { $0.keyIdentifier == signerKeyIdentifier }
    }

    /// One sample image and what showing it does.
    public struct Sample: Sendable, Hashable {
        /// File name (PNG).
        public var file: String
        /// The codes in the image, in order.
        public var texts: [String]
        /// The decision to expect: `admit`, `refuse`, `refer`, or `waiting` (the gate waits for the next code).
        public var expect: String
        /// What it shows, for the person trying the demo.
        public var about: String
    }

    /// Writes the sample images into `folder` (created), signed now; returns what was written.
    /// Certificates are valid for a year from `now`, the declaration is made at `now`.
    public func writeSamples(to folder: String, now: Date = Date()) throws -> [Sample] {
        let signer = try privateKey("keys/demo-signer-key.pem")
        let declarations = try privateKey("keys/demo-declarations-key.pem")
        let kid = try certificateKeyIdentifier()
        let forger = P256.Signing.PrivateKey()
        func certificate(_ person: Person, dose: Int = 2, key: P256.Signing.PrivateKey? = nil) throws -> String {
            try Self.certificate(person, dose: dose, of: 2, kid: key == nil ? kid : Array(repeating: 0x42, count: 8), key: key ?? signer, now: now)
        }
        let an = Person(family: "Nguyễn", familyT: "NGUYEN", given: "Văn An", givenT: "VAN<AN", birth: "1990-01-15", id: "079090001234")
        let binh = Person(family: "Trần", familyT: "TRAN", given: "Thị Bình", givenT: "THI<BINH", birth: "1985-02-01", id: "001185002345")
        let dung = Person(family: "Phạm", familyT: "PHAM", given: "Thị Dung", givenT: "THI<DUNG", birth: "1979-07-30", id: "031179003456")
        let cuong = Person(family: "Lê", familyT: "LE", given: "Văn Cường", givenT: "VAN<CUONG", birth: "1992-11-03", id: "048092004567")
        let cough = HealthDeclaration(
            symptoms: [.cough], contactWithConfirmedCase: false, travelledLast14Days: false, freeText: "Ho từ hôm qua",
            submittedAt: now.timeIntervalSince1970.rounded(.down), source: .token)
        let samples = [
            Sample(
                file: "1-admit.png", texts: [try certificate(an)], expect: "admit",
                about: "a valid certificate (2 of 2 doses) of Nguyễn Văn An"),
            Sample(
                file: "2-refuse-one-dose.png", texts: [try certificate(binh, dose: 1)], expect: "refuse",
                about: "a valid signature, but 1 of 2 doses: the country's rules are not met"),
            Sample(
                file: "3-refer-cough.png",
                texts: [
                    try certificate(dung),
                    try DeclarationToken.issue(cough, subject: Subject(fullName: dung.fullName, birthDate: dung.birth), key: declarations),
                ],
                expect: "refer", about: "a valid certificate with a health declaration of a cough: staff decide"),
            Sample(
                file: "4-id-card.png", texts: [an.cardText], expect: "waiting",
                about: "the citizen-ID card of Nguyễn Văn An: the gate waits for a certificate (then show 1 to be admitted, or 5)"),
            Sample(
                file: "5-certificate-of-someone-else.png", texts: [try certificate(cuong)], expect: "refuse",
                about: "right after 4: a valid certificate of Lê Văn Cường, not the card's holder: identity mismatch, a note for staff"),
            Sample(
                file: "6-refuse-forged.png", texts: [try certificate(an, key: forger)], expect: "refuse",
                about: "a certificate signed by a key no one trusts"),
        ]
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for sample in samples {
            try PNGWriter(depth: .grey8).write(try Self.image(sample.texts), to: folder + "/" + sample.file)
        }
        return samples
    }

    /// A person of the demo.
    struct Person {
        var family: String, familyT: String, given: String, givenT: String, birth: String, id: String
        var fullName: String { family + " " + given }
        /// The card QR: ID | old ID | name | birth DDMMYYYY | sex | address | issue date DDMMYYYY.
        var cardText: String {
            let parts = birth.split(separator: "-").map(String.init)
            return [id, "", fullName, parts[2] + parts[1] + parts[0], "Nam", "12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", "01062021"]
                .joined(separator: "|")
        }
    }

    /// An `HC1:` vaccination certificate of `person`, issued an hour before `now`, valid a year.
    static func certificate(_ person: Person, dose: Int, of total: Int, kid: [UInt8], key: P256.Signing.PrivateKey, now: Date) throws -> String {
        let payload: JSONValue = [
            "ver": "1.3.0",
            "nam": ["fn": .string(person.family), "fnt": .string(person.familyT), "gn": .string(person.given), "gnt": .string(person.givenT)],
            "dob": .string(person.birth),
            "v": [
                [
                    "tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215",
                    "dn": .number(Double(dose)), "sd": .number(Double(total)), "dt": "2021-09-01", "co": "VN",
                    "is": "qrgate DEMO", "ci": .string("URN:UVCI:01:VN:DEMO\(person.id)#D"),
                ]
            ],
        ]
        let issued = Int(now.timeIntervalSince1970) - 3600
        let claims = CBORValue.map([
            CBORMapEntry(key: .int(1), value: .text("VN")),
            CBORMapEntry(key: .int(4), value: .int(issued + 366 * 86_400)),
            CBORMapEntry(key: .int(6), value: .int(issued)),
            CBORMapEntry(key: .int(-260), value: .map([CBORMapEntry(key: .int(1), value: CBORValue(json: payload))])),
        ])
        let message = try COSESign1.signES256(payload: CBOREncoder.encode(claims), keyIdentifier: kid, key: key)
        return "HC1:" + Base45.encode(Zlib.deflate(message.encoded()))
    }

    /// The codes side by side on white, as a phone or a printout shows them.
    static func image(_ texts: [String]) throws -> GreyFrame {
        let frames = try texts.map { PNGRenderer(scale: 5).frame(try QRCodeEncoder(level: .low).encode($0)) }
        let gap = 40
        let width = frames.reduce(gap) { $0 + $1.width + gap }
        let height = (frames.map(\.height).max() ?? 0) + 2 * gap
        var pixels = [UInt8](repeating: 255, count: width * height)
        var left = gap
        for frame in frames {
            for y in 0..<frame.height {
                for x in 0..<frame.width { pixels[(y + gap) * width + left + x] = frame[x, y] }
            }
            left += frame.width + gap
        }
        return GreyFrame(width: width, height: height, pixels: pixels)
    }

    private func privateKey(_ name: String) throws -> P256.Signing.PrivateKey {
        let path = directory + "/" + name
        guard let pem = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GateDemoError("missing", "\(path) cannot be read: the demo folder is incomplete (see device-config/demo/README.md)")
        }
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw GateDemoError("invalid", "\(path) is not a P-256 private key in PEM: \(error)")
        }
    }

    /// kid of the certificate in `trust/demo-signer.pem`.
    func certificateKeyIdentifier() throws -> [UInt8] {
        let path = trustDirectory + "/demo-signer.pem"
        guard let der = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap(Self.pemBody) else {
            throw GateDemoError("missing", "\(path) is not a PEM certificate: the demo folder is incomplete (see device-config/demo/README.md)")
        }
        return Array(SHA256.hash(data: der).prefix(8))
    }

    /// The bytes of the first PEM block.
    static func pemBody(_ pem: String) -> [UInt8]? {
        let lines = pem.split(whereSeparator: \.isNewline)
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") }),
            let end = lines[begin...].firstIndex(where: { $0.hasPrefix("-----END ") })
        else { return nil }
        return Data(base64Encoded: lines[(begin + 1)..<end].joined()).map(Array.init)
    }
}

/// The demo folder cannot be used, and what to do (codes `missing`, `invalid`).
public typealias GateDemoError = CodedError<GateDemoErrors>
/// The domain of ``GateDemoError``.
public enum GateDemoErrors: ErrorDomain {}

extension GatewayConfiguration {
    /// The demo this configuration trusts (`trust.demo_directory`), or nil. A demo folder without
    /// its signer certificate is a configuration error: the screen would show DEMO while every
    /// sample is refused.
    public func demo() throws -> GateDemo? {
        guard !trust.demoDirectory.isEmpty else { return nil }
        let demo = GateDemo(directory: trust.demoDirectory)
        do {
            _ = try demo.certificateKeyIdentifier()
        } catch {
            throw ConfigurationError(
                path: nil,
                problems: [
                    ConfigurationProblem(
                        key: "trust.demo_directory", value: trust.demoDirectory,
                        allowed: "the demo folder (device-config/demo, with trust/demo-signer.pem), or \"\" in production")
                ])
        }
        return demo
    }
}
