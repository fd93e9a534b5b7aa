import Foundation

/// Base64url (RFC 4648 §5) read through Foundation's one base64 decoder: the alphabet of JOSE
/// (JWS segments, JWK coordinates) and of an ICAO VDS-NC's certificate and signature.
public enum Base64URL {
    /// The bytes of `text` in base64url, padded or not (standard `+`/`/` also accepted), or nil
    /// when it is not base64.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = [UInt8]()
        base64.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): base64.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): base64.append(UInt8(ascii: "/"))
            default: base64.append(byte)
            }
        }
        if let firstPad = base64.firstIndex(of: UInt8(ascii: "=")) {
            guard base64[firstPad...].allSatisfy({ $0 == UInt8(ascii: "=") }) else { return nil }
            base64.removeSubrange(firstPad...)
        }
        guard base64.count % 4 != 1 else { return nil }
        while base64.count % 4 != 0 { base64.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(base64)).map(Array.init)
    }
}
