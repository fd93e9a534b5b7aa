import Crypto
import Foundation

/// One entry of the gate's revocation index: the first 16 bytes of SHA-256 over the signer's
/// `kid`, the hash kind and the published revocation hash. Folding the `kid` and the kind in
/// keeps the EU rule (a list names certificates of one signer, by one kind of hash) while the
/// whole set is one sorted run of uniformly spread keys.
public struct RevocationKey: Sendable, Hashable, Comparable {
    /// The first 8 bytes, big-endian.
    public var high: UInt64
    /// The last 8 bytes, big-endian.
    public var low: UInt64

    /// Creates a key from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The key of 16 bytes (big-endian); nil for another length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    /// The key under which the gate stores `hash` of `kind` published for signer `kid`.
    public init(kid: [UInt8], kind: DCCRevocationHashes.Kind, hash: some Collection<UInt8>) {
        var hasher = SHA256()
        hasher.update(data: [UInt8(truncatingIfNeeded: kid.count)])
        hasher.update(data: kid)
        hasher.update(data: Array(kind.rawValue.utf8) + [0])
        hasher.update(data: Array(hash.prefix(DCCRevocationHashes.length)))
        // The digest has 32 bytes: the key is its first 16.
        self.init(bytes: Array(hasher.finalize().prefix(16)))!
    }

    /// The 16 bytes, big-endian.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// Orders as the bytes do.
    public static func < (lhs: RevocationKey, rhs: RevocationKey) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}

/// Where the whole keys of an index are kept, in order: in memory for a small list, in a file for a
/// large one (`QRGateFiles`), so that the index itself holds only a few bytes a key.
public protocol RevocationKeyStore: Sendable {
    /// Keys held.
    var count: Int { get }
    /// The key at `index` (0 ..< count), in ascending order; nil when it cannot be read.
    func key(at index: Int) -> RevocationKey?
    /// Every key in ascending order (a file store reads them in large chunks, not one by one).
    func forEachKey(_ body: (RevocationKey) throws(DCCRevocationError) -> Void) throws(DCCRevocationError)
}

extension RevocationKeyStore {
    /// Every key in ascending order, one `key(at:)` each.
    public func forEachKey(_ body: (RevocationKey) throws(DCCRevocationError) -> Void) throws(DCCRevocationError) {
        for position in 0..<count {
            guard let key = key(at: position) else {
                throw DCCRevocationError("unreadable_entry", "revocation entry \(position) cannot be read; install the list again")
            }
            try body(key)
        }
    }
}

/// Keys in an array, sorted and without repeats.
public struct InMemoryRevocationKeys: RevocationKeyStore {
    /// The keys, ascending.
    public let keys: [RevocationKey]
    /// Sorts `keys` and drops repeats.
    public init(_ keys: [RevocationKey]) {
        var sorted = keys.sorted()
        var kept = 0
        for key in sorted where kept == 0 || sorted[kept - 1] != key {
            sorted[kept] = key
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        self.keys = sorted
    }
    /// Keys held.
    public var count: Int { keys.count }
    /// The key at `index`.
    public func key(at index: Int) -> RevocationKey? { keys.indices.contains(index) ? keys[index] : nil }
}

/// Answers "is this key revoked" among tens of millions of keys in a few bytes a key: the keys'
/// leading bits pick a bucket (an offset table of at most 2^20 + 1 entries), and each key keeps the
/// next 40 bits as a fingerprint (5 bytes). A lookup scans one bucket's fingerprints (about eight)
/// and confirms a match against the whole key in the store, so the answer is exact: a fingerprint
/// collision costs one read, never a wrongly refused certificate. 10 million keys take 54 MB.
public struct DCCRevocationIndex: Sendable {
    /// Bytes of fingerprint kept for each key.
    public static let fingerprintBytes = 5
    /// Most leading bits used to pick a bucket.
    public static let maxBucketBits = 20

    private let bucketBits: Int
    private let offsets: [UInt32]
    private let fingerprints: [UInt8]
    /// The whole keys, for confirming a match.
    public let store: any RevocationKeyStore

