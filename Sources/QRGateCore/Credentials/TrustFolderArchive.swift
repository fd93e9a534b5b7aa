import Foundation

/// A trust folder as one file: the `credential-trust` resource the central service publishes so
/// that the trust material of every format — SMART Health Card issuers' JWKS and revocation
/// lists, ICAO country signing CAs and their CRLs, DIVOC keys and JSON-LD contexts, WHO and EU
/// DSCs — reaches gates signed and versioned like the DCC trust list (docs/trust-list.md).
///
/// ```json
/// {"format": "qrgate-trust-folder-1",
///  "files": [{"path": "shc/spec.smarthealth.cards/.well-known/jwks.json", "content": "<base64>"}]}
/// ```
///
/// The gate writes the files into a folder and reads it exactly as it reads a trust folder given
/// with `--trust` or `trust.path`, so each format's loader is the one it already has.
public struct TrustFolderArchive: Sendable, Equatable {
    /// The only format read.
    public static let format = "qrgate-trust-folder-1"
    /// Most files in one archive.
    public static let maxFiles = 10_000
    /// Most bytes of one file.
    public static let maxFileBytes = 16 << 20

    /// The files: a relative path (`/`-separated) and its bytes.
    public var files: [(path: String, content: [UInt8])]

    /// Creates an archive; every path must pass ``validate(path:)``.
    public init(files: [(path: String, content: [UInt8])]) {
        self.files = files
    }

    /// Equal when the same files with the same bytes are in the same order.
    public static func == (lhs: TrustFolderArchive, rhs: TrustFolderArchive) -> Bool {
        lhs.files.count == rhs.files.count && zip(lhs.files, rhs.files).allSatisfy { $0.path == $1.path && $0.content == $1.content }
    }

    /// Reads an archive. Throws `TrustStoreError` (`invalid_trust_list`) for anything but the
    /// format, a path that could leave the folder, or a file too large.
    public static func decode(_ bytes: [UInt8]) throws(TrustStoreError) -> TrustFolderArchive {
        var limits = JSONValue.ParseLimits()
        limits.maxBytes = Swift.max(limits.maxBytes, bytes.count)
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes, limits: limits)
        } catch {
            throw TrustStoreError(.invalidTrustList, "the credential trust archive is not JSON (\(error.description)); publish it again")
        }
        guard document["format"]?.stringValue == format, let list = document["files"]?.arrayValue else {
            throw TrustStoreError(.invalidTrustList, "the credential trust archive is not in the \(format) format (docs/trust-list.md)")
        }
        guard list.count <= maxFiles else {
            throw TrustStoreError(.invalidTrustList, "the credential trust archive holds \(list.count) files, more than \(maxFiles)")
        }
        var files: [(path: String, content: [UInt8])] = []
        var seen = Set<String>()
        for (position, item) in list.enumerated() {
            guard let path = item["path"]?.stringValue, let text = item["content"]?.stringValue, let content = Data(base64Encoded: text)
            else {
                throw TrustStoreError(.invalidTrustList, "file \(position) of the credential trust archive needs a path and base64 content")
            }
            try validate(path: path)
            guard content.count <= maxFileBytes else {
                throw TrustStoreError(.invalidTrustList, "\(path) in the credential trust archive is larger than \(maxFileBytes) bytes")
            }
            guard seen.insert(path).inserted else {
                throw TrustStoreError(.invalidTrustList, "\(path) is in the credential trust archive twice")
            }
            files.append((path, Array(content)))
        }
        return TrustFolderArchive(files: files)
    }

    /// The archive's bytes (files in the order given).
    public func encoded() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(
            .object([
                "format": .string(Self.format),
                "files": .array(
                    files.map { .object(["path": .string($0.path), "content": .string(Data($0.content).base64EncodedString())]) }),
            ]))
        return writer.bytes
    }

    /// A path is relative, `/`-separated, made of names that are not empty, `.` or `..`, of at most
    /// 255 bytes each and 1,024 in all, without NUL or backslash: written under the folder, it
    /// stays under the folder.
    public static func validate(path: String) throws(TrustStoreError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let bad =
            path.isEmpty || path.utf8.count > 1024 || path.hasPrefix("/") || path.contains("\0") || path.contains("\\")
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.utf8.count > 255 }
        if bad {
            throw TrustStoreError(
                .invalidTrustList, "the credential trust archive names the path \"\(path)\", which could leave its folder; nothing was installed")
        }
    }
}
