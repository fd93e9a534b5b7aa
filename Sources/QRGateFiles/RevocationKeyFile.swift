import Foundation
import QRGateCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The installed revocation list on disk: its index keys sorted, 16 bytes each, after a 32-byte
/// header (`QRGREV1\0`, the list's signed version and issue time in milliseconds, the key count;
/// integers big-endian). The gate keeps only the ``DCCRevocationIndex`` in memory and reads a
/// whole key from here with `pread` to confirm a fingerprint match, so the list's size on disk
/// does not become resident memory.
public final class RevocationKeyFile: RevocationKeyStore, @unchecked Sendable {
    // @unchecked: the descriptor is opened in init, only read with pread (no shared offset) and
    // closed in deinit; every stored property is immutable.
    static let magic: [UInt8] = Array("QRGREV1".utf8) + [0]
    static let headerBytes = 32

    /// Keys in the file.
    public let count: Int
    /// The list's signed version.
    public let version: Int64
    /// When the publisher issued the list.
    public let issuedAt: Date
    private let descriptor: Int32

    /// Opens an installed file. Throws `DCCRevocationError` (`unreadable`, `damaged`) when it is not one.
    public init(path: String) throws(DCCRevocationError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DCCRevocationError("unreadable", "cannot open the revocation list \(path): \(String(cString: strerror(errno)))")
        }
        var header = [UInt8](repeating: 0, count: Self.headerBytes)
        var size = stat()
        guard pread(descriptor, &header, Self.headerBytes, 0) == Self.headerBytes, Array(header[0..<8]) == Self.magic, fstat(descriptor, &size) == 0
        else {
            close(descriptor)
            throw DCCRevocationError("damaged", "\(path) is not an installed revocation list; it will be rebuilt at the next sync")
        }
        let count = Int(Self.integer(header[24..<32]))
        guard Int(size.st_size) == Self.headerBytes + count * 16 else {
            close(descriptor)
            throw DCCRevocationError("damaged", "\(path) is cut short (\(size.st_size) bytes for \(count) keys); it will be rebuilt at the next sync")
        }
        self.descriptor = descriptor
        self.count = count
        self.version = Int64(bitPattern: Self.integer(header[8..<16]))
        self.issuedAt = Date(timeIntervalSince1970: Double(Int64(bitPattern: Self.integer(header[16..<24]))) / 1000)
    }

    deinit { close(descriptor) }

    /// The key at `index`, read from the file.
    public func key(at index: Int) -> RevocationKey? {
        guard index >= 0, index < count else { return nil }
        var halves: (UInt64, UInt64) = (0, 0)
        guard pread(descriptor, &halves, 16, off_t(Self.headerBytes + index * 16)) == 16 else { return nil }
        return RevocationKey(high: UInt64(bigEndian: halves.0), low: UInt64(bigEndian: halves.1))
    }

    /// Every key in order, read in large sequential chunks (building the index reads each once).
    public func forEachKey(_ body: (RevocationKey) throws(DCCRevocationError) -> Void) throws(DCCRevocationError) {
        let chunkKeys = 65_536
        var buffer = [UInt8](repeating: 0, count: chunkKeys * 16)
        var done = 0
        while done < count {
            let wanted = Swift.min(chunkKeys, count - done)
            let read = pread(descriptor, &buffer, wanted * 16, off_t(Self.headerBytes + done * 16))
            guard read == wanted * 16 else { throw DCCRevocationError("damaged", "the revocation list file could not be read at key \(done)") }
            let chunk = buffer.withUnsafeBytes { raw in
                (0..<wanted).map { offset in
                    RevocationKey(
                        high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset * 16, as: UInt64.self)),
                        low: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset * 16 + 8, as: UInt64.self)))
                }
            }
            for key in chunk { try body(key) }
            done += wanted
        }
    }

    /// Writes `keys` (sorted, without repeats) as an installed list at `path`: beside it, synced,
    /// then renamed over it, so a crash leaves the previous file or the new one, never half.
    public static func install(_ keys: [RevocationKey], version: Int64, issuedAt: Date, to path: String) throws(DCCRevocationError) {
        var bytes = magic
        bytes.reserveCapacity(headerBytes + keys.count * 16)
        append(UInt64(bitPattern: version), to: &bytes)
        append(UInt64(bitPattern: Int64((issuedAt.timeIntervalSince1970 * 1000).rounded())), to: &bytes)
        append(UInt64(keys.count), to: &bytes)
        for key in keys {
            append(key.high, to: &bytes)
            append(key.low, to: &bytes)
        }
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DCCRevocationError("unwritable", "cannot write \(temporary): \(String(cString: strerror(errno))); check the state folder")
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result <= 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw DCCRevocationError("unwritable", "cannot write \(temporary): \(reason); check the free space of the state folder")
            }
            written += result
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DCCRevocationError("unwritable", "cannot install \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Builds the index of this file: one sequential pass, the keys confirmed from the file later.
    public func index() throws(DCCRevocationError) -> DCCRevocationIndex {
        try DCCRevocationIndex(store: self)
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
