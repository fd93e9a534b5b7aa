/// JSON-LD 1.1 expansion (§13 of the Processing Algorithms): a document becomes the expanded
/// form, every term an IRI, every value a node object, value object or list object.

extension JSONLDRun {
    /// Expands `element` under `active` for `property` (nil at the top).
    mutating func expand(
        _ active: JSONLDContext, property: String?, _ element: JSONValue, fromMap: Bool = false, depth: Int = 0
    ) throws(JSONLDError) -> JSONValue {
        guard depth <= limits.maxDepth else {
            throw JSONLDError(.tooComplex, "The credential's JSON nests deeper than \(limits.maxDepth) levels; it is refused.")
        }
        try spend()
        if element == .null { return .null }
        var active = active
        let propertyTerm = property.flatMap { active.terms[$0] }
        let propertyScoped = propertyTerm?.localContext
        switch element {
        case .array(let items):
            var result: [JSONValue] = []
            for item in items {
                var expanded = try expand(active, property: property, item, fromMap: fromMap, depth: depth + 1)
                if propertyTerm?.container.contains("@list") == true, case .array = expanded {
                    expanded = .object(["@list": expanded])
                }
                if case .array(let inner) = expanded {
                    result.append(contentsOf: inner)
                } else if expanded != .null {
                    result.append(expanded)
                }
            }
            return .array(result)
        case .object(let map):
            return try expandObject(&active, property: property, propertyScoped: propertyScoped, map, fromMap: fromMap, depth: depth)
        default:
            if property == nil || property == "@graph" { return .null }
            if let propertyScoped { active = try process(active, propertyScoped, depth: depth) }
            return try expandValue(active, property: property!, element)
        }
    }

    /// Value expansion (§13.5).
    mutating func expandValue(_ active: JSONLDContext, property: String, _ value: JSONValue) throws(JSONLDError) -> JSONValue {
        let term = active.terms[property]
        if term?.typeMapping == "@id", case .string(let text) = value {
            return .object(["@id": try expandIRI(active, text, vocab: false).map(JSONValue.string) ?? .null])
        }
        if term?.typeMapping == "@vocab", case .string(let text) = value {
            return .object(["@id": try expandIRI(active, text, vocab: true).map(JSONValue.string) ?? .null])
        }
        var result: [String: JSONValue] = ["@value": value]
        if let type = term?.typeMapping, !["@id", "@vocab", "@none"].contains(type) {
            result["@type"] = .string(type)
        } else if case .string = value {
            let language = term?.language ?? active.defaultLanguage.map(JSONValue.string)
            if let language, language != .null { result["@language"] = language }
        }
        return .object(result)
    }

