import Foundation
import QRGateCore

extension TrustStore {
    /// Most entries of a trust folder's tree looked at for issuer material.
    static let maxTreeEntries = 20_000

    /// Adds the material of other credential formats found in the tree of `folder`:
    /// - SMART Health Card issuers: `<iss without https://>/.well-known/jwks.json` anywhere below,
    ///   with `.well-known/crl/<kid>.json` revocation lists beside it;
    /// - ICAO country signing CAs: the CA certificates among `certificates` (the folder's own
    ///   files), with their DER CRLs (`*.crl` in the folder or in its `crl/` folder).
    /// A file that cannot be used is reported in `skipped` with its path, never fatal.
    static func addCredentialMaterial(
        folder: String, certificates: [Entry], to store: inout TrustStore, skipped: inout [TrustStoreError]
    ) {
        var issuers = HealthCardIssuers()
        var authorities = CountrySigningAuthorities()
        for entry in certificates where !entry.certificate.isBareKey {
            authorities.add(certificateDER: entry.certificate.der)
        }
        let files = treeFiles(folder)
        func read(_ relative: String) -> [UInt8]? {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(relative)) else {
                skipped.append(TrustStoreError(.unreadable, "Trust file \(relative) cannot be read and was skipped. Check its permissions."))
                return nil
            }
            return Array(data)
        }
        for relative in files {
            let components = relative.split(separator: "/").map(String.init)
            guard let wellKnown = components.firstIndex(of: ".well-known"), wellKnown > 0 else { continue }
            let issuer = "https://" + components[..<wellKnown].joined(separator: "/")
            let rest = components[(wellKnown + 1)...]
            if rest == ["jwks.json"] {
                guard let contents = read(relative) else { continue }
                do {
                    skipped += try issuers.addKeySet(contents, issuer: issuer, source: relative)
                } catch {
                    skipped.append(error)
                }
            }
        }
        for relative in files {
            let components = relative.split(separator: "/").map(String.init)
            guard let wellKnown = components.firstIndex(of: ".well-known"), wellKnown > 0, components.count == wellKnown + 3,
                components[wellKnown + 1] == "crl", relative.hasSuffix(".json")
            else { continue }
            let issuer = "https://" + components[..<wellKnown].joined(separator: "/")
            guard let contents = read(relative) else { continue }
            do {
                try issuers.addRevocationList(contents, issuer: issuer, source: relative)
            } catch {
                skipped.append(error)
            }
        }
        for relative in files where relative.lowercased().hasSuffix(".crl") {
            let components = relative.split(separator: "/")
            guard components.count == 1 || (components.count == 2 && components[0] == "crl") else { continue }
            guard let contents = read(relative) else { continue }
            do {
                try authorities.addRevocationList(contents, source: relative)
            } catch {
                skipped.append(error)
            }
        }
        store.healthCardIssuers = store.healthCardIssuers.merging(issuers)
        store.countrySigningAuthorities = store.countrySigningAuthorities.merging(authorities)
    }

    /// The regular files below `folder` (hidden folders included, so `.well-known` is found),
    /// relative paths in name order, at most ``maxTreeEntries`` entries and 12 levels looked at.
    static func treeFiles(_ folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        var seen = 0
        while let relative = enumerator.nextObject() as? String {
            seen += 1
            if seen > maxTreeEntries { break }
            if enumerator.level > 12 {
                enumerator.skipDescendants()
                continue
            }
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(relative) }
        }
        return files.sorted()
    }
}
