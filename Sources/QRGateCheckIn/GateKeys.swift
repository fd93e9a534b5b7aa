import Crypto
import Foundation
import QRGateCore

/// The gate's receipt-signing key, the site's gate public keys and the personal-data secrets.
///
/// The private key comes from systemd's `LoadCredential=gate-key.pem` (`$CREDENTIALS_DIRECTORY`)
/// when present, else from `gate-key.pem` in the state directory, generated on first start
/// with mode 0600. Other gates' public keys of this site are PEM files in `gate-keys/` of the
/// state directory; keys in `gate-keys/<SITE>/` speak for that site only.
///
/// The site secret (`site-secret`) and the gate secret (`gate-secret`), 32 random bytes as 64 hex
/// digits, come the same way: a systemd credential, else the state directory, generated with
/// mode 0600 on first start. Every gate of one site must hold the same site secret (install one
/// file on all of them, as a credential); the gate secret stays on its gate.
public struct GateKeys: Sendable {
    /// This gate's signing key.
    public var signingKey: P256.Signing.PrivateKey
    /// Public keys of the site's gates, this gate's included.
    public var keyring: ES256Keyring
    /// Where the signing key came from.
    public var source: String
    /// Keys of the health-declaration service (PEM files in `declaration-keys/`), for `QRD1:` tokens.
    public var declarationKeyring = ES256Keyring()
    /// The site and gate secrets.
    public var personalKeys = PersonalKeys.random()

    /// Loads the keys, creating the signing key when `create` is set and none exists.
    public static func load(
        stateDirectory: String, gate: String, site: String, environment: [String: String], create: Bool = true,
        declarationKeyFolders: [String] = []
    ) throws -> GateKeys {
        let key: P256.Signing.PrivateKey
        let source: String
        if let credentials = environment["CREDENTIALS_DIRECTORY"],
            let pem = try? String(contentsOfFile: credentials + "/gate-key.pem", encoding: .utf8)
        {
            key = try P256.Signing.PrivateKey(pemRepresentation: pem)
            source = "systemd credential gate-key.pem"
        } else {
            let path = stateDirectory + "/gate-key.pem"
            if let pem = try? String(contentsOfFile: path, encoding: .utf8) {
                key = try P256.Signing.PrivateKey(pemRepresentation: pem)
            } else {
                guard create else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
                key = P256.Signing.PrivateKey()
                let created = FileManager.default.createFile(
                    atPath: path, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600])
                guard created else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            source = path
        }
        var keyring = ES256Keyring()
        let folder = stateDirectory + "/gate-keys"
        addPublicKeys(in: folder, site: site, to: &keyring)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                addPublicKeys(in: folder + "/" + name, site: name, to: &keyring)
            }
        }
        keyring.add(key.publicKey, gate: gate, site: site)
        var keys = GateKeys(signingKey: key, keyring: keyring, source: source)
        for folder in [stateDirectory + "/declaration-keys"] + declarationKeyFolders {
            addPublicKeys(in: folder, site: site, to: &keys.declarationKeyring)
        }
        keys.personalKeys = PersonalKeys(
            siteSecret: try secret("site-secret", stateDirectory: stateDirectory, environment: environment, create: create),
            gateSecret: try secret("gate-secret", stateDirectory: stateDirectory, environment: environment, create: create))
        return keys
    }

    /// The P-256 public keys in the PEM files of `folder`, named after their files, trusted for `site`.
    static func addPublicKeys(in folder: String, site: String, to keyring: inout ES256Keyring) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".pem") {
            guard let pem = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
                let publicKey = try? P256.Signing.PublicKey(pemRepresentation: pem)
            else { continue }
            keyring.add(publicKey, gate: String(name.dropLast(4)), site: site)
        }
    }

    /// A 32-byte secret named `name`: the systemd credential, else the state directory's file,
    /// else (with `create`) a new random one written there with mode 0600.
    static func secret(_ name: String, stateDirectory: String, environment: [String: String], create: Bool) throws -> [UInt8] {
        var candidates = [stateDirectory + "/" + name]
        if let credentials = environment["CREDENTIALS_DIRECTORY"] { candidates.insert(credentials + "/" + name, at: 0) }
        for path in candidates {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            guard let bytes = Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count >= 32 else {
                throw GateKeysError(.invalid, path: path, "must hold at least 32 random bytes as hex digits (e.g. `openssl rand -hex 32`)")
            }
            return bytes
        }
        guard create else {
            throw GateKeysError(.missing, path: candidates.last!, "is missing; start the daemon once to create it, or install the site's copy")
        }
        let bytes = PersonalKeys.randomSecret()
        let text = Hex.encode(bytes) + "\n"
        guard FileManager.default.createFile(atPath: candidates.last!, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw GateKeysError(.cannotCreate, path: candidates.last!, "could not be created; check that the state directory is writable")
        }
        return bytes
    }
}

/// A secret or key file of the gate that cannot be used, and what to do.
public struct GateKeysError: GateError {
    /// Kinds of key-file failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String { case invalid, missing, cannotCreate = "cannot_create" }
        private let kind: Kind
        /// The file does not hold a usable secret.
        public static let invalid = Code(kind: .invalid)
        /// The file is missing and may not be created here.
        public static let missing = Code(kind: .missing)
        /// The file could not be created.
        public static let cannotCreate = Code(kind: .cannotCreate)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The file.
    public var path: String
    /// What is wrong with the file and what to do, naming it.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error; the message starts with the path.
    public init(_ code: Code, path: String, _ problem: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.path = path
        self.message = "\(path) \(problem)"
        self.file = file
        self.line = line
    }

    /// The message.
    public var description: String { message }
}