    /// Builds the index of `store`, reading each key once in order.
    public init(store: any RevocationKeyStore) throws(DCCRevocationError) {
        guard store.count < Int(UInt32.max) else {
            throw DCCRevocationError("list_too_large", "a revocation index holds at most \(UInt32.max - 1) entries")
        }
        let bits = Swift.max(0, Swift.min(Self.maxBucketBits, (Int.bitWidth - store.count.leadingZeroBitCount) - 3))
        var offsets = [UInt32](repeating: 0, count: (1 << bits) + 1)
        var fingerprints = [UInt8](repeating: 0, count: store.count * Self.fingerprintBytes)
        var previous: RevocationKey?
        var position = 0
        try store.forEachKey { key throws(DCCRevocationError) in
            guard position < store.count else {
                throw DCCRevocationError("unreadable_entry", "the revocation store holds more entries than it counts; install the list again")
            }
            if let previous, !(previous < key) {
                throw DCCRevocationError("unsorted", "revocation entries are not in ascending order at \(position); install the list again")
            }
            previous = key
            offsets[Self.bucket(of: key, bits: bits) + 1] += 1
            let fingerprint = Self.fingerprint(of: key, bits: bits)
            for byte in 0..<Self.fingerprintBytes {
                fingerprints[position * Self.fingerprintBytes + byte] = UInt8(
                    truncatingIfNeeded: fingerprint >> (8 * (Self.fingerprintBytes - 1 - byte)))
            }
            position += 1
        }
        for bucket in 1..<offsets.count { offsets[bucket] += offsets[bucket - 1] }
        self.bucketBits = bits
        self.offsets = offsets
        self.fingerprints = fingerprints
        self.store = store
    }

    /// Keys held.
    public var count: Int { store.count }

    /// Bytes the index itself holds (the offset table and the fingerprints), the store aside.
    public var residentBytes: Int { offsets.count * MemoryLayout<UInt32>.stride + fingerprints.count }

    /// Whether `key` is in the index.
    public func contains(_ key: RevocationKey) -> Bool {
        let bucket = Self.bucket(of: key, bits: bucketBits)
        let wanted = Self.fingerprint(of: key, bits: bucketBits)
        let start = Int(offsets[bucket])
        let end = Int(offsets[bucket + 1])
        return fingerprints.withUnsafeBufferPointer { stored in
            var position = start
            while position < end {
                var fingerprint: UInt64 = 0
                let base = position * Self.fingerprintBytes
                for byte in 0..<Self.fingerprintBytes { fingerprint = fingerprint << 8 | UInt64(stored[base + byte]) }
                if fingerprint > wanted { return false }
                if fingerprint == wanted, store.key(at: position) == key { return true }
                position += 1
            }
            return false
        }
    }

    /// Whether the certificate signed by `kid` with these hashes is revoked.
    public func revokes(kid: [UInt8], _ hashes: DCCRevocationHashes) -> Bool {
        DCCRevocationHashes.Kind.allCases.contains { kind in
            hashes.hash(kind).map { contains(RevocationKey(kid: kid, kind: kind, hash: $0)) } ?? false
        }
    }

    static func bucket(of key: RevocationKey, bits: Int) -> Int {
        bits == 0 ? 0 : Int(key.high >> UInt64(64 - bits))
    }

    static func fingerprint(of key: RevocationKey, bits: Int) -> UInt64 {
        // The 40 bits after the bucket bits (bits ≤ 20, so they lie within `high`).
        (key.high << UInt64(bits)) >> UInt64(64 - 8 * fingerprintBytes)
    }
}

/// The `revocation-list` resource a gate installs (synced from the central service, or given to
/// `qrgate inspect --revocation`): the EU lists, each naming certificates of one signer by one kind
/// of hash (docs/revocation.md).
///
/// ```json
/// {"format": "qrgate-revocation-1",
///  "lists": [{"kid": "<base64 kid>", "hash_type": "UCI", "hashes": "<base64 of n × 16 bytes>"}]}
/// ```
public enum DCCRevocationResource {
    /// The only format read.
    public static let format = "qrgate-revocation-1"

