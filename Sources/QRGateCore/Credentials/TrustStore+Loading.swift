import Foundation

extension TrustStore {
    /// Reads the signers in one file's contents. The format is detected:
    /// a trust-list JSON file (name ending `.json`, see docs/trust-list.md), PEM
    /// (`-----BEGIN CERTIFICATE-----`, several allowed), raw DER, or Base64 DER
    /// (one certificate, or one per line).
    public static func entries(fromFileContents contents: [UInt8], fileName: String) throws(TrustStoreError) -> [Entry] {
        if fileName.lowercased().hasSuffix(".json") {
            return try trustListEntries(contents, fileName: fileName)
        }
        if contents.first == 0x30 {
            return [Entry(certificate: try certificate(contents, source: fileName))]
        }
        let text = String(decoding: contents, as: UTF8.self)
        if text.contains("-----BEGIN") {
            return try pemEntries(text, fileName: fileName)
        }
        if let der = Data(base64Encoded: text.filter { !$0.isWhitespace }), !der.isEmpty, der.first == 0x30 {
            if let cert = try? SignerCertificate(derEncoded: Array(der)) { return [Entry(certificate: cert)] }
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var entries: [Entry] = []
        for (number, line) in lines.enumerated() {
            guard let der = Data(base64Encoded: line) else {
                throw TrustStoreError(
                    .unrecognizedFormat,
                    "\(fileName) is neither a trust-list JSON file, PEM, DER nor Base64 DER (line \(number + 1)). Provide certificates in one of those formats."
                )
            }
            entries.append(Entry(certificate: try certificate(Array(der), source: "\(fileName) line \(number + 1)")))
        }
        guard !entries.isEmpty else {
            throw TrustStoreError(.unrecognizedFormat, "\(fileName) holds no certificate. Provide PEM, DER, Base64 DER or a trust-list JSON file.")
        }
        return entries
    }

    static func certificate(_ der: [UInt8], source: String) throws(TrustStoreError) -> SignerCertificate {
        do {
            return try SignerCertificate(derEncoded: der)
        } catch {
            throw TrustStoreError(.invalidCertificate, "\(source): \(error.message)")
        }
    }

    static func pemEntries(_ text: String, fileName: String) throws(TrustStoreError) -> [Entry] {
        var entries: [Entry] = []
        var body: String? = nil
        var label = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("-----BEGIN ") {
                label = String(line.dropFirst(11).prefix { $0 != "-" })
                body = ""
            } else if line.hasPrefix("-----END ") {
                guard let current = body else { continue }
                body = nil
                guard label == "CERTIFICATE" else {
                    throw TrustStoreError(.unrecognizedFormat, "\(fileName) holds a PEM \(label), but the trust store needs CERTIFICATE blocks.")
                }
                guard let der = Data(base64Encoded: current) else {
                    throw TrustStoreError(.invalidCertificate, "\(fileName) holds a PEM block that is not valid Base64.")
                }
                entries.append(Entry(certificate: try certificate(Array(der), source: fileName)))
            } else if body != nil {
                body! += line
            }
        }
        guard !entries.isEmpty else {
            throw TrustStoreError(.unrecognizedFormat, "\(fileName) holds no complete PEM certificate.")
        }
        return entries
    }

    static func trustListEntries(_ contents: [UInt8], fileName: String) throws(TrustStoreError) -> [Entry] {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: contents)
        } catch {
            throw TrustStoreError(.invalidTrustList, "\(fileName) is not valid JSON (\(error.description)).")
        }
        guard let list = document["certificates"]?.arrayValue else {
            throw TrustStoreError(.invalidTrustList, "\(fileName) has no \"certificates\" array; see docs/trust-list.md.")
        }
        var entries: [Entry] = []
        for (position, item) in list.enumerated() {
            let source = "\(fileName) certificates[\(position)]"
            guard let base64 = item["certificate"]?.stringValue, let der = Data(base64Encoded: base64) else {
                throw TrustStoreError(.invalidTrustList, "\(source) has no Base64 \"certificate\"; see docs/trust-list.md.")
            }
            var kid: [UInt8]? = nil
            if let kidValue = item["kid"], !kidValue.isNull {
                guard let text = kidValue.stringValue, let bytes = Data(base64Encoded: text) else {
                    throw TrustStoreError(.invalidTrustList, "\(source) has a \"kid\" that is not Base64.")
                }
                kid = Array(bytes)
            }
            var types: Set<DCCCertificateType>? = nil
            if let typeList = item["types"]?.arrayValue {
                var set = Set<DCCCertificateType>()
                for t in typeList {
                    guard let name = t.stringValue, let type = DCCCertificateType(rawValue: name) else {
                        throw TrustStoreError(.invalidTrustList, "\(source) has a \"types\" entry other than \"v\", \"t\" or \"r\".")
                    }
                    set.insert(type)
                }
                types = set
            }
            let cert = try certificate(Array(der), source: source)
            entries.append(Entry(certificate: cert, keyIdentifier: kid, country: item["country"]?.stringValue, allowedTypes: types))
        }
        return entries
    }
}
