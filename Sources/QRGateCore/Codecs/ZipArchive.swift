/// A minimal reader of ZIP archives (PKWARE APPNOTE): the entries of the central directory,
/// stored or DEFLATE-compressed, each checked against its CRC-32. Written for credentials
/// that carry a small ZIP (DIVOC's `B64:` QR holds one `certificate.json`), so every size is
/// bounded: the number of entries, each entry's inflated size, and nothing is inflated beyond
/// the size its header declares. ZIP64, encryption and other methods are refused.
///
/// An archive without a readable central directory is read from its local headers in order,
/// as streaming readers (Java's `ZipInputStream`) do, so an entry whose sizes follow its data
/// (general-purpose flag bit 3) is still found.
public struct ZipArchive: Sendable {
    /// Bounds on what an archive may hold.
    public struct Limits: Sendable {
        /// Most entries read.
        public var maxEntries = 16
        /// Largest inflated size of one entry, in bytes.
        public var maxEntryBytes = 256 * 1024
        /// Creates the default limits (16 entries of at most 256 KiB).
        public init() {}
    }

    /// One entry.
    public struct Entry: Sendable, Hashable {
        /// The entry's name (path inside the archive), as UTF-8 or CP437 bytes read as UTF-8.
        public var name: String
        /// 0 stored, 8 deflated.
        public var method: UInt16
        /// General-purpose flags.
        var flags: UInt16
        /// The CRC-32 of the inflated data.
        public var crc32: UInt32
        /// Compressed size, nil when only the data descriptor after the data knows it.
        public var compressedSize: Int?
        /// Inflated size, nil when only the data descriptor after the data knows it.
        public var uncompressedSize: Int?
        /// Where the entry's local header starts.
        var localHeaderOffset: Int
    }

    /// The archive's bytes.
    let bytes: [UInt8]
    /// The limits it was read with.
    let limits: Limits
    /// The entries, in central-directory (else local-header) order.
    public let entries: [Entry]

