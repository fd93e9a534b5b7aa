import Foundation
import QRGateCore

extension ValueSets {
    /// Loads value sets from a file or from every `*.json` file directly inside a folder (sorted
    /// by name; sub-folders such as `schemas/` are skipped). This is run-time loading for central
    /// sync; the library itself ships ``bundled``.
    public init(contentsOf url: URL) throws(ValueSetError) {
        self.init()
        try load(contentsOf: url)
    }

    /// Adds the value sets in a file, or in every `*.json` file directly inside a folder.
    public mutating func load(contentsOf url: URL) throws(ValueSetError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ValueSetError(code: .unreadable, message: "\(url.path) does not exist; check the value-set path")
        }
        var files: [URL] = [url]
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw ValueSetError(
                    code: .unreadable,
                    message: "cannot list \(url.path) (\(error.localizedDescription)); check permissions")
            }
            files = names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
                .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true }
        }
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw ValueSetError(
                    code: .unreadable,
                    message: "cannot read \(file.path) (\(error.localizedDescription)); check permissions")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValueSetError(code: .notJSON, message: "\(file.path) is not UTF-8 text; fetch it again")
            }
            try load(jsonText: text, source: file.lastPathComponent)
        }
    }
}
