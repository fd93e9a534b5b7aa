import Foundation
import QRGateFiles
import Testing

@testable import QRGateCore

@Suite struct ValueSetTests {
    @Test(arguments: [
        ("country-2-codes", 250), ("disease-agent-targeted", 1), ("sct-vaccines-covid-19", 9),
        ("vaccines-covid-19-names", 39), ("vaccines-covid-19-auth-holders", 31), ("covid-19-lab-test-type", 2),
        ("covid-19-lab-result", 2), ("covid-19-lab-test-manufacturer-and-name", 88),
    ])
    func bundledSetsAreComplete(id: String, count: Int) throws {
        let set = try #require(ValueSets.bundled[id])
        #expect(set.entries.count == count)
    }

    @Test func bundledHasEightSetsAndAnnexA() {
        #expect(ValueSets.bundled.sets.count == 8)
        #expect(ValueSets.bundled.encodingInstructions.count == 39)
        #expect(ValueSets.bundled.encodingInstructionsDate == "2023-05-05")
        let comirnaty = ValueSets.bundled.encodingInstructions["Comirnaty"]
        #expect(comirnaty?.vaccineCode == "EU/1/20/1528")
        #expect(comirnaty?.manufacturer == "ORG-100030215")
        #expect(comirnaty?.prophylaxisCodes.contains("1119349007") == true)
    }

    @Test(arguments: [
        ("vaccines-covid-19-names", "EU/1/20/1528", "Comirnaty"),
        ("country-2-codes", "VN", "Viet Nam"),
        ("disease-agent-targeted", "840539006", "COVID-19"),
        ("covid-19-lab-result", "260415000", "Not detected"),
        ("covid-19-lab-test-type", "LP6464-4", "Nucleic acid amplification with probe detection"),
    ])
    func displayNames(id: String, code: String, display: String) {
        #expect(ValueSets.bundled.displayName(valueSetID: id, code: code) == display)
    }

    @Test func unknownCodeOrSetIsNil() {
        #expect(ValueSets.bundled.displayName(valueSetID: "country-2-codes", code: "XX") == nil)
        #expect(ValueSets.bundled.displayName(valueSetID: "no-such-set", code: "VN") == nil)
    }

    @Test func codedFieldLookup() {
        #expect(ValueSets.bundled.displayName(field: .vaccineProduct, code: "EU/1/20/1507") == "Spikevax")
        for field in DCCCodedField.allCases {
            #expect(ValueSets.bundled[field.valueSetID] != nil, "\(field)")
        }
    }

    @Test func inactiveCodesAreKeptAndMarked() throws {
        let entry = try #require(ValueSets.bundled.entry(valueSetID: "sct-vaccines-covid-19", code: "J07BX03"))
        #expect(entry.active == false)
    }

    @Test func newerSetReplacesOlderButNotTheOtherWayRound() {
        var sets = ValueSets([ValueSet(id: "x", date: "2021-01-01", entries: ["A": .init(display: "old")])])
        sets.insert(ValueSet(id: "x", date: "2022-01-01", entries: ["A": .init(display: "new")]))
        #expect(sets.displayName(valueSetID: "x", code: "A") == "new")
        sets.insert(ValueSet(id: "x", date: "2020-01-01", entries: ["A": .init(display: "older")]))
        #expect(sets.displayName(valueSetID: "x", code: "A") == "new")
    }

    @Test func compressedFormListsSortedCodes() {
        let sets = ValueSets([
            ValueSet(
                id: "x", date: "2021-01-01",
                entries: ["B": .init(display: "b"), "A": .init(display: "a", active: false)])
        ])
        #expect(sets.compressed() == ["x": ["A", "B"]])
    }

    @Test func notJSONIsReported() {
        var sets = ValueSets()
        #expect {
            try sets.load(jsonText: "{nope", source: "bad.json")
        } throws: { error in
            (error as? ValueSetError)?.code == .notJSON
                && (error as? ValueSetError)?.message.contains("bad.json") == true
        }
    }

    @Test(arguments: [
        #"{"valueSetDate": "2021-01-01", "valueSetValues": {}}"#,
        #"{"valueSetId": "x", "valueSetDate": "2021-01-01", "valueSetValues": []}"#,
        #"{"valueSetId": "x", "valueSetDate": "2021-01-01", "valueSetValues": {"A": {"lang": "en"}}}"#,
        #"{"valueSetId": "vaccines-covid-19-encoding-instructions", "valueSetDate": "2021-01-01", "valueSetValues": {"A": {}}}"#,
    ])
    func wrongShapeIsReported(text: String) {
        var sets = ValueSets()
        #expect {
            try sets.load(jsonText: text)
        } throws: { error in
            (error as? ValueSetError)?.code == .wrongShape
        }
    }

    @Test func loadsAFolderAndSkipsSubfolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrgate-vs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("schemas.json"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try
            #"{"valueSetId": "a", "valueSetDate": "2024-01-01", "valueSetValues": {"1": {"display": "One", "lang": "en", "active": true, "system": "s", "version": ""}}}"#
            .write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let sets = try ValueSets(contentsOf: folder)
        #expect(sets.sets.keys.sorted() == ["a"])
        #expect(sets.displayName(valueSetID: "a", code: "1") == "One")
        let single = try ValueSets(contentsOf: folder.appendingPathComponent("a.json"))
        #expect(single == sets)
    }

    @Test func missingPathIsUnreadable() {
        #expect {
            try ValueSets(contentsOf: URL(fileURLWithPath: "/nonexistent-qrgate-path/x.json"))
        } throws: { error in
            (error as? ValueSetError)?.code == .unreadable
        }
    }
}
