import Foundation

extension TrustStore {
    /// Reads the signers in one file's contents. The format is detected:
    /// a trust-list JSON file (name ending `.json`, see docs/trust-list.md), PEM
    /// (`-----BEGIN CERTIFICATE-----` or a bare `-----BEGIN PUBLIC KEY-----`, several allowed;
    /// see ``bareKey(_:fileName:)`` for a bare key's `kid`), raw DER, or Base64 DER
    /// (one certificate, or one per line).
    public static func entries(fromFileContents contents: [UInt8], fileName: String) throws(TrustStoreError) -> [Entry] {
        let lowercased = fileName.lowercased()
        if lowercased.hasSuffix(".crl") {
            throw TrustStoreError(
                .unsupportedContent,
                "\(fileName) is a certificate revocation list, not a signer; give the trust folder that holds it and its country signing CA (CRLs are read from the folder or its crl/ folder)."
            )
        }
        if lowercased.hasSuffix(".json") {
            if case .object(let object)? = try? JSONValue(parsing: contents), object["keys"]?.arrayValue != nil,
                object["certificates"] == nil
            {
                throw TrustStoreError(
                    .unsupportedContent,
                    "\(fileName) is a JWKS (a SMART Health Card issuer's key set) outside an issuer folder, so it names no issuer; put it at <trust folder>/<iss without https://>/.well-known/jwks.json."
                )
            }
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
        var otherLabels: [String] = []
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
                guard label == "CERTIFICATE" || label == "PUBLIC KEY" else {
                    otherLabels.append(label)
                    continue
                }
                guard let der = Data(base64Encoded: current) else {
                    throw TrustStoreError(.invalidCertificate, "\(fileName) holds a PEM block that is not valid Base64.")
                }
                if label == "PUBLIC KEY" {
                    entries.append(Entry(certificate: try bareKey(Array(der), fileName: fileName)))
                } else {
                    entries.append(Entry(certificate: try certificate(Array(der), source: fileName)))
                }
            } else if body != nil {
                body! += line
            }
        }
        guard !entries.isEmpty else {
            if !otherLabels.isEmpty {
                throw TrustStoreError(
                    .unrecognizedFormat,
                    "\(fileName) holds a PEM \(otherLabels.joined(separator: ", ")), but the trust store takes CERTIFICATE and PUBLIC KEY blocks; remove the file from the trust folder or replace it."
                )
            }
            throw TrustStoreError(.unrecognizedFormat, "\(fileName) holds no complete PEM certificate or public key.")
        }
        return entries
    }

    /// A bare public key (SubjectPublicKeyInfo DER). Its `kid` is the hexadecimal after the last
    /// `_` of the file name (`WHO-test_3131.pem` → `0x31 0x31`), else the first 8 bytes of SHA-256
    /// over the key's DER, as a certificate's is over the certificate's.
    static func bareKey(_ spki: [UInt8], fileName: String) throws(TrustStoreError) -> SignerCertificate {
        let kid = keyIdentifier(fromFileName: fileName) ?? SignerCertificate.keyIdentifier(der: spki)
        do {
            return try SignerCertificate(subjectPublicKeyInfo: spki, keyIdentifier: kid)
        } catch {
            throw TrustStoreError(.invalidCertificate, "\(fileName): \(error.message)")
        }
    }

    /// The bytes of the hexadecimal after the last `_` of `fileName` without its extension
    /// (an even number of 2–64 hex digits), nil when there is none.
    public static func keyIdentifier(fromFileName fileName: String) -> [UInt8]? {
        var base = Substring(fileName)
        if let dot = base.lastIndex(of: ".") { base = base[..<dot] }
        guard let underscore = base.lastIndex(of: "_") else { return nil }
        let hex = Array(base[base.index(after: underscore)...].utf8)
        guard hex.count >= 2, hex.count <= 64, hex.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x41 + 10
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: hex.count, by: 2) {
            guard let high = nibble(hex[i]), let low = nibble(hex[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
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
