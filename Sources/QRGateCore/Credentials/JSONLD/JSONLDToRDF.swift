import Foundation

/// JSON-LD → RDF (§7.2 node map generation, §8.1 deserialization): expanded JSON-LD becomes
/// a dataset of quads, nested node objects without `@id` becoming blank nodes.

/// An RDF term.
public enum RDFTerm: Sendable, Hashable {
    /// An IRI.
    case iri(String)
    /// A blank node, by its label without `_:`.
    case blank(String)
    /// A literal: lexical form, datatype IRI, language tag.
    case literal(String, datatype: String, language: String?)

    /// The term in N-Quads syntax.
    public var nQuads: String {
        switch self {
        case .iri(let iri): return "<" + iri + ">"
        case .blank(let label): return "_:" + label
        case .literal(let text, let datatype, let language):
            var out = "\"" + Self.escape(text) + "\""
            if let language { out += "@" + language } else if datatype != RDFQuad.xsdString { out += "^^<" + datatype + ">" }
            return out
        }
    }

    /// Escapes a literal's lexical form as canonical N-Quads does: `\\`, `\t`, `\n`, `\r`, `\"`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// One quad; `graph` nil is the default graph.
public struct RDFQuad: Sendable, Hashable {
    /// The subject (IRI or blank node).
    public var subject: RDFTerm
    /// The predicate (IRI).
    public var predicate: RDFTerm
    /// The object.
    public var object: RDFTerm
    /// The graph name, nil for the default graph.
    public var graph: RDFTerm?

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let xsdString = xsd + "string"

    /// The quad as one N-Quads line, with its final newline.
    public var nQuads: String {
        var line = subject.nQuads + " " + predicate.nQuads + " " + object.nQuads
        if let graph { line += " " + graph.nQuads }
        return line + " .\n"
    }
}

/// JSON-LD processing of a document into RDF, offline and bounded.
public struct JSONLDProcessor: Sendable {
    /// Where remote contexts come from.
    public var loader: JSONLDDocumentLoader
    /// The work bounds.
    public var limits: JSONLDLimits

    /// Creates a processor.
    public init(loader: JSONLDDocumentLoader, limits: JSONLDLimits = JSONLDLimits()) {
        self.loader = loader
        self.limits = limits
    }

    /// The expanded form of `document` (always an array).
    public func expand(_ document: JSONValue) throws(JSONLDError) -> JSONValue {
        var run = JSONLDRun(loader: loader, limits: limits)
        return try run.expandDocument(document)
    }

    /// The RDF dataset of `document`.
    public func toRDF(_ document: JSONValue) throws(JSONLDError) -> [RDFQuad] {
        var run = JSONLDRun(loader: loader, limits: limits)
        let expanded = try run.expandDocument(document)
        return try run.quads(of: expanded)
    }
}

extension JSONLDRun {
    mutating func expandDocument(_ document: JSONValue) throws(JSONLDError) -> JSONValue {
        var result = try expand(JSONLDContext(), property: nil, document)
        if case .object(let map) = result, map.count == 1, let graph = map["@graph"] { result = graph }
        if result == .null { return .array([]) }
        return result.arrayValue != nil ? result : .array([result])
    }

    /// The list being filled while a list object's items are mapped.
    final class ListBox {
        var items: [JSONValue] = []
    }

    /// The node map (§7.2): graph name → subject → node object.
    struct NodeMap {
        var graphs: [String: [String: [String: JSONValue]]] = ["@default": [:]]
        var blankLabels: [String: String] = [:]
        var counter = 0

        mutating func blankNode(_ existing: String?) -> String {
            if let existing, let label = blankLabels[existing] { return label }
            let label = "_:b\(counter)"
            counter += 1
            if let existing { blankLabels[existing] = label }
            return label
        }
    }

