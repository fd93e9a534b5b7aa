/// JSON-LD 1.1 context processing (W3C JSON-LD 1.1 Processing Algorithms and API, §4.1–4.2):
/// the active context, term definitions with IRI, type and container mappings, scoped
/// contexts, `@vocab`, `@protected` and compact IRIs. Remote contexts come only from a
/// ``JSONLDDocumentLoader``: no network.
///
/// The subset needed for verifiable credentials: `@base` is not applied (credentials are
/// expanded without a document base), `@import`, `@reverse`, `@nest`, `@direction`,
/// index/language/id/type maps are refused with a clear error.

/// Where remote JSON-LD contexts come from: a fixed map of URL → document, read from a trust
/// folder. Any other URL is refused; nothing is fetched.
public struct JSONLDDocumentLoader: Sendable {
    /// The documents by URL.
    public var documents: [String: JSONValue]
    /// Creates a loader serving `documents`.
    public init(documents: [String: JSONValue] = [:]) { self.documents = documents }

    /// The document at `url`, or a `context_unavailable` error naming the URL.
    public func load(_ url: String) throws(JSONLDError) -> JSONValue {
        guard let document = documents[url] else {
            throw JSONLDError(
                .contextUnavailable,
                "The credential uses the JSON-LD context \(url), which is not among the contexts the trust folder provides (contexts/index.json); qrgate never fetches contexts. Add that context to the trust folder if its issuer is trusted, else refuse the credential."
            )
        }
        return document
    }
}

/// Why JSON-LD processing stopped.
public typealias JSONLDError = CodedError<JSONLDErrors>
/// The domain of ``JSONLDError``: why JSON-LD processing stops.
public enum JSONLDErrors: ErrorDomain {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// A remote context that the loader does not have.
        public static let contextUnavailable = Code("context_unavailable")
        /// A context that is not valid JSON-LD (or uses a feature this processor refuses).
        public static let invalidContext = Code("invalid_context")
        /// A document that is not valid JSON-LD.
        public static let invalidDocument = Code("invalid_document")
        /// A protected term redefined differently.
        public static let protectedRedefinition = Code("protected_term_redefinition")
        /// Beyond the work, depth or size limits.
        public static let tooComplex = Code("too_complex")
        /// The snake_case name of the code.
        public var description: String { name }
    }
}

/// Bounds on JSON-LD work, so that hostile documents and contexts end with `too_complex`.
public struct JSONLDLimits: Sendable {
    /// Most nesting of objects and arrays during expansion, and of scoped contexts.
    public var maxDepth = 64
    /// Most remote contexts loaded along one chain of context processing.
    public var maxRemoteContexts = 32
    /// Most units of work (term definitions, expanded values, node-map steps) in total.
    public var maxWork = 200_000
    /// Most RDF quads produced.
    public var maxQuads = 5_000
    /// Creates the default limits.
    public init() {}
}

enum JSONLDKeyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@first", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve", "@propagate",
        "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ]
    static func isKeyword(_ s: String) -> Bool { all.contains(s) }
    /// `@` followed by one or more ASCII letters only.
    static func hasKeywordForm(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count > 1 && u[0] == 0x40 && u.dropFirst().allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }
}

/// `scheme ":" …` with an RFC 3986 scheme.
func jsonLDIsAbsoluteIRI(_ s: String) -> Bool {
    guard let colon = s.utf8.firstIndex(of: 0x3A), colon != s.utf8.startIndex else { return false }
    let scheme = s.utf8[..<colon]
    guard let first = scheme.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
    return scheme.allSatisfy { c in
        ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
    }
}

/// One term definition.
struct JSONLDTerm: Equatable, Sendable {
    var iri: String?
    var prefix = false
    var protected = false
    var typeMapping: String?
    var container: [String] = []
    var localContext: JSONValue?
    var language: JSONValue?

    /// Equal in everything but `protected` (JSON-LD 1.1 §4.2.2 step 28).
    func sameDefinition(as other: JSONLDTerm) -> Bool {
        var a = self, b = other
        a.protected = false
        b.protected = false
        return a == b
    }
}

/// The active context.
struct JSONLDContext: Sendable {
    final class Box: Sendable {
        let context: JSONLDContext
        init(_ context: JSONLDContext) { self.context = context }
    }
    var terms: [String: JSONLDTerm] = [:]
    var vocab: String?
    var defaultLanguage: String?
    var previous: Box?

    var hasProtectedTerms: Bool { terms.values.contains { $0.protected } }
}