    /// The index keys of every entry of `bytes`, unsorted. `progress` is called with the entries
    /// read so far after each list and every 100,000 entries.
    public static func keys(of bytes: [UInt8], progress: (Int) -> Void = { _ in }) throws(DCCRevocationError) -> [RevocationKey] {
        var limits = JSONValue.ParseLimits()
        limits.maxBytes = Swift.max(limits.maxBytes, bytes.count)
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes, limits: limits)
        } catch {
            throw DCCRevocationError("invalid_revocation_list", "the revocation list is not JSON (\(error.message)); publish it again")
        }
        guard document["format"]?.stringValue == format, let lists = document["lists"]?.arrayValue else {
            throw DCCRevocationError(
                "invalid_revocation_list", "the revocation list is not in the \(format) format (docs/revocation.md); publish it again")
        }
        var keys: [RevocationKey] = []
        for (number, list) in lists.enumerated() {
            guard let kidText = list["kid"]?.stringValue, let kid = Data(base64Encoded: kidText), !kid.isEmpty,
                let kindText = list["hash_type"]?.stringValue, let kind = DCCRevocationHashes.Kind(rawValue: kindText),
                let hashesText = list["hashes"]?.stringValue, let hashes = Data(base64Encoded: hashesText)
            else {
                throw DCCRevocationError(
                    "invalid_revocation_list",
                    "list \(number) of the revocation list needs a base64 kid, a hash_type of UCI, COUNTRYCODEUCI or SIGNATURE, and base64 hashes")
            }
            let length = DCCRevocationHashes.length
            guard hashes.count % length == 0 else {
                throw DCCRevocationError(
                    "entry_length",
                    "list \(number) (kid \(kidText)) has \(hashes.count) bytes of hashes, not a multiple of \(length); publish it again")
            }
            let kidBytes = Array(kid)
            keys.reserveCapacity(keys.count + hashes.count / length)
            hashes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    keys.append(RevocationKey(kid: kidBytes, kind: kind, hash: raw[offset..<offset + length]))
                    offset += length
                    if keys.count % 100_000 == 0 { progress(keys.count) }
                }
            }
            progress(keys.count)
        }
        return keys
    }

    /// The resource bytes of `lists` (for publishers and tests).
    public static func encode(_ lists: [(kid: [UInt8], kind: DCCRevocationHashes.Kind, hashes: [[UInt8]])]) -> [UInt8] {
        let value = JSONValue.object([
            "format": .string(format),
            "lists": .array(
                lists.map { list in
                    .object([
                        "kid": .string(Data(list.kid).base64EncodedString()),
                        "hash_type": .string(list.kind.rawValue),
                        "hashes": .string(Data(list.hashes.flatMap { $0.prefix(DCCRevocationHashes.length) }).base64EncodedString()),
                    ])
                }),
        ])
        var writer = JSONWriter()
        writer.value(value)
        return writer.bytes
    }
}

/// The revocation index a gate verifies with, and how old it may get.
public struct DCCRevocationState: Sendable {
    /// What to do when the list is older than `staleAfter`.
    public enum WhenStale: String, Sendable, CaseIterable {
        /// Every EU DCC fails the `revocation` check (`revocation_list_stale`): nothing is admitted on an old list.
        case refuse
        /// The check passes with a note: the gate admits on the old list and says so.
        case warn
    }

    /// The index.
    public var index: DCCRevocationIndex
    /// The version the publisher gave the list.
    public var version: Int64
    /// When the publisher issued it (what staleness is measured from).
    public var issuedAt: Date
    /// How old the list may be before `whenStale` applies.
    public var staleAfter: TimeInterval
    /// What to do with an older list.
    public var whenStale: WhenStale

    /// Creates the state.
    public init(index: DCCRevocationIndex, version: Int64, issuedAt: Date, staleAfter: TimeInterval, whenStale: WhenStale) {
        self.index = index
        self.version = version
        self.issuedAt = issuedAt
        self.staleAfter = staleAfter
        self.whenStale = whenStale
    }

    /// Whether the list is older than allowed at `clock`.
    public func isStale(at clock: Date) -> Bool { clock.timeIntervalSince(issuedAt) > staleAfter }
}
