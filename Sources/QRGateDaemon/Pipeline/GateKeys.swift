import Crypto
import Foundation
import QRGateCore

/// The gate's receipt-signing key and the site's gate public keys.
///
/// The private key comes from systemd's `LoadCredential=gate-key.pem` (`$CREDENTIALS_DIRECTORY`)
/// when present, else from `gate-key.pem` in the state directory, generated on first start
/// with mode 0600. Other gates' public keys are PEM files in `gate-keys/` of the state directory.
public struct GateKeys: Sendable {
    /// This gate's signing key.
    public var signingKey: P256.Signing.PrivateKey
    /// Public keys of the site's gates, this gate's included.
    public var keyring: ES256Keyring
    /// Where the signing key came from.
    public var source: String
    /// Keys of the health-declaration service (PEM files in `declaration-keys/`), for `QRD1:` tokens.
    public var declarationKeyring = ES256Keyring()

    /// Loads the keys, creating the signing key when `create` is set and none exists.
    public static func load(stateDirectory: String, gate: String, environment: [String: String], create: Bool = true) throws -> GateKeys {
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
        var keyring = publicKeys(in: stateDirectory + "/gate-keys")
        keyring.add(key.publicKey, gate: gate)
        var keys = GateKeys(signingKey: key, keyring: keyring, source: source)
        keys.declarationKeyring = publicKeys(in: stateDirectory + "/declaration-keys")
        return keys
    }

    /// The P-256 public keys in the PEM files of `folder`, named after their files.
    static func publicKeys(in folder: String) -> ES256Keyring {
        var keyring = ES256Keyring()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".pem") {
            guard let pem = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
                let publicKey = try? P256.Signing.PublicKey(pemRepresentation: pem)
            else { continue }
            keyring.add(publicKey, gate: String(name.dropLast(4)))
        }
        return keyring
    }
}
