/// One EU DCC value set (eHN format): `{valueSetId, valueSetDate, valueSetValues: {code: entry}}`.
public struct ValueSet: Sendable, Hashable {
    /// One code of a value set.
    public struct Entry: Sendable, Hashable {
        /// Display name, e.g. "Comirnaty" or "Viet Nam".
        public var display: String
        /// Language of `display` (normally "en").
        public var lang: String
        /// False for deprecated codes: still seen on old certificates, not for new ones.
        public var active: Bool
        /// Code system, e.g. "http://snomed.info/sct".
        public var system: String
        /// Code-system version ("" when none).
        public var version: String
        /// Last day the code may be used (`YYYY-MM-DD`), when the file says so.
        public var validUntil: String?

        /// Creates an entry.
        public init(
            display: String, lang: String = "en", active: Bool = true, system: String = "", version: String = "",
            validUntil: String? = nil
        ) {
            self.display = display
            self.lang = lang
            self.active = active
            self.system = system
            self.version = version
            self.validUntil = validUntil
        }
    }

    /// The value-set id used by rules' `external.valueSets`, e.g. `vaccines-covid-19-names`.
    public var id: String
    /// The value-set date (`YYYY-MM-DD`) as given in the file.
    public var date: String
    /// Entries by code.
    public var entries: [String: Entry]

    /// Creates a value set.
    public init(id: String, date: String, entries: [String: Entry]) {
        self.id = id
        self.date = date
        self.entries = entries
    }

    /// Reads a value set from its JSON form. Missing optional members (`lang`, `active`,
    /// `system`, `version`) get defaults; a missing `display` is an error.
    public init(json: JSONValue, source: String = "value set") throws(ValueSetError) {
        guard let id = json["valueSetId"]?.stringValue, !id.isEmpty,
            let date = json["valueSetDate"]?.stringValue,
            let values = json["valueSetValues"]?.objectValue
        else {
            throw ValueSetError(
                code: .wrongShape,
                message: "\(source) is not an eHN value set: it needs string members valueSetId and "
                    + "valueSetDate and an object valueSetValues")
        }
        var entries: [String: Entry] = [:]
        for (code, value) in values {
            guard let display = value["display"]?.stringValue else {
                throw ValueSetError(
                    code: .wrongShape,
                    message: "\(source): code \"\(code)\" of value set \(id) has no string \"display\"")
            }
            entries[code] = Entry(
                display: display,
                lang: value["lang"]?.stringValue ?? "en",
                active: value["active"]?.boolValue ?? true,
                system: value["system"]?.stringValue ?? "",
                version: value["version"]?.stringValue ?? "",
                validUntil: value["validUntil"]?.stringValue)
        }
        self.init(id: id, date: date, entries: entries)
    }

    /// The display name of `code`, or nil for a code not in this set.
    public func displayName(for code: String) -> String? { entries[code]?.display }
}