/// Shared state of one JSON-LD run: the loader, the limits and the work done.
struct JSONLDRun {
    let loader: JSONLDDocumentLoader
    let limits: JSONLDLimits
    var work = 0
    /// Parsed remote contexts by URL (their `@context` value).
    var cache: [String: JSONValue] = [:]

    mutating func spend(_ units: Int = 1) throws(JSONLDError) {
        work += units
        if work > limits.maxWork {
            throw JSONLDError(
                .tooComplex,
                "The credential's JSON-LD needs more than \(limits.maxWork) processing steps; it is refused as too complex for a credential.")
        }
    }

    // MARK: Context processing (§4.1.2)

    mutating func process(
        _ active: JSONLDContext, _ local: JSONValue, remote: [String] = [], overrideProtected: Bool = false, propagate: Bool = true,
        depth: Int = 0
    ) throws(JSONLDError) -> JSONLDContext {
        guard depth <= limits.maxDepth else {
            throw JSONLDError(.tooComplex, "The credential's JSON-LD contexts nest deeper than \(limits.maxDepth) levels; it is refused.")
        }
        try spend()
        var result = active
        var propagate = propagate
        if let value = local["@propagate"], case .bool(let flag) = value { propagate = flag }
        if !propagate, result.previous == nil { result.previous = JSONLDContext.Box(active) }
        let items: [JSONValue] = local.arrayValue ?? [local]
        for item in items {
            switch item {
            case .null:
                if !overrideProtected, result.hasProtectedTerms {
                    throw JSONLDError(
                        .protectedRedefinition, "A JSON-LD context of the credential clears protected terms; the credential is invalid.")
                }
                var fresh = JSONLDContext()
                if !propagate { fresh.previous = JSONLDContext.Box(result) }
                result = fresh
            case .string(let url):
                guard jsonLDIsAbsoluteIRI(url) else {
                    throw JSONLDError(
                        .contextUnavailable,
                        "The credential names the JSON-LD context \"\(url)\", which is not an absolute URL; it cannot be resolved offline. Refuse it."
                    )
                }
                guard remote.count < limits.maxRemoteContexts else {
                    throw JSONLDError(
                        .tooComplex, "The credential's JSON-LD contexts load more than \(limits.maxRemoteContexts) other contexts; it is refused.")
                }
                if remote.contains(url) {
                    throw JSONLDError(.invalidContext, "The JSON-LD context \(url) includes itself (recursive context inclusion).")
                }
                let context: JSONValue
                if let cached = cache[url] {
                    context = cached
                } else {
                    let document = try loader.load(url)
                    guard let inner = document["@context"] else {
                        throw JSONLDError(.invalidContext, "The JSON-LD context document \(url) has no @context entry.")
                    }
                    cache[url] = inner
                    context = inner
                }
                result = try process(result, context, remote: remote + [url], overrideProtected: overrideProtected, depth: depth + 1)
            case .object(let map):
                if let version = map["@version"], version != .number(1.1) {
                    throw JSONLDError(.invalidContext, "A JSON-LD context of the credential has @version \(version.serialized()); only 1.1 exists.")
                }
                for keyword in ["@import", "@direction"] where map[keyword] != nil {
                    throw JSONLDError(
                        .invalidContext, "A JSON-LD context of the credential uses \(keyword), which qrgate does not process; refuse the credential.")
                }
                if let vocab = map["@vocab"] {
                    switch vocab {
                    case .null: result.vocab = nil
                    case .string(let text):
                        var defined: [String: Bool] = [:]
                        let expanded = try expandIRI(&result, text, vocab: true, local: nil, defined: &defined, depth: depth)
                        guard let expanded, jsonLDIsAbsoluteIRI(expanded) || expanded.hasPrefix("_:") else {
                            throw JSONLDError(.invalidContext, "A JSON-LD context of the credential has an @vocab that is not an IRI.")
                        }
                        result.vocab = expanded
                    default: throw JSONLDError(.invalidContext, "A JSON-LD context of the credential has an @vocab that is not a string.")
                    }
                }
                if let language = map["@language"] {
                    switch language {
                    case .null: result.defaultLanguage = nil
                    case .string(let text): result.defaultLanguage = text.lowercased()
                    default: throw JSONLDError(.invalidContext, "A JSON-LD context of the credential has an @language that is not a string.")
                    }
                }
                if let flag = map["@propagate"], flag.boolValueJSONLD == nil {
                    throw JSONLDError(.invalidContext, "A JSON-LD context of the credential has an @propagate that is not a boolean.")
                }
                var protectedDefault = false
                if let flag = map["@protected"] {
                    guard let value = flag.boolValueJSONLD else {
                        throw JSONLDError(.invalidContext, "A JSON-LD context of the credential has an @protected that is not a boolean.")
                    }
                    protectedDefault = value
                }
                var defined: [String: Bool] = [:]
                let skipped: Set<String> = ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"]
                for key in map.keys.sorted() where !skipped.contains(key) {
                    try defineTerm(
                        &result, map, key, &defined, protected: protectedDefault, overrideProtected: overrideProtected, remote: remote,
                        depth: depth)
                }
            default:
                throw JSONLDError(.invalidContext, "A JSON-LD @context of the credential is neither a URL, an object nor null.")
            }
        }
        return result
    }