    mutating func quads(of expanded: JSONValue) throws(JSONLDError) -> [RDFQuad] {
        var map = NodeMap()
        try generateNodeMap(expanded, &map, graph: "@default", subject: nil, property: nil, list: nil)
        var quads: [RDFQuad] = []
        for graphName in map.graphs.keys.sorted() {
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if let term = Self.resource(graphName) {
                graphTerm = term
            } else {
                continue
            }
            let graph = map.graphs[graphName]!
            for subjectName in graph.keys.sorted() {
                guard let subject = Self.resource(subjectName) else { continue }
                let node = graph[subjectName]!
                for property in node.keys.sorted() {
                    let values = node[property]?.arrayValue ?? []
                    if property == "@type" {
                        for type in values {
                            guard let text = type.stringValue, let object = Self.resource(text) else { continue }
                            try append(&quads, RDFQuad(subject: subject, predicate: .iri(RDFQuad.rdf + "type"), object: object, graph: graphTerm))
                        }
                        continue
                    }
                    if JSONLDKeyword.isKeyword(property) || property.hasPrefix("_:") || !jsonLDIsAbsoluteIRI(property) { continue }
                    for item in values {
                        guard let object = try objectTerm(item, &quads, &map, graph: graphTerm) else { continue }
                        try append(&quads, RDFQuad(subject: subject, predicate: .iri(property), object: object, graph: graphTerm))
                    }
                }
            }
        }
        return quads
    }

    mutating func append(_ quads: inout [RDFQuad], _ quad: RDFQuad) throws(JSONLDError) {
        guard quads.count < limits.maxQuads else {
            throw JSONLDError(.tooComplex, "The credential's JSON-LD makes more than \(limits.maxQuads) RDF statements; it is refused as too large.")
        }
        try spend()
        quads.append(quad)
    }

    /// An IRI or blank node term for a node identifier, nil when it is neither.
    static func resource(_ id: String) -> RDFTerm? {
        if id.hasPrefix("_:") { return .blank(String(id.dropFirst(2))) }
        return jsonLDIsAbsoluteIRI(id) ? .iri(id) : nil
    }

