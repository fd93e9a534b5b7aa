import Crypto

/// RDF Dataset Canonicalization, URDNA2015 (W3C RDF Dataset Canonicalization, the algorithm
/// published as RDFC-1.0): blank nodes get canonical labels `_:c14n0`, `_:c14n1`, … from
/// SHA-256 hashes of their first-degree quads, ties broken by the N-degree hash over every
/// permutation of related blank nodes. The work is bounded by ``maxHashSteps`` (one step per
/// node of a permutation, per N-degree hash and per related-node hash; at most
/// ``maxIndistinguishable`` tied nodes around one node): a dataset built to make the
/// labelling exponential, or a node with thousands of indistinguishable neighbours, fails with
/// `too_complex` instead of running without end.
public struct RDFCanonicalizer: Sendable {
    /// Most steps (permutations, N-degree hashes, related-node hashes) in one canonicalization.
    public var maxHashSteps = 50_000
    /// Most blank nodes that tie around one node (their every order is a permutation to try).
    public var maxIndistinguishable = 16

    /// Creates a canonicalizer.
    public init() {}

    /// The canonical N-Quads document of `quads`: one line per distinct quad, sorted.
    public func canonicalNQuads(_ quads: [RDFQuad]) throws(JSONLDError) -> String {
        var state = State(quads: quads, maxSteps: maxHashSteps, maxGroup: maxIndistinguishable)
        try state.run()
        var lines = Set<String>()
        for quad in quads { lines.insert(state.relabel(quad).nQuads) }
        return lines.sorted(by: Self.codePointOrder).joined()
    }