    /// Reads the directory of `bytes`.
    public init(bytes: [UInt8], limits: Limits = Limits()) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        if let directory = try Self.centralDirectory(bytes, limits: limits) {
            entries = directory
        } else {
            entries = try Self.localEntries(bytes, limits: limits)
        }
    }

    /// The inflated contents of the first entry named `name`.
    public func contents(of name: String) throws(ZipError) -> [UInt8] {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw ZipError(
                .missingEntry,
                "The archive holds no \(name) (it holds \(entries.isEmpty ? "nothing" : entries.prefix(5).map(\.name).joined(separator: ", "))).")
        }
        return try contents(of: entry)
    }

    /// The inflated contents of `entry`, checked against its CRC-32 and sizes.
    public func contents(of entry: Entry) throws(ZipError) -> [UInt8] {
        let at = entry.localHeaderOffset
        guard at >= 0, at + 30 <= bytes.count, Self.u32(bytes, at) == 0x0403_4B50 else {
            throw ZipError(.corrupt, "The ZIP entry \(entry.name) has no local header where the directory says; the archive is damaged.")
        }
        let start = at + 30 + Int(Self.u16(bytes, at + 26)) + Int(Self.u16(bytes, at + 28))
        guard start <= bytes.count else { throw ZipError(.truncated, "The ZIP archive ends inside the header of \(entry.name).") }
        if let declared = entry.uncompressedSize, declared > limits.maxEntryBytes {
            throw ZipError(
                .tooLarge, "The ZIP entry \(entry.name) declares \(declared) bytes, more than the \(limits.maxEntryBytes) a credential may hold.")
        }
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard let size = entry.compressedSize, start + size <= bytes.count else {
                throw ZipError(.truncated, "The stored ZIP entry \(entry.name) is cut short; the archive is incomplete.")
            }
            output = Array(bytes[start..<start + size])
        case 8:
            let end = entry.compressedSize.map { start + $0 } ?? bytes.count
            guard end <= bytes.count else { throw ZipError(.truncated, "The ZIP entry \(entry.name) is cut short; the archive is incomplete.") }
            var zlimits = Zlib.Limits()
            zlimits.maxOutputBytes = min(entry.uncompressedSize ?? limits.maxEntryBytes, limits.maxEntryBytes)
            do {
                output = try Zlib.inflateRaw(Array(bytes[start..<end]), limits: zlimits).output
            } catch {
                throw ZipError(
                    error.code == .outputTooLarge ? .tooLarge : .corrupt, "The ZIP entry \(entry.name) does not inflate: \(error.message)")
            }
        default:
            throw ZipError(
                .unsupported, "The ZIP entry \(entry.name) uses compression method \(entry.method); only stored (0) and DEFLATE (8) are read.")
        }
        if let size = entry.uncompressedSize, output.count != size {
            throw ZipError(
                .corrupt,
                "The ZIP entry \(entry.name) inflates to \(output.count) bytes, not the \(size) its header declares; the archive is damaged.")
        }
        if entry.uncompressedSize != nil || entry.flags & 0x08 == 0, Gzip.crc32(output) != entry.crc32 {
            throw ZipError(.checksumMismatch, "The ZIP entry \(entry.name) does not match its CRC-32; the archive is damaged.")
        }
        return output
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }

    /// The entries of the central directory, nil when there is no end-of-central-directory record.
    static func centralDirectory(_ b: [UInt8], limits: Limits) throws(ZipError) -> [Entry]? {
        guard b.count >= 22 else { return nil }
        // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
        var end: Int? = nil
        var i = b.count - 22
        let lowest = max(0, b.count - 22 - 65535)
        while i >= lowest {
            if b[i] == 0x50, u32(b, i) == 0x0605_4B50, i + 22 + Int(u16(b, i + 20)) == b.count {
                end = i
                break
            }
            i -= 1
        }
        guard let end else { return nil }
        let count = Int(u16(b, end + 10))
        let size = Int(u32(b, end + 12))
        let offset = Int(u32(b, end + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw ZipError(.unsupported, "The archive is a ZIP64 archive; credentials are small ZIP files, so it is refused.")
        }
        guard count <= limits.maxEntries else {
            throw ZipError(.tooLarge, "The archive lists \(count) entries, more than the \(limits.maxEntries) a credential may hold.")
        }
        guard offset + size <= end else {
            throw ZipError(.corrupt, "The ZIP central directory lies outside the archive; the archive is damaged.")
        }
        var entries: [Entry] = []
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, u32(b, at) == 0x0201_4B50 else {
                throw ZipError(.corrupt, "The ZIP central directory is damaged (entry \(entries.count + 1) of \(count)).")
            }
            let flags = u16(b, at + 8)
            let nameLength = Int(u16(b, at + 28))
            let skip = nameLength + Int(u16(b, at + 30)) + Int(u16(b, at + 32))
            guard at + 46 + skip <= offset + size else {
                throw ZipError(.corrupt, "The ZIP central directory is cut short (entry \(entries.count + 1) of \(count)).")
            }
            guard flags & 0x01 == 0 else { throw ZipError(.unsupported, "The ZIP archive is encrypted; a credential is never encrypted.") }
            let compressed = Int(u32(b, at + 20)), uncompressed = Int(u32(b, at + 24))
            entries.append(
                Entry(
                    name: String(decoding: b[at + 46..<at + 46 + nameLength], as: UTF8.self), method: u16(b, at + 10), flags: flags,
                    crc32: u32(b, at + 16), compressedSize: compressed, uncompressedSize: uncompressed,
                    localHeaderOffset: Int(u32(b, at + 42))))
            at += 46 + skip
        }
        return entries
    }

    /// Entries read from local headers in order (no central directory). An entry whose sizes
    /// follow its data (flag bit 3) must be DEFLATE-compressed: its end is where its stream ends.
    static func localEntries(_ b: [UInt8], limits: Limits) throws(ZipError) -> [Entry] {
        var entries: [Entry] = []
        var at = 0
        while at + 30 <= b.count, u32(b, at) == 0x0403_4B50 {
            guard entries.count < limits.maxEntries else {
                throw ZipError(.tooLarge, "The archive holds more than the \(limits.maxEntries) entries a credential may hold.")
            }
            let flags = u16(b, at + 6), method = u16(b, at + 8)
            guard flags & 0x01 == 0 else { throw ZipError(.unsupported, "The ZIP archive is encrypted; a credential is never encrypted.") }
            let nameLength = Int(u16(b, at + 26))
            let start = at + 30 + nameLength + Int(u16(b, at + 28))
            guard start <= b.count else { throw ZipError(.truncated, "The ZIP archive ends inside a local header.") }
            var entry = Entry(
                name: String(decoding: b[at + 30..<at + 30 + nameLength], as: UTF8.self), method: method, flags: flags,
                crc32: u32(b, at + 14), compressedSize: Int(u32(b, at + 18)), uncompressedSize: Int(u32(b, at + 22)),
                localHeaderOffset: at)
            if flags & 0x08 != 0 {
                guard method == 8 else {
                    throw ZipError(
                        .unsupported, "The ZIP entry \(entry.name) is stored with its size after the data; it cannot be read without a directory.")
                }
                var zlimits = Zlib.Limits()
                zlimits.maxOutputBytes = limits.maxEntryBytes
                let consumed: Int
                do {
                    consumed = try Zlib.inflateRaw(Array(b[start...]), limits: zlimits).consumed
                } catch {
                    throw ZipError(
                        error.code == .outputTooLarge ? .tooLarge : .corrupt, "The ZIP entry \(entry.name) does not inflate: \(error.message)")
                }
                // The data descriptor: optional signature, CRC-32, compressed and inflated sizes.
                var descriptor = start + consumed
                if descriptor + 4 <= b.count, u32(b, descriptor) == 0x0807_4B50 { descriptor += 4 }
                guard descriptor + 12 <= b.count else { throw ZipError(.truncated, "The ZIP entry \(entry.name) lacks its data descriptor.") }
                entry.crc32 = u32(b, descriptor)
                entry.compressedSize = consumed
                entry.uncompressedSize = Int(u32(b, descriptor + 8))
                entries.append(entry)
                at = descriptor + 12
            } else {
                entries.append(entry)
                at = start + (entry.compressedSize ?? 0)
            }
        }
        guard !entries.isEmpty else {
            throw ZipError(.notAZip, "The data is not a ZIP archive (no end-of-central-directory record and no local header at its start).")
        }
        return entries
    }
}

/// Why a ZIP archive could not be read.
public typealias ZipError = CodedError<ZipErrors>
/// The domain of ``ZipError``: what can be wrong with a ZIP archive.
public enum ZipErrors: ErrorDomain {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// Not a ZIP archive at all.
        public static let notAZip = Code("not_a_zip")
        /// The archive ends early.
        public static let truncated = Code("truncated")
        /// Headers or data are inconsistent.
        public static let corrupt = Code("corrupt")
        /// An entry does not match its CRC-32.
        public static let checksumMismatch = Code("checksum_mismatch")
        /// More entries or bytes than the limits allow.
        public static let tooLarge = Code("too_large")
        /// ZIP64, encryption or a compression method other than stored and DEFLATE.
        public static let unsupported = Code("unsupported")
        /// The wanted entry is not in the archive.
        public static let missingEntry = Code("missing_entry")
        /// The snake_case name of the code.
        public var description: String { name }
    }
}
