import Foundation
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
                json += Data(symbol.bytes).base64EncodedString()
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
