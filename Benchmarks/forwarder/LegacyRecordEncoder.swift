// The record encoder as it was before the one JSON writer (issue 17), kept here only to be
// measured side by side with `CentralBatchCodec.encodeRecord` in one run.
import QRGateCore
import QRGateStore

enum LegacyRecordEncoder {
    static func encodeRecord(_ record: StoredCheckIn) -> [UInt8] {
        var out = ""
        out.reserveCapacity(900)
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            out += "\"" + name + "\":"
        }
        func string(_ name: String, _ value: String?) {
            key(name)
            if let value { LegacyRecordEncoder.writeString(value, to: &out) } else { out += "null" }
        }
        func bool(_ name: String, _ value: Bool) {
            key(name)
            out += value ? "true" : "false"
        }
        func strings(_ name: String, _ values: [String]) {
            key(name)
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                LegacyRecordEncoder.writeString(value, to: &out)
            }
            out += "]"
        }
        out += "{"
        string("id", record.id)
        string("sequence", String(record.sequence))
        string("gate", record.gate)
        string("site", record.site)
        string("direction", record.direction.rawValue)
        string("recorded_at_ms", String(record.recordedAtMilliseconds))
        string("boot_ns", String(record.bootNanoseconds))
        bool("clock_synced", record.clockSynced)
        strings("flags", record.flags.map(\.rawValue))
        key("credential")
        out += "{\"kind\":"
        LegacyRecordEncoder.writeString(record.credential.kind.rawValue, to: &out)
        out += ",\"verified\":" + (record.credential.verified ? "true" : "false")
        for (name, value) in [
            ("issuer", record.credential.issuer), ("doses", record.credential.doses),
            ("event_date", record.credential.eventDate), ("valid_until", record.credential.validUntil),
        ] {
            out += ",\"" + name + "\":"
            if let value { LegacyRecordEncoder.writeString(value, to: &out) } else { out += "null" }
        }
        out += "}"
        string("decision", record.decision.outcome.rawValue)
        strings("reasons", record.decision.reasons.map(\.code))
        string("rule_set_version", record.decision.ruleSetVersion)
        string("paired_entry_id", record.pairedEntryID)
        string("personal_digest", record.personalDigest)
        string("hash", record.hash)
        string("previous_hash", record.previousHash)
        if let subject = record.subject {
            key("subject")
            out += "{\"id_number\":"
            if let v = subject.idNumber { LegacyRecordEncoder.writeString(v, to: &out) } else { out += "null" }
            out += ",\"name\":"
            if let v = subject.fullName { LegacyRecordEncoder.writeString(v, to: &out) } else { out += "null" }
            out += ",\"birth_date\":"
            if let v = subject.birthDate { LegacyRecordEncoder.writeString(v, to: &out) } else { out += "null" }
            out += "}"
        }
        if let declaration = record.declaration {
            key("declaration")
            out += "{\"symptoms\":["
            for (index, symptom) in declaration.symptoms.sorted().enumerated() {
                if index > 0 { out += "," }
                LegacyRecordEncoder.writeString(symptom.rawValue, to: &out)
            }
            out += "],\"contact_with_case\":" + (declaration.contactWithConfirmedCase ? "true" : "false")
            out += ",\"travelled_14_days\":" + (declaration.travelledLast14Days ? "true" : "false")
            out += ",\"submitted_at_ms\":\"" + String(Int64(declaration.submittedAt * 1000)) + "\""
            out += ",\"source\":"
            LegacyRecordEncoder.writeString(declaration.source.rawValue, to: &out)
            out += "}"
        }
        out += "}"
        return Array(out.utf8)
    }

    /// The scalar-by-scalar string escaper the encoder used.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
