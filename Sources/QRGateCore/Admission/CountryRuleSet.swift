import Crypto
import Foundation

/// A country's acceptance rules (EU DCC Gateway rule format, engine CERTLOGIC), compiled once
/// and evaluated against a DCC as the EU verifier apps do: each applicable rule gets
/// `{"payload": DCC, "external": {"valueSets", "validationClock", "countryCode", "exp", "iat"}}`
/// and must evaluate to `true`; `false` or an evaluation error fails it.
public struct CountryRuleSet: Sendable {
    /// One compiled rule.
    public struct Rule: Sendable {
        /// `GR-VN-0001` etc.
        public var identifier: String
        /// Semantic version of the rule.
        public var version: String
        /// `General`, `Vaccination`, `Test` or `Recovery`.
        public var certificateType: String
        /// Validity of the rule itself.
        public var validFrom: Date
        /// End of the rule's validity.
        public var validTo: Date
        /// The compiled logic.
        public var logic: CertLogicExpression
    }

    /// Why a rule file was not accepted.
    public struct LoadError: GateError {
        /// What went wrong with the rules; `invalid_rule` is the one kind so far.
        public var code: String { "invalid_rule" }
        /// The rule file or identifier.
        public var source: String
        /// What is wrong, naming the source.
        public var message: String
        /// Source file that raised the error.
        public var file: String
        /// Source line that raised the error.
        public var line: Int
        /// Creates the error.
        public init(source: String, reason: String, file: String = #fileID, line: Int = #line) {
            self.source = source
            self.message = "\(source): \(reason)"
            self.file = file
            self.line = line
        }
        /// The message.
        public var description: String { message }
    }

    /// Country of the rules.
    public var country: String
    /// Rules, all versions.
    public var rules: [Rule]
    /// Value sets in the compressed form rules read (`{id: [codes]}`).
    public var valueSets: JSONValue
    /// A short fingerprint of the rule set (ids, versions and logic), recorded with each decision.
    public var version: String
    /// The rule documents of this country as loaded (to recompile them with other value sets).
    public var documents: [(source: String, json: JSONValue)]

    /// Compiles the Gateway-format rules of `country` among `documents`; rules of other countries
    /// and of other engines are ignored, a malformed rule of this country is an error.
    public init(country: String, documents: [(source: String, json: JSONValue)], valueSets: JSONValue) throws(LoadError) {
        self.country = country
        self.valueSets = valueSets
        var rules: [Rule] = []
        var fingerprint: [String] = []
        var kept: [(source: String, json: JSONValue)] = []
        for (source, json) in documents {
            guard json["Country"]?.stringValue == country, (json["Engine"]?.stringValue ?? "CERTLOGIC") == "CERTLOGIC",
                (json["Type"]?.stringValue ?? "Acceptance") == "Acceptance"
            else { continue }
            guard let identifier = json["Identifier"]?.stringValue, let version = json["Version"]?.stringValue,
                let from = json["ValidFrom"]?.stringValue.flatMap(ISO8601Timestamp.parse),
                let to = json["ValidTo"]?.stringValue.flatMap(ISO8601Timestamp.parse), let logicJSON = json["Logic"]
            else {
                throw LoadError(source: source, reason: "a rule needs Identifier, Version, ValidFrom, ValidTo and Logic")
            }
            let logic: CertLogicExpression
            do { logic = try CertLogicExpression(json: logicJSON) } catch {
                throw LoadError(source: source, reason: "rule \(identifier) has invalid logic: \(error)")
            }
            rules.append(
                Rule(
                    identifier: identifier, version: version, certificateType: json["CertificateType"]?.stringValue ?? "General",
                    validFrom: from, validTo: to, logic: logic))
            fingerprint.append(identifier + "@" + version + ":" + logicJSON.serialized())
            kept.append((source, json))
        }
        self.rules = rules
        self.documents = kept
        let digest = SHA256.hash(data: Data(fingerprint.sorted().joined(separator: "\n").utf8))
        self.version = country + "-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// The rules that apply to a certificate of `type` at `now`: valid now, matching the type or
    /// `General`, and of each identifier only the highest version.
    public func applicable(to type: String, at now: Date) -> [Rule] {
        var latest: [String: Rule] = [:]
        for rule in rules
        where rule.validFrom <= now && now < rule.validTo
            && (rule.certificateType == "General" || rule.certificateType.lowercased() == type.lowercased())
        {
            if let existing = latest[rule.identifier], Self.compareVersions(existing.version, rule.version) >= 0 { continue }
            latest[rule.identifier] = rule
        }
        return latest.values.sorted { $0.identifier < $1.identifier }
    }

    /// Evaluates the applicable rules on `payload`; returns how many applied, how many of those are
    /// written for the certificate's own type (not `General`), and the ids of those that did not
    /// yield `true`. A type without rules of its own is not governed by the rule set at all: the
    /// policy refuses it (`no_applicable_rules`) rather than let `General` rules alone admit it.
    public func failedRules(
        payload: JSONValue, issuedAt: Date?, expiresAt: Date?, at now: Date
    ) -> (evaluated: Int, typeSpecific: Int, failed: [String]) {
        let type = payload["v"] != nil ? "Vaccination" : payload["t"] != nil ? "Test" : payload["r"] != nil ? "Recovery" : "General"
        let external: JSONValue = [
            "valueSets": valueSets,
            "validationClock": .string(ISO8601Timestamp.format(now)),
            "countryCode": .string(country),
            "exp": expiresAt.map { .string(ISO8601Timestamp.format($0)) } ?? .null,
            "iat": issuedAt.map { .string(ISO8601Timestamp.format($0)) } ?? .null,
        ]
        let data: JSONValue = ["payload": payload, "external": external]
        let applicable = applicable(to: type, at: now)
        var failed: [String] = []
        for rule in applicable {
            let result = try? rule.logic.evaluate(data: data)
            if result?.jsonValue != .bool(true) { failed.append(rule.identifier) }
        }
        let typeSpecific = applicable.filter { $0.certificateType.lowercased() == type.lowercased() && type != "General" }.count
        return (applicable.count, typeSpecific, failed)
    }

    static func compareVersions(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }
        let y = b.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(x.count, y.count) {
            let (p, q) = (i < x.count ? x[i] : 0, i < y.count ? y[i] : 0)
            if p != q { return p < q ? -1 : 1 }
        }
        return 0
    }
}
