import QRGateImaging

/// The result of scanning one image file, as `qrgate scan` reports it.
public struct ScanReport: Sendable {
    /// The file name exactly as given on the command line.
    public var file: String
    /// The codes found, or why the file could not be read.
    public var outcome: Result<[ScannedSymbol], ImageError>
    /// Time spent reading and scanning, in milliseconds.
    public var milliseconds: Double

    /// A report from its parts.
    public init(file: String, outcome: Result<[ScannedSymbol], ImageError>, milliseconds: Double) {
        self.file = file
        self.outcome = outcome
        self.milliseconds = milliseconds
    }

    /// One NDJSON line (without the newline), keys in the order of the `scan --json` contract:
    /// `{"file","symbols":[{"text","bytes_base64"}],"ms"}` or `{"file","error":{"code","message"}}`.
    public var jsonLine: String {
        var json = "{\"file\":"
        JSONText.appendString(file, to: &json)
        switch outcome {
        case .success(let symbols):
            json += ",\"symbols\":["
            for (index, symbol) in symbols.enumerated() {
                if index > 0 { json += "," }
                json += "{\"text\":"
                JSONText.appendString(symbol.text, to: &json)
                json += ",\"bytes_base64\":\""
                json += Base64.encode(symbol.bytes)
                json += "\"}"
            }
            json += "],\"ms\":"
            json += JSONText.number(milliseconds)
        case .failure(let error):
            json += ",\"error\":{\"code\":"
            JSONText.appendString(error.code.description, to: &json)
            json += ",\"message\":"
            JSONText.appendString(error.message, to: &json)
            json += "}"
        }
        json += "}"
        return json
    }
}

extension ImageScanner {
    /// Reads and scans one file, timing it, never throwing: the report carries any error.
    public func report(path: String) -> ScanReport {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Result<[ScannedSymbol], ImageError>
        do {
            outcome = .success(try scanFile(path: path))
        } catch {
            outcome = .failure(error)
        }
        let (seconds, attoseconds) = (clock.now - start).components
        return ScanReport(
            file: path, outcome: outcome, milliseconds: Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

/// Minimal JSON text writing (strings and numbers), so the key order is ours.
enum JSONText {
    static func appendString(_ string: String, to json: inout String) {
        json += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{08}": json += "\\b"
            case "\u{0C}": json += "\\f"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    json.unicodeScalars.append(scalar)
                }
            }
        }
        json += "\""
    }

    /// A non-negative duration with at most 3 decimals, e.g. `12.345` or `3`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "0" }
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000, fraction = thousandths % 1000
        if fraction == 0 { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

/// Standard base64 (RFC 4648, with padding).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], alphabet[Int(chunk >> 6 & 63)], alphabet[Int(chunk & 63)]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let chunk = UInt32(bytes[index]) << 16
            out += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], alphabet[Int(chunk >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
