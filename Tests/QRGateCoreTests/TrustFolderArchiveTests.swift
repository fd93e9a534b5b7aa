import Foundation
import QRGateCore
import Testing

/// The credential-trust resource: a trust folder as one file, never able to write outside the
/// folder it is unpacked into.
@Suite struct TrustFolderArchiveTests {
    @Test func anArchiveRoundTrips() throws {
        let archive = TrustFolderArchive(files: [
            ("shc/spec.smarthealth.cards/.well-known/jwks.json", Array(#"{"keys":[]}"#.utf8)), ("divoc/did_india.pem", [0, 1, 2, 255]),
        ])
        #expect(try TrustFolderArchive.decode(archive.encoded()) == archive)
    }

    @Test(arguments: ["../escape.pem", "/etc/passwd", "a/../../b", "a//b", "./a", "a/./b", "", "a\\b", "dir/"])
    func aPathThatCouldLeaveTheFolderRefusesTheWholeArchive(path: String) {
        let bytes = Array(
            #"{"format":"qrgate-trust-folder-1","files":[{"path":"ok.pem","content":""},{"path":"\#(path.replacingOccurrences(of: "\\", with: "\\\\"))","content":""}]}"#
                .utf8)
        #expect(throws: TrustStoreError(.invalidTrustList, "")) { try TrustFolderArchive.decode(bytes) }
    }

    @Test(arguments: [
        "not json", #"{"format":"other","files":[]}"#, #"{"format":"qrgate-trust-folder-1"}"#,
        #"{"format":"qrgate-trust-folder-1","files":[{"path":"a"}]}"#,
        #"{"format":"qrgate-trust-folder-1","files":[{"path":"a","content":""},{"path":"a","content":""}]}"#,
    ])
    func aDamagedArchiveIsRefused(text: String) {
        #expect(throws: TrustStoreError(.invalidTrustList, "")) { try TrustFolderArchive.decode(Array(text.utf8)) }
    }
}