    mutating func expandObject(
        _ active: inout JSONLDContext, property: String?, propertyScoped: JSONValue?, _ map: [String: JSONValue], fromMap: Bool, depth: Int
    ) throws(JSONLDError) -> JSONValue {
        let keys = map.keys.sorted()
        var expandedKeys: [String: String?] = [:]
        func expandedKey(_ key: String, _ run: inout JSONLDRun, _ context: JSONLDContext) throws(JSONLDError) -> String? {
            try run.expandIRI(context, key, vocab: true)
        }
        // Step 7: a non-propagated (type-scoped) context reverts for nested node objects.
        if let previous = active.previous?.context, !fromMap {
            var revert = true
            for key in keys where try expandedKey(key, &self, active) == "@value" { revert = false }
            if keys.count == 1, try expandedKey(keys[0], &self, active) == "@id" { revert = false }
            if revert { active = previous }
        }
        if let propertyScoped { active = try process(active, propertyScoped, overrideProtected: true, depth: depth + 1) }
        if let context = map["@context"] { active = try process(active, context, depth: depth + 1) }
        let typeScoped = active
        // Step 11: type-scoped contexts, by the types in lexicographical order.
        for key in keys where try expandedKey(key, &self, active) == "@type" {
            let values = map[key]?.arrayValue ?? [map[key]!]
            let types = values.compactMap(\.stringValue).sorted()
            for type in types {
                if let scoped = typeScoped.terms[type]?.localContext {
                    active = try process(active, scoped, propagate: false, depth: depth + 1)
                }
            }
        }
        var result: [String: JSONValue] = [:]
        for key in keys where key != "@context" {
            let value = map[key]!
            let cachedKey: String?
            if let known = expandedKeys[key] { cachedKey = known } else { cachedKey = try expandIRI(active, key, vocab: true) }
            expandedKeys[key] = cachedKey
            guard let expandedProperty = cachedKey, expandedProperty.contains(":") || JSONLDKeyword.isKeyword(expandedProperty) else {
                continue
            }
            if JSONLDKeyword.isKeyword(expandedProperty) {
                if result[expandedProperty] != nil, expandedProperty != "@type" {
                    throw JSONLDError(.invalidDocument, "The credential's JSON-LD has two entries for \(expandedProperty) in one object.")
                }
                var expandedValue: JSONValue
                switch expandedProperty {
                case "@id":
                    guard case .string(let text) = value else {
                        throw JSONLDError(.invalidDocument, "An @id of the credential is not a string.")
                    }
                    expandedValue = try expandIRI(active, text, vocab: false).map(JSONValue.string) ?? .null
                case "@type":
                    let list: [JSONValue] = value.arrayValue ?? [value]
                    var types: [JSONValue] = []
                    for item in list {
                        guard case .string(let text) = item else {
                            throw JSONLDError(.invalidDocument, "A type of the credential is not a string.")
                        }
                        if let iri = try expandIRI(typeScoped, text, vocab: true) { types.append(.string(iri)) }
                    }
                    if case .array(let existing)? = result["@type"] { types = existing + types }
                    expandedValue = value.arrayValue != nil || types.count != 1 ? .array(types) : types[0]
                case "@graph":
                    let inner = try expand(active, property: "@graph", value, depth: depth + 1)
                    expandedValue = inner.arrayValue != nil ? inner : .array([inner])
                case "@value":
                    switch value {
                    case .array, .object:
                        throw JSONLDError(.invalidDocument, "An @value of the credential is not a scalar.")
                    default: expandedValue = value
                    }
                    if value == .null {
                        result["@value"] = .null
                        continue
                    }
                case "@language":
                    guard case .string(let text) = value else {
                        throw JSONLDError(.invalidDocument, "An @language of the credential is not a string.")
                    }
                    expandedValue = .string(text.lowercased())
                case "@list":
                    if property == nil || property == "@graph" { continue }
                    let inner = try expand(active, property: property, value, depth: depth + 1)
                    expandedValue = inner.arrayValue != nil ? inner : .array([inner])
                case "@set":
                    expandedValue = try expand(active, property: property, value, depth: depth + 1)
                default:
                    throw JSONLDError(.invalidDocument, "The credential uses the JSON-LD keyword \(expandedProperty), which qrgate does not process.")
                }
                if expandedValue != .null || expandedProperty == "@value" { result[expandedProperty] = expandedValue }
                continue
            }
            let term = active.terms[key]
            if term?.typeMapping == "@json" {
                throw JSONLDError(.invalidDocument, "The credential uses a JSON literal (@json), which qrgate does not process.")
            }
            var expandedValue = try expand(active, property: key, value, depth: depth + 1)
            if expandedValue == .null { continue }
            let container = term?.container ?? []
            if container.contains("@list"), expandedValue["@list"] == nil {
                expandedValue = .object(["@list": expandedValue.arrayValue != nil ? expandedValue : .array([expandedValue])])
            }
            if container.contains("@graph"), !container.contains("@id"), !container.contains("@index") {
                let items = expandedValue.arrayValue ?? [expandedValue]
                expandedValue = .array(items.map { .object(["@graph": $0.arrayValue != nil ? $0 : .array([$0])]) })
            }
            let items = expandedValue.arrayValue ?? [expandedValue]
            var existing = result[expandedProperty]?.arrayValue ?? []
            existing.append(contentsOf: items)
            result[expandedProperty] = .array(existing)
        }
        if let value = result["@value"] {
            let allowed: Set<String> = ["@value", "@type", "@language", "@index", "@direction"]
            guard result.keys.allSatisfy(allowed.contains), !(result["@type"] != nil && result["@language"] != nil) else {
                throw JSONLDError(.invalidDocument, "A value object of the credential has entries a value object may not have.")
            }
            if value == .null { return .null }
            if let language = result["@language"], language != .null, value.stringValue == nil {
                throw JSONLDError(.invalidDocument, "A language-tagged value of the credential is not a string.")
            }
            if let type = result["@type"], !(type.stringValue.map(jsonLDIsAbsoluteIRI) ?? false) {
                throw JSONLDError(.invalidDocument, "A typed value of the credential has a type that is not an IRI.")
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
        } else if let inner = result["@set"] ?? result["@list"] {
            guard result.count == 1 || (result.count == 2 && result["@index"] != nil) else {
                throw JSONLDError(.invalidDocument, "A set or list object of the credential has other entries.")
            }
            if result["@set"] != nil { return inner }
        }
        if result.count == 1, result["@language"] != nil { return .null }
        if property == nil || property == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return .null }
            if result.count == 1, result["@id"] != nil { return .null }
        }
        return .object(result)
    }
}