    /// Object to RDF (§8.1.2) and list conversion (§8.1.3).
    mutating func objectTerm(_ item: JSONValue, _ quads: inout [RDFQuad], _ map: inout NodeMap, graph: RDFTerm?) throws(JSONLDError) -> RDFTerm? {
        if let id = item["@id"] {
            return id.stringValue.flatMap(Self.resource)
        }
        if let list = item["@list"]?.arrayValue {
            guard !list.isEmpty else { return .iri(RDFQuad.rdf + "nil") }
            let labels = list.map { _ in map.blankNode(nil) }
            for (index, element) in list.enumerated() {
                let subject = RDFTerm.blank(String(labels[index].dropFirst(2)))
                if let object = try objectTerm(element, &quads, &map, graph: graph) {
                    try append(&quads, RDFQuad(subject: subject, predicate: .iri(RDFQuad.rdf + "first"), object: object, graph: graph))
                }
                let rest: RDFTerm = index + 1 < labels.count ? .blank(String(labels[index + 1].dropFirst(2))) : .iri(RDFQuad.rdf + "nil")
                try append(&quads, RDFQuad(subject: subject, predicate: .iri(RDFQuad.rdf + "rest"), object: rest, graph: graph))
            }
            return .blank(String(labels[0].dropFirst(2)))
        }
        guard let value = item["@value"] else { return nil }
        var datatype = item["@type"]?.stringValue
        if let type = datatype, !jsonLDIsAbsoluteIRI(type) { return nil }
        let lexical: String
        switch value {
        case .bool(let flag):
            lexical = flag ? "true" : "false"
            datatype = datatype ?? RDFQuad.xsd + "boolean"
        case .number(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e21, datatype != RDFQuad.xsd + "double" {
                lexical = Self.integerText(number)
                datatype = datatype ?? RDFQuad.xsd + "integer"
            } else {
                guard number.isFinite else { return nil }
                lexical = Self.doubleText(number)
                datatype = datatype ?? RDFQuad.xsd + "double"
            }
        case .string(let text):
            lexical = text
        default:
            return nil
        }
        if let language = item["@language"]?.stringValue, datatype == nil {
            return .literal(lexical, datatype: RDFQuad.rdf + "langString", language: language)
        }
        return .literal(lexical, datatype: datatype ?? RDFQuad.xsdString, language: nil)
    }

    static func integerText(_ number: Double) -> String {
        if abs(number) < 9.0e18 { return String(Int64(number)) }
        var text = String(format: "%.0f", number)
        if text == "-0" { text = "0" }
        return text
    }

    /// The canonical xsd:double form JSON-LD uses: a mantissa with at most 15 fractional
    /// digits, trailing zeros trimmed to one, `E`, the exponent without `+` or leading zeros.
    static func doubleText(_ number: Double) -> String {
        let text = String(format: "%.15E", number)  // 1.100000000000000E+00
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        while mantissa.hasSuffix("0"), !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        var exponent = String(text[text.index(after: e)...])
        var negative = false
        if exponent.hasPrefix("+") {
            exponent.removeFirst()
        } else if exponent.hasPrefix("-") {
            negative = true
            exponent.removeFirst()
        }
        while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "E" + (negative ? "-" : "") + exponent
    }

    /// Node map generation (§7.2).
    mutating func generateNodeMap(
        _ element: JSONValue, _ map: inout NodeMap, graph: String, subject: String?, property: String?, list: ListBox?
    ) throws(JSONLDError) {
        try spend()
        if case .array(let items) = element {
            for item in items { try generateNodeMap(item, &map, graph: graph, subject: subject, property: property, list: list) }
            return
        }
        guard case .object(var element) = element else { return }
        if map.graphs[graph] == nil { map.graphs[graph] = [:] }
        if let types = element["@type"]?.arrayValue {
            element["@type"] = .array(
                types.map { type in
                    if let text = type.stringValue, text.hasPrefix("_:") { return .string(map.blankNode(text)) }
                    return type
                })
        }
        func addUnique(_ value: JSONValue, to subject: String, _ property: String, _ map: inout NodeMap) {
            var values = map.graphs[graph]![subject]![property]?.arrayValue ?? []
            if !values.contains(value) { values.append(value) }
            map.graphs[graph]![subject]![property] = .array(values)
        }
        if element["@value"] != nil {
            if let list {
                list.items.append(.object(element))
            } else if let subject, let property {
                addUnique(.object(element), to: subject, property, &map)
            }
            return
        }
        if let inner = element["@list"] {
            let storage = ListBox()
            try generateNodeMap(inner, &map, graph: graph, subject: subject, property: property, list: storage)
            let result = JSONValue.object(["@list": .array(storage.items)])
            if let list {
                list.items.append(result)
            } else if let subject, let property {
                var values = map.graphs[graph]![subject]![property]?.arrayValue ?? []
                values.append(result)
                map.graphs[graph]![subject]![property] = .array(values)
            }
            return
        }
        let id: String
        if let given = element.removeValue(forKey: "@id")?.stringValue {
            id = given.hasPrefix("_:") ? map.blankNode(given) : given
        } else {
            id = map.blankNode(nil)
        }
        if map.graphs[graph]![id] == nil { map.graphs[graph]![id] = ["@id": .string(id)] }
        if let property {
            let reference = JSONValue.object(["@id": .string(id)])
            if let list {
                list.items.append(reference)
            } else if let subject {
                addUnique(reference, to: subject, property, &map)
            }
        }
        if let types = element.removeValue(forKey: "@type")?.arrayValue {
            for type in types { addUnique(type, to: id, "@type", &map) }
        }
        element.removeValue(forKey: "@index")
        if element["@reverse"] != nil || element["@included"] != nil {
            throw JSONLDError(.invalidDocument, "The credential uses @reverse or @included, which qrgate does not process.")
        }
        if let inner = element.removeValue(forKey: "@graph") {
            try generateNodeMap(inner, &map, graph: id, subject: nil, property: nil, list: nil)
        }
        for key in element.keys.sorted() {
            let value = element[key]!
            let name = key.hasPrefix("_:") ? map.blankNode(key) : key
            if map.graphs[graph]![id]![name] == nil { map.graphs[graph]![id]![name] = .array([]) }
            try generateNodeMap(value, &map, graph: graph, subject: id, property: name, list: nil)
        }
    }
}
