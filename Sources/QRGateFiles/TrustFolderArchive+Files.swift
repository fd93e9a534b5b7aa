import Foundation
import QRGateCore

extension TrustFolderArchive {
    /// Every regular file under `folder` (hidden folders such as `.well-known` included; links
    /// not followed), paths relative to it, in a stable order. Throws `TrustStoreError` when the
    /// folder cannot be read or holds a file the archive cannot carry.
    public static func pack(folder: String) throws(TrustStoreError) -> TrustFolderArchive {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        else {
            throw TrustStoreError(.unreadable, "the trust folder \(folder) cannot be read")
        }
        var files: [(path: String, content: [UInt8])] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            try validate(path: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw TrustStoreError(.unreadable, "\(path) cannot be read; check its permissions")
            }
            guard data.count <= maxFileBytes else {
                throw TrustStoreError(.invalidTrustList, "\(path) is larger than \(maxFileBytes) bytes; a trust file is not that large")
            }
            files.append((path, Array(data)))
        }
        return TrustFolderArchive(files: files.sorted { $0.path < $1.path })
    }

    /// Writes the files into a new folder beside `folder` and swaps it in for `folder`, so a reader
    /// sees the old folder or the new one, never a mix. Returns nothing; throws `TrustStoreError`
    /// when a file cannot be written (the old folder then stays).
    public func install(into folder: String) throws(TrustStoreError) {
        let manager = FileManager.default
        let staging = folder + ".new"
        let previous = folder + ".old"
        do {
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for file in files {
                try TrustFolderArchive.validate(path: file.path)
                let target = URL(fileURLWithPath: staging).appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.content).write(to: target)
            }
            try? manager.removeItem(atPath: previous)
            if manager.fileExists(atPath: folder) { try manager.moveItem(atPath: folder, toPath: previous) }
            try manager.moveItem(atPath: staging, toPath: folder)
            try? manager.removeItem(atPath: previous)
        } catch let error as TrustStoreError {
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw TrustStoreError(.unreadable, "the credential trust folder \(folder) cannot be written (\(error.localizedDescription))")
        }
    }
}
