import Foundation
import QRGateCore

/// A trust store read from a file or folder, with the files of the folder that were skipped.
public struct LoadedTrustStore: Sendable {
    /// The signers of every usable file.
    public var store: TrustStore
    /// One error per file of the folder that could not be used (its name in the message), in
    /// name order; each was skipped, the other files stand.
    public var skipped: [TrustStoreError]
}

extension TrustStore {
    /// Loads a file, or every non-hidden regular file of a folder (not recursive, in name
    /// order). A file of a folder that cannot be read or holds nothing usable is skipped
    /// (``loadReporting(path:)`` says which and why); a single file given by name must be usable.
    public static func load(path: String) throws(TrustStoreError) -> TrustStore {
        try loadReporting(path: path).store
    }

    /// Loads a file or a folder as ``load(path:)`` does, and reports the files it skipped.
    /// Throws when the path does not exist, a folder cannot be listed, or a file given by name is
    /// unusable; never for one bad file among the files of a folder.
    public static func loadReporting(path: String) throws(TrustStoreError) -> LoadedTrustStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TrustStoreError(.unreadable, "Trust path \(path) does not exist. Check the --trust option or the configuration.")
        }
        guard isDirectory.boolValue else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TrustStoreError(.unreadable, "Trust file \(path) cannot be read. Check its permissions.")
            }
            let entries = try Self.entries(fromFileContents: Array(data), fileName: (path as NSString).lastPathComponent)
            return LoadedTrustStore(store: TrustStore(entries), skipped: [])
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw TrustStoreError(.unreadable, "Trust folder \(path) cannot be listed. Check its permissions.")
        }
        let files = names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }.filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
        }
        var entries: [Entry] = []
        var skipped: [TrustStoreError] = []
        for file in files {
            let name = (file as NSString).lastPathComponent
            if name.lowercased().hasSuffix(".crl") { continue }  // country signing CAs' CRLs: addCredentialMaterial
            guard let data = FileManager.default.contents(atPath: file) else {
                skipped.append(TrustStoreError(.unreadable, "Trust file \(name) cannot be read and was skipped. Check its permissions."))
                continue
            }
            do {
                entries += try Self.entries(fromFileContents: Array(data), fileName: name)
            } catch {
                skipped.append(TrustStoreError(error.code, error.message + " The file was skipped; the other trust files are used."))
            }
        }
        var store = TrustStore(entries)
        addCredentialMaterial(folder: path, certificates: entries, to: &store, skipped: &skipped)
        return LoadedTrustStore(store: store, skipped: skipped)
    }
}
