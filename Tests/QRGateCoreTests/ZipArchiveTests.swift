import Foundation
import QRGateCore
import Testing

/// The ZIP reader DIVOC QRs need: stored and deflated entries, checked and bounded.
@Suite struct ZipArchiveTests {
    static func realArchive(_ name: String) throws -> [UInt8] {
        let vector = try CredentialsWorldVectors.load("divoc/\(name).json")
        return Array(try #require(Data(base64Encoded: String(CredentialsWorldVectors.text(of: vector).dropFirst(4)))))
    }

    @Test func readsStoredAndDeflatedEntries() throws {
        let text = Array("{\"hello\": \"xin chào\"}".utf8)
        for deflate in [false, true] {
            let archive = try ZipArchive(bytes: StoredZip.archive(["a.txt": [1, 2, 3], "certificate.json": text], deflate: deflate))
            #expect(archive.entries.map(\.name) == ["a.txt", "certificate.json"])
            #expect(try archive.contents(of: "certificate.json") == text)
            #expect(archive.entries[1].method == (deflate ? 8 : 0))
        }
    }

    /// India's archive sets flag bit 3 (sizes after the data); without its central directory the
    /// entry is still found from the local header, as streaming readers find it.
    @Test func anArchiveWithoutCentralDirectoryIsReadFromItsLocalHeaders() throws {
        let bytes = try Self.realArchive("divoc-real-india-rsa")
        let full = try ZipArchive(bytes: bytes).contents(of: "certificate.json")
        let directory = try #require((0..<bytes.count - 4).first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        let streamed = try ZipArchive(bytes: Array(bytes[..<directory])).contents(of: "certificate.json")
        #expect(streamed == full)
        #expect(full.count == 1811)
    }

    /// Every truncation of a real archive fails with a typed error or, when only the directory
    /// was cut, still yields the exact entry; never a crash or a different entry.
    @Test func everyTruncationFailsCleanly() throws {
        let bytes = try Self.realArchive("divoc-real-indonesia-ed25519")
        let full = try ZipArchive(bytes: bytes).contents(of: "certificate.json")
        for length in 0..<bytes.count {
            do {
                let contents = try ZipArchive(bytes: Array(bytes[..<length])).contents(of: "certificate.json")
                #expect(contents == full, "length \(length)")
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func anEntryLargerThanTheLimitIsRefusedBeforeInflating() throws {
        var limits = ZipArchive.Limits()
        limits.maxEntryBytes = 1000
        let big = [UInt8](repeating: 0x41, count: 100_000)  // inflates 100 kB from a few hundred bytes
        let bomb = StoredZip.archive(["certificate.json": big], deflate: true)
        #expect(bomb.count < 2000)
        let archive = try ZipArchive(bytes: bomb, limits: limits)
        #expect(throws: ZipError.self) { try archive.contents(of: "certificate.json") }
        do {
            _ = try archive.contents(of: "certificate.json")
        } catch {
            #expect(error.code == .tooLarge)
        }
        // Declaring a small size does not help: inflation stops at the declared size.
        let lying = try ZipArchive(bytes: StoredZip.archive(["certificate.json": big], deflate: true, declaredSize: 10))
        do {
            _ = try lying.contents(of: "certificate.json")
            Issue.record("a lying size was accepted")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func tooManyEntriesAreRefused() throws {
        var files: [String: [UInt8]] = [:]
        for i in 0..<40 { files["f\(i)"] = [UInt8(i)] }
        do {
            _ = try ZipArchive(bytes: StoredZip.archive(files))
            Issue.record("40 entries were accepted")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func aDamagedEntryFailsItsChecksum() throws {
        var bytes = StoredZip.archive(["certificate.json": Array("{\"name\": \"An\"}".utf8)])
        let at = try #require((0..<bytes.count - 2).first { bytes[$0] == UInt8(ascii: "A") && bytes[$0 + 1] == UInt8(ascii: "n") })
        bytes[at] = UInt8(ascii: "B")
        do {
            _ = try ZipArchive(bytes: bytes).contents(of: "certificate.json")
            Issue.record("a damaged entry was accepted")
        } catch {
            #expect(error.code == .checksumMismatch)
        }
    }

    @Test func notAZipIsRefused() {
        #expect(throws: ZipError.self) { try ZipArchive(bytes: Array("hello".utf8)) }
    }
}
