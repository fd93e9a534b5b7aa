import Foundation
import QRGateCore

extension TrustStore {
    /// Loads a file, or every non-hidden regular file of a folder (not recursive, in name order).
    public static func load(path: String) throws(TrustStoreError) -> TrustStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TrustStoreError(.unreadable, "Trust path \(path) does not exist. Check the --trust option or the configuration.")
        }
        var files: [String] = [path]
        if isDirectory.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw TrustStoreError(.unreadable, "Trust folder \(path) cannot be listed. Check its permissions.")
            }
            files = names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            files = files.filter {
                var dir: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
            }
        }
        var entries: [Entry] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TrustStoreError(.unreadable, "Trust file \(file) cannot be read. Check its permissions.")
            }
            entries += try Self.entries(fromFileContents: Array(data), fileName: (file as NSString).lastPathComponent)
        }
        return TrustStore(entries)
    }
}
