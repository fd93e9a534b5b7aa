// libFuzzer entry for DIVOC verification on hostile input: JSON-LD expansion → RDF → URDNA2015
// (`JSONLDProcessor`, `RDFCanonicalizer`) over any JSON document, and, for input that starts
// like a ZIP (`PK`), the whole DIVOC inspector on `B64:` + that archive. Compiled with every
// Sources/QRGateCore file against the package modules of the debug build (scripts/fuzz jsonld).
// The contexts are the test fixtures' (Tests/Fixtures/credentials-world/trust/divoc/contexts,
// read once from the repository root, where scripts/fuzz runs), so the fuzzer reaches scoped
// and protected contexts; the seeds are Tests/Fixtures/jsonld-canonical/*.json and the real
// DIVOC archives.
//
// Properties checked beyond "no crash, no hang" (-timeout): canonical N-Quads are the same on
// a second run, sorted, one distinct quad per line; a DIVOC report has the four DIVOC checks
// (or prefix alone when not DIVOC) and every failure a reason.

import Foundation

private let contexts: JSONLDDocumentLoader = {
    let folder = "Tests/Fixtures/credentials-world/trust/divoc/contexts/"
    guard let index = FileManager.default.contents(atPath: folder + "index.json"),
        case .object(let map)? = try? JSONValue(parsing: Array(index))
    else { return JSONLDDocumentLoader() }
    var documents: [String: JSONValue] = [:]
    for (url, file) in map {
        if let name = file.stringValue, let bytes = FileManager.default.contents(atPath: folder + name),
            let document = try? JSONValue(parsing: Array(bytes))
        {
            documents[url] = document
        }
    }
    return JSONLDDocumentLoader(documents: documents)
}()

private let trust: TrustStore = {
    var store = TrustStore()
    store.jsonLDContexts = contexts
    return store
}()

private let limits: JSONLDLimits = {
    var limits = JSONLDLimits()
    limits.maxWork = 20_000
    limits.maxQuads = 1_000
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonLDFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.starts(with: [0x50, 0x4B]) {
        var inspector = DIVOCFormatInspector()
        inspector.jsonLDLimits = limits
        let report = inspector.inspect(text: "B64:" + Data(bytes).base64EncodedString(), trust: trust, at: Date(timeIntervalSince1970: 1_700_000_000))
        precondition(report.format == .divoc)
        precondition(Set(report.checks.keys) == Set(DIVOCFormatInspector.checks), "the four DIVOC checks")
        precondition(report.errors.allSatisfy { !$0.message.isEmpty && !$0.code.isEmpty })
        precondition(!report.isValid, "nothing verifies without a key")
        return 0
    }
    var parse = JSONValue.ParseLimits()
    parse.maxDepth = 64
    guard let document = try? JSONValue(parsing: bytes, limits: parse) else { return 0 }
    let processor = JSONLDProcessor(loader: contexts, limits: limits)
    var canonicalizer = RDFCanonicalizer()
    canonicalizer.maxHashSteps = 2_000
    do {
        let quads = try processor.toRDF(document)
        let first = try canonicalizer.canonicalNQuads(quads)
        let second = try canonicalizer.canonicalNQuads(try processor.toRDF(document))
        precondition(first == second, "canonicalization is deterministic")
        let lines = first.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        precondition(Set(lines).count == lines.count, "one distinct quad per line")
        precondition(zip(lines, lines.dropFirst()).allSatisfy { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
