import Foundation
import QRGateCore
import QRGateFiles
import QRGateTestSupport
import Testing

/// A trust folder packed by `qrgate trust pack` unpacks into the same files, hidden folders
/// (`.well-known`) included, and replaces the previous folder whole.
@Suite struct TrustFolderInstallTests {
    @Test func packThenInstallGivesTheSameFolderAndReplacesTheOldOne() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let source = temporary.url.appendingPathComponent("source")
        let jwks = source.appendingPathComponent("shc/issuer.example/.well-known/jwks.json")
        try FileManager.default.createDirectory(at: jwks.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"keys":[]}"#.utf8).write(to: jwks)
        try Data([1, 2, 3]).write(to: source.appendingPathComponent("VN_0102030405060708.pem"))
        let archive = try TrustFolderArchive.pack(folder: source.path)
        #expect(archive.files.map(\.path) == ["VN_0102030405060708.pem", "shc/issuer.example/.well-known/jwks.json"])

        let target = temporary.url.appendingPathComponent("central/credential-trust")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target.appendingPathComponent("stale.pem"))
        try TrustFolderArchive.decode(archive.encoded()).install(into: target.path)
        #expect(try TrustFolderArchive.pack(folder: target.path) == archive)
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("stale.pem").path), "the old folder is replaced whole")
        #expect(!FileManager.default.fileExists(atPath: target.path + ".new"))
        #expect(!FileManager.default.fileExists(atPath: target.path + ".old"))
    }
}