    // MARK: Create term definition (§4.2.2)

    mutating func defineTerm(
        _ active: inout JSONLDContext, _ local: [String: JSONValue], _ term: String, _ defined: inout [String: Bool], protected: Bool,
        overrideProtected: Bool, remote: [String], depth: Int
    ) throws(JSONLDError) {
        if let state = defined[term] {
            if state { return }
            throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" is defined through itself (cyclic IRI mapping).")
        }
        try spend()
        guard !term.isEmpty else { throw JSONLDError(.invalidContext, "A JSON-LD context defines the empty term.") }
        defined[term] = false
        let value = local[term] ?? .null
        if term == "@type" {
            guard case .object(let map) = value, !map.isEmpty,
                map.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }), map["@container"] == nil || map["@container"] == .string("@set")
            else {
                throw JSONLDError(.invalidContext, "A JSON-LD context redefines the keyword @type beyond @container @set.")
            }
        } else if JSONLDKeyword.isKeyword(term) {
            throw JSONLDError(.invalidContext, "A JSON-LD context redefines the keyword \(term).")
        } else if JSONLDKeyword.hasKeywordForm(term) {
            defined[term] = true
            return  // ignored, as the specification says
        }
        let previous = active.terms.removeValue(forKey: term)
        var map: [String: JSONValue]
        var simple = false
        switch value {
        case .null: map = ["@id": .null]
        case .string(let text):
            map = ["@id": .string(text)]
            simple = true
        case .object(let object): map = object
        default: throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" is defined by neither a string, an object nor null.")
        }
        var definition = JSONLDTerm()
        if let flag = map["@protected"] {
            guard let value = flag.boolValueJSONLD else { throw JSONLDError(.invalidContext, "The @protected of term \"\(term)\" is not a boolean.") }
            definition.protected = value
        } else {
            definition.protected = protected
        }
        if let typeValue = map["@type"] {
            guard case .string(let text) = typeValue else { throw JSONLDError(.invalidContext, "The @type of term \"\(term)\" is not a string.") }
            let type = try expandIRI(&active, text, vocab: true, local: local, defined: &defined, depth: depth)
            guard let type, ["@id", "@json", "@none", "@vocab"].contains(type) || (jsonLDIsAbsoluteIRI(type) && !type.hasPrefix("_:")) else {
                throw JSONLDError(.invalidContext, "The @type of term \"\(term)\" is not an IRI.")
            }
            definition.typeMapping = type
        }
        if map["@reverse"] != nil || map["@nest"] != nil || map["@index"] != nil || map["@direction"] != nil {
            throw JSONLDError(
                .invalidContext, "The JSON-LD term \"\(term)\" uses @reverse, @nest, @index or @direction, which qrgate does not process.")
        }
        let termHasColon = term.dropFirst().dropLast().contains(":")
        if let idValue = map["@id"], idValue != .string(term) {
            switch idValue {
            case .null:
                definition.iri = nil
            case .string(let text):
                if !JSONLDKeyword.isKeyword(text), JSONLDKeyword.hasKeywordForm(text) {
                    defined[term] = true
                    return
                }
                let iri = try expandIRI(&active, text, vocab: true, local: local, defined: &defined, depth: depth)
                guard let iri, JSONLDKeyword.isKeyword(iri) || jsonLDIsAbsoluteIRI(iri) || iri.hasPrefix("_:") else {
                    throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" maps to \"\(text)\", which is not an IRI.")
                }
                guard iri != "@context" else { throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" aliases @context.") }
                definition.iri = iri
                if termHasColon || term.contains("/") {
                    defined[term] = true
                    let again = try expandIRI(&active, term, vocab: true, local: local, defined: &defined, depth: depth)
                    guard again == iri else {
                        throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" looks like an IRI but maps to a different one.")
                    }
                }
                if !term.contains(":"), !term.contains("/"), simple, let last = iri.last, ":/?#[]@".contains(last) || iri.hasPrefix("_:") {
                    definition.prefix = true
                }
            default:
                throw JSONLDError(.invalidContext, "The @id of term \"\(term)\" is not a string.")
            }
        } else if termHasColon, let colon = term.firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if local[prefix] != nil {
                try defineTerm(
                    &active, local, prefix, &defined, protected: protected, overrideProtected: overrideProtected, remote: remote, depth: depth)
            }
            if let prefixIRI = active.terms[prefix]?.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            let iri = try expandIRI(&active, term, vocab: true, local: local, defined: &defined, depth: depth)
            guard let iri, jsonLDIsAbsoluteIRI(iri) else { throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" is not an IRI.") }
            definition.iri = iri
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocab = active.vocab {
            definition.iri = vocab + term
        } else {
            throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" has no IRI (no @id and no @vocab).")
        }
        if let containerValue = map["@container"] {
            let list: [JSONValue] = containerValue.arrayValue ?? [containerValue]
            var container: [String] = []
            for item in list {
                guard case .string(let text) = item, ["@list", "@set", "@graph", "@id", "@index", "@language", "@type"].contains(text) else {
                    throw JSONLDError(.invalidContext, "The @container of term \"\(term)\" is not a container keyword.")
                }
                container.append(text)
            }
            if container.contains(where: { ["@id", "@index", "@language", "@type"].contains($0) }) {
                throw JSONLDError(.invalidContext, "The term \"\(term)\" uses an id, index, language or type map, which qrgate does not process.")
            }
            definition.container = container.sorted()
        }
        if let context = map["@context"] {
            definition.localContext = context
        }
        if let language = map["@language"], map["@type"] == nil {
            guard language == .null || language.stringValue != nil else {
                throw JSONLDError(.invalidContext, "The @language of term \"\(term)\" is not a string.")
            }
            definition.language = language.stringValue.map { .string($0.lowercased()) } ?? .null
        }
        if let flag = map["@prefix"] {
            guard let value = flag.boolValueJSONLD, !term.contains(":"), !term.contains("/") else {
                throw JSONLDError(.invalidContext, "The @prefix of term \"\(term)\" is not allowed.")
            }
            definition.prefix = value
        }
        let allowed: Set<String> = [
            "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type",
        ]
        if let other = map.keys.first(where: { !allowed.contains($0) }) {
            throw JSONLDError(.invalidContext, "The JSON-LD term \"\(term)\" has an unknown entry \(other).")
        }
        if !overrideProtected, let previous, previous.protected {
            guard definition.sameDefinition(as: previous) else {
                throw JSONLDError(
                    .protectedRedefinition, "A JSON-LD context of the credential redefines the protected term \"\(term)\"; the credential is invalid."
                )
            }
            definition = previous
        }
        active.terms[term] = definition
        defined[term] = true
    }

    // MARK: IRI expansion (§5.2.2)

    mutating func expandIRI(
        _ active: inout JSONLDContext, _ value: String, vocab: Bool, local: [String: JSONValue]? = nil, defined: inout [String: Bool],
        depth: Int = 0
    ) throws(JSONLDError) -> String? {
        if JSONLDKeyword.isKeyword(value) { return value }
        if JSONLDKeyword.hasKeywordForm(value) { return nil }
        if let local, local[value] != nil, defined[value] != true {
            try defineTerm(&active, local, value, &defined, protected: false, overrideProtected: false, remote: [], depth: depth)
        }
        if let term = active.terms[value] {
            if let iri = term.iri, JSONLDKeyword.isKeyword(iri) { return iri }
            if vocab { return term.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let local, local[prefix] != nil, defined[prefix] != true {
                try defineTerm(&active, local, prefix, &defined, protected: false, overrideProtected: false, remote: [], depth: depth)
            }
            if let term = active.terms[prefix], let iri = term.iri, term.prefix { return iri + suffix }
            if jsonLDIsAbsoluteIRI(value) { return value }
        }
        if vocab, let base = active.vocab { return base + value }
        // Document-relative IRIs stay as written: credentials are expanded without a base,
        // and RDF conversion drops what is not an absolute IRI.
        return value
    }

    /// IRI expansion without a local context.
    mutating func expandIRI(_ active: JSONLDContext, _ value: String, vocab: Bool) throws(JSONLDError) -> String? {
        var defined: [String: Bool] = [:]
        var copy = active
        return try expandIRI(&copy, value, vocab: vocab, local: nil, defined: &defined)
    }
}

extension JSONValue {
    var boolValueJSONLD: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
