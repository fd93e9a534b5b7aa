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
        var linkedDataKeys: [String: LinkedDataKey] = [:]
        for file in files {
            let name = (file as NSString).lastPathComponent
            if name.lowercased().hasSuffix(".crl") { continue }  // country signing CAs' CRLs: addCredentialMaterial
            guard let data = FileManager.default.contents(atPath: file) else {
                skipped.append(TrustStoreError(.unreadable, "Trust file \(name) cannot be read and was skipped. Check its permissions."))
                continue
            }
            if LinkedDataKey.isKeyFile(name) {
                do {
                    linkedDataKeys[String(name.dropLast(4))] = try LinkedDataKey(pem: Array(data), fileName: name)
                } catch {
                    skipped.append(TrustStoreError(error.code, error.message + " The file was skipped; the other trust files are used."))
                }
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
        store.linkedDataKeys = linkedDataKeys
        let contexts = (path as NSString).appendingPathComponent("contexts")
        if FileManager.default.fileExists(atPath: (contexts as NSString).appendingPathComponent("index.json")) {
            store.jsonLDContexts = loadContexts(folder: contexts, skipped: &skipped)
        }
        return LoadedTrustStore(store: store, skipped: skipped)
    }

    /// The JSON-LD contexts of a trust folder's `contexts/`: `index.json` maps each context URL
    /// to a file name in that folder. A context file that cannot be read or parsed is skipped
    /// (reported), so credentials using it fail with `context_unavailable`.
    static func loadContexts(folder: String, skipped: inout [TrustStoreError]) -> JSONLDDocumentLoader {
        var loader = JSONLDDocumentLoader()
        let indexPath = (folder as NSString).appendingPathComponent("index.json")
        guard let data = FileManager.default.contents(atPath: indexPath), case .object(let index)? = try? JSONValue(parsing: Array(data)) else {
            skipped.append(
                TrustStoreError(
                    .invalidTrustList, "contexts/index.json is not a JSON object of context URL → file name; no JSON-LD context is available."))
            return loader
        }
        var parsed: [String: JSONValue] = [:]
        for url in index.keys.sorted() {
            guard let name = index[url]?.stringValue, !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
                skipped.append(
                    TrustStoreError(.invalidTrustList, "contexts/index.json maps \(url) to something other than a file name of that folder; skipped.")
                )
                continue
            }
            if let document = parsed[name] {
                loader.documents[url] = document
                continue
            }
            guard let bytes = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)),
                let document = try? JSONValue(parsing: Array(bytes)), document["@context"] != nil
            else {
                skipped.append(
                    TrustStoreError(
                        .unreadable, "JSON-LD context file contexts/\(name) (for \(url)) cannot be read or is not a JSON-LD context; skipped."))
                continue
            }
            parsed[name] = document
            loader.documents[url] = document
        }
        return loader
    }
}