    /// Unicode code point order (Swift's `<` on `String` compares by grapheme clusters).
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }

    /// Issues identifiers with a prefix and a counter, remembering the order of issue.
    struct Issuer {
        let prefix: String
        var counter = 0
        var issued: [String: String] = [:]
        var order: [String] = []

        init(_ prefix: String) { self.prefix = prefix }

        mutating func issue(_ existing: String) -> String {
            if let known = issued[existing] { return known }
            let label = prefix + String(counter)
            counter += 1
            issued[existing] = label
            order.append(existing)
            return label
        }
    }

    struct State {
        let quads: [RDFQuad]
        var quadsOf: [String: [Int]] = [:]
        var canonical = Issuer("c14n")
        var firstDegree: [String: String] = [:]
        var steps = 0
        let maxSteps: Int
        let maxGroup: Int

        init(quads: [RDFQuad], maxSteps: Int, maxGroup: Int) {
            self.quads = quads
            self.maxSteps = maxSteps
            self.maxGroup = maxGroup
            for (index, quad) in quads.enumerated() {
                for term in [quad.subject, quad.object, quad.graph] {
                    if case .blank(let label)? = term, quadsOf[label]?.last != index { quadsOf[label, default: []].append(index) }
                }
            }
        }

        mutating func spend() throws(JSONLDError) {
            steps += 1
            if steps > maxSteps {
                throw JSONLDError(
                    .tooComplex,
                    "The credential's blank nodes are too symmetric to label within \(maxSteps) steps of RDF canonicalization; it is refused as too complex."
                )
            }
        }

        static func sha256Hex(_ text: String) -> String {
            SHA256.hash(data: Array(text.utf8)).map { byte in
                let digits = Array("0123456789abcdef")
                return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }.joined()
        }

        mutating func run() throws(JSONLDError) {
            var byHash: [String: [String]] = [:]
            for label in quadsOf.keys.sorted(by: RDFCanonicalizer.codePointOrder) {
                byHash[hashFirstDegree(label), default: []].append(label)
            }
            let hashes = byHash.keys.sorted(by: RDFCanonicalizer.codePointOrder)
            var shared: [String] = []
            for hash in hashes {
                let labels = byHash[hash]!
                if labels.count == 1 { _ = canonical.issue(labels[0]) } else { shared.append(hash) }
            }
            for hash in shared {
                var results: [(hash: String, issuer: Issuer)] = []
                for label in byHash[hash]! where canonical.issued[label] == nil {
                    var temporary = Issuer("b")
                    _ = temporary.issue(label)
                    results.append(try hashNDegree(label, temporary))
                }
                results.sort { RDFCanonicalizer.codePointOrder($0.hash, $1.hash) }
                for result in results {
                    for existing in result.issuer.order { _ = canonical.issue(existing) }
                }
            }
        }

        func relabel(_ quad: RDFQuad) -> RDFQuad {
            func map(_ term: RDFTerm) -> RDFTerm {
                if case .blank(let label) = term { return .blank(canonical.issued[label] ?? label) }
                return term
            }
            return RDFQuad(subject: map(quad.subject), predicate: quad.predicate, object: map(quad.object), graph: quad.graph.map(map))
        }

        /// Hash First Degree Quads: the sorted quads of `label` with it written `_:a` and
        /// every other blank node `_:z`.
        mutating func hashFirstDegree(_ label: String) -> String {
            if let known = firstDegree[label] { return known }
            func mask(_ term: RDFTerm) -> RDFTerm {
                if case .blank(let other) = term { return .blank(other == label ? "a" : "z") }
                return term
            }
            let lines = (quadsOf[label] ?? []).map { index in
                let quad = quads[index]
                return RDFQuad(subject: mask(quad.subject), predicate: quad.predicate, object: mask(quad.object), graph: quad.graph.map(mask)).nQuads
            }
            let hash = Self.sha256Hex(lines.sorted(by: RDFCanonicalizer.codePointOrder).joined())
            firstDegree[label] = hash
            return hash
        }

        /// Hash Related Blank Node.
        mutating func hashRelated(_ related: String, _ quad: RDFQuad, _ issuer: Issuer, position: String) -> String {
            let identifier = (canonical.issued[related] ?? issuer.issued[related]).map { "_:" + $0 } ?? hashFirstDegree(related)
            var input = position
            if position != "g" { input += quad.predicate.nQuads }
            return Self.sha256Hex(input + identifier)
        }

        /// Hash N-Degree Quads.
        mutating func hashNDegree(_ label: String, _ issuer: Issuer) throws(JSONLDError) -> (hash: String, issuer: Issuer) {
            try spend()
            var issuer = issuer
            var related: [String: [String]] = [:]
            for index in quadsOf[label] ?? [] {
                let quad = quads[index]
                for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                    guard case .blank(let other)? = term, other != label else { continue }
                    try spend()  // each related node costs a hash: a node with thousands of twins is bounded too
                    let hash = hashRelated(other, quad, issuer, position: position)
                    related[hash, default: []].append(other)
                }
            }
            var data = ""
            for hash in related.keys.sorted(by: RDFCanonicalizer.codePointOrder) {
                data += hash
                var chosenPath = ""
                var chosenIssuer: Issuer? = nil
                let group = related[hash]!
                guard group.count <= maxGroup else {
                    throw JSONLDError(
                        .tooComplex,
                        "The credential has \(group.count) indistinguishable blank nodes around one node (at most \(maxGroup) are labelled); RDF canonicalization would have to try every order of them, so it is refused as too complex."
                    )
                }
                var permutations = Permutations(group)
                while let permutation = permutations.next() {
                    try spend()
                    var copy = issuer
                    var path = ""
                    var recursion: [String] = []
                    var skip = false
                    for node in permutation {
                        try spend()
                        if let known = canonical.issued[node] {
                            path += "_:" + known
                        } else {
                            if copy.issued[node] == nil { recursion.append(node) }
                            path += "_:" + copy.issue(node)
                        }
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, RDFCanonicalizer.codePointOrder(chosenPath, path) {
                            skip = true
                            break
                        }
                    }
                    if skip { continue }
                    for node in recursion {
                        let result = try hashNDegree(node, copy)
                        path += "_:" + copy.issue(node)
                        path += "<" + result.hash + ">"
                        copy = result.issuer
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, RDFCanonicalizer.codePointOrder(chosenPath, path) {
                            skip = true
                            break
                        }
                    }
                    if skip { continue }
                    if chosenPath.isEmpty || RDFCanonicalizer.codePointOrder(path, chosenPath) {
                        chosenPath = path
                        chosenIssuer = copy
                    }
                }
                data += chosenPath
                if let chosenIssuer { issuer = chosenIssuer }
            }
            return (Self.sha256Hex(data), issuer)
        }
    }

    /// Every permutation of a list, in lexicographic order of positions (Heap's order is not
    /// needed: the algorithm takes the smallest path over all of them).
    struct Permutations {
        let items: [String]
        var indices: [Int]
        var first = true
        var done = false

        init(_ items: [String]) {
            self.items = items
            indices = Array(items.indices)
        }

        mutating func next() -> [String]? {
            if done { return nil }
            if first {
                first = false
                return indices.map { items[$0] }
            }
            // Next permutation in lexicographic order of the index array.
            var i = indices.count - 2
            while i >= 0, indices[i] >= indices[i + 1] { i -= 1 }
            if i < 0 {
                done = true
                return nil
            }
            var j = indices.count - 1
            while indices[j] <= indices[i] { j -= 1 }
            indices.swapAt(i, j)
            indices[(i + 1)...].reverse()
            return indices.map { items[$0] }
        }
    }
}
