import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// JSON-LD → RDF → URDNA2015 canonical N-Quads against an independent implementation's output
/// (Tests/Fixtures/jsonld-canonical: each `<case>.json` with the `<case>.nq` that pyld 2.x's
/// URDNA2015 produced with the DIVOC contexts), and the bounds that stop hostile input.
@Suite struct JSONLDCanonicalTests {
    static let folder = CredentialsWorldVectors.root.deletingLastPathComponent().appendingPathComponent("jsonld-canonical")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()

    static func loader() throws -> JSONLDDocumentLoader {
        try TrustStore.loadReporting(path: CredentialsWorldVectors.root.appendingPathComponent("trust/divoc").path).store.jsonLDContexts
    }

    static func canonical(_ document: JSONValue, limits: JSONLDLimits = JSONLDLimits()) throws -> String {
        try RDFCanonicalizer().canonicalNQuads(try JSONLDProcessor(loader: try loader(), limits: limits).toRDF(document))
    }

    @Test("canonical N-Quads", arguments: cases)
    func matchesTheReference(_ name: String) throws {
        let document = try JSONValue(parsing: Array(try Data(contentsOf: Self.folder.appendingPathComponent(name + ".json"))))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".nq"), encoding: .utf8)
        #expect(try Self.canonical(document) == expected)
    }

    @Test func everyCaseIsRun() {
        #expect(Self.cases.count >= 13)
    }

    /// A clique of blank nodes makes URDNA2015 try every permutation; the work bound stops it.
    @Test func aBlankNodeCliqueIsRefusedAsTooComplex() throws {
        var nodes: [JSONValue] = []
        let count = 9
        for i in 0..<count {
            let links = (0..<count).filter { $0 != i }.map { JSONValue.object(["@id": .string("_:n\($0)")]) }
            nodes.append(.object(["@id": .string("_:n\(i)"), "https://ex.org/link": .array(links)]))
        }
        let document = JSONValue.object(["@graph": .array(nodes)])
        do {
            _ = try Self.canonical(document)
            Issue.record("a 9-clique was canonicalized")
        } catch let error as JSONLDError {
            #expect(error.code == .tooComplex)
        }
    }

    /// A hub with 2,000 blank-node neighbours that tie: the hub itself is unique, so each
    /// neighbour is labelled in one step and the whole takes linear work.
    @Test func aUniqueHubWithManyTiedNeighboursIsCanonicalized() throws {
        let leaves = (0..<2000).map { _ in JSONValue.object(["https://ex.org/q": .string("x")]) }
        let document = JSONValue.object(["https://ex.org/p": .array(leaves)])
        let canonical = try Self.canonical(document)
        #expect(canonical.split(separator: "\n").count == 4000)
        #expect(canonical.contains("_:c14n2000 "))
    }

    /// Two identical hubs of 500 tied neighbours: labelling a hub means trying every order of
    /// its neighbours; the bound on tied nodes refuses it at once.
    @Test func twoIdenticalHubsAreRefusedAsTooComplex() throws {
        let leaves = (0..<500).map { _ in JSONValue.object(["https://ex.org/q": .string("x")]) }
        let hub = JSONValue.object(["https://ex.org/p": .array(leaves)])
        let document = JSONValue.object(["https://ex.org/hubs": .array([hub, hub])])
        do {
            _ = try Self.canonical(document)
            Issue.record("two hubs of 500 tied neighbours were canonicalized")
        } catch let error as JSONLDError {
            #expect(error.code == .tooComplex)
        }
    }

    @Test func deepNestingIsRefusedAsTooComplex() throws {
        var value = JSONValue.string("x")
        for _ in 0..<200 { value = .object(["https://ex.org/p": value]) }
        do {
            _ = try Self.canonical(value)
            Issue.record("200 levels were expanded")
        } catch let error as JSONLDError {
            #expect(error.code == .tooComplex)
        }
    }

    @Test func aContextIncludingItselfIsRefused() throws {
        let loader = JSONLDDocumentLoader(documents: [
            "https://ex.org/a": .object(["@context": .string("https://ex.org/b")]),
            "https://ex.org/b": .object(["@context": .string("https://ex.org/a")]),
        ])
        let document = JSONValue.object(["@context": .string("https://ex.org/a"), "https://ex.org/p": .string("v")])
        do {
            _ = try JSONLDProcessor(loader: loader).toRDF(document)
            Issue.record("a context cycle was accepted")
        } catch {
            #expect(error.code == .invalidContext)
        }
    }

    @Test func aProtectedTermCannotBeRedefined() throws {
        let document = JSONValue.object([
            "@context": .array([
                .string("https://www.w3.org/2018/credentials/v1"), .object(["VerifiableCredential": .string("https://evil.example/VC")]),
            ]),
            "type": .string("VerifiableCredential"),
        ])
        do {
            _ = try JSONLDProcessor(loader: try Self.loader()).toRDF(document)
            Issue.record("a protected term was redefined")
        } catch let error as JSONLDError {
            #expect(error.code == .protectedRedefinition)
        }
    }

    @Test func manyStatementsAreRefused() throws {
        var limits = JSONLDLimits()
        limits.maxQuads = 100
        let values = (0..<500).map { JSONValue.string("v\($0)") }
        let document = JSONValue.object(["https://ex.org/p": .array(values)])
        do {
            _ = try Self.canonical(document, limits: limits)
            Issue.record("500 statements were accepted under a bound of 100")
        } catch let error as JSONLDError {
            #expect(error.code == .tooComplex)
        }
    }
}
