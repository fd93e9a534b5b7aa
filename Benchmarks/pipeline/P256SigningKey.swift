import Crypto

/// A fresh gate key for the receipt benchmark.
enum P256SigningKey {
    static func make() -> P256.Signing.PrivateKey { P256.Signing.PrivateKey() }
}
