import Foundation
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Attack: a name (or ID number) crafted as a spreadsheet formula, so that the supervisor who
/// opens the export runs it. The built `qrgate export` writes the CSV; LibreOffice Calc
/// (headless) imports it the ways a supervisor might — comma, the `;` of vi-VN and most of
/// Europe, tab, `|`, every separator at once, with and without quote handling, with spaces
/// trimmed and formula evaluation on — and converts it to flat XML (`.fods`), where any cell
/// read as a formula carries a `table:formula` attribute.
@Suite(.serialized) struct SpreadsheetExportAttackTests {
    /// `soffice` on `PATH`, if LibreOffice is installed.
    static let soffice: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = folder + "/soffice"
            if FileManager.default.isExecutableFile(atPath: String(candidate)) { return String(candidate) }
        }
        return nil
    }()

    /// How a spreadsheet may be told to read the file (LibreOffice CSV filter options: separators,
    /// text delimiter (0 = none), UTF-8, first line, …, trim spaces, sheet, evaluate formulas).
    struct ImportSetting: Sendable, CustomStringConvertible {
        let description: String
        let separators: String
        let textDelimiter: Int
        let trimSpaces: Bool
        var filterOptions: String {
            "CSV:\(separators),\(textDelimiter),76,1,,0,false,true,false,false,\(trimSpaces),-1,true"
        }
    }

    static let settings: [ImportSetting] = [
        .init(description: "comma, quoted", separators: "44", textDelimiter: 34, trimSpaces: false),
        .init(description: "semicolon (vi-VN), quoted", separators: "59", textDelimiter: 34, trimSpaces: false),
        .init(description: "semicolon, no quote handling, trimmed", separators: "59", textDelimiter: 0, trimSpaces: true),
        .init(description: "tab, no quote handling", separators: "9", textDelimiter: 0, trimSpaces: false),
        .init(description: "pipe, quoted", separators: "124", textDelimiter: 34, trimSpaces: false),
        .init(description: "every separator and space, no quote handling, trimmed", separators: "44/59/9/124/32", textDelimiter: 0, trimSpaces: true),
        .init(description: "every separator and space, quoted, trimmed", separators: "44/59/9/124/32", textDelimiter: 34, trimSpaces: true),
    ]

    /// Honest Vietnamese names that must come through intact.
    static let honestNames = ["Nguyễn Thị Ánh Tuyết", "Trần Văn Đức", "Lê Thị Hồng Nhung"]

    /// Names and ID numbers an attacker can put on a card (no control characters: those are
    /// refused at parse time and covered by the cell-level attacks below).
    static let storedAttacks: [(name: String, idNumber: String)] = [
        ("=HYPERLINK(\"http://evil.example\",\"Đặng\")", "+84901234567"),
        ("Lê Văn;=cmd|' /C calc'!A0", "0791;-2+3"),
        ("Phạm|@SUM(A1:A9)", "079|=1+1"),
        ("Hồ; +1+1", "079 -1"),
        ("Đỗ,=1+1", "079,@x"),
        ("Bùi\u{00A0}=1+1", "\u{3000}=1+1"),
        ("＝1+1", "\u{FEFF}=1+1"),
        ("Lý\";=1+1;\"", "\"=1+1"),
    ]

    /// Cell texts with the control characters a stored field could hold from an older build.
    static let cellAttacks = ["\t=1+1", "Võ Thị\t-2+3", "Ngô\n=1+1", "Mai\r=1+1", "\r@x", "Hà\u{2028}=1+1", "a;\t;=1"]

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed (scripts/install-deps --test installs libreoffice-calc-nogui)"))
    func formulaNamesRunInNoSpreadsheetWhateverItsSeparator() async throws {
        let soffice = try #require(Self.soffice)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = try await Self.stateWithAttackers(in: directory)

        let export = try QRGateBinary.run(["export", "--format", "csv"], environment: environment)
        try #require(export.status == 0, "\(export.stderr)")
        let exportBytes = Array(export.stdout.utf8)
        #expect(exportBytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte-order mark")
        try Data(exportBytes).write(to: directory.url.appendingPathComponent("export.csv"))

        // The same attacks with control characters, through the cell encoder itself.
        var cells: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (index, text) in Self.cellAttacks.enumerated() {
            CSVCell.append(Array(text.utf8), into: &cells)
            cells.append(UInt8(ascii: ","))
            CSVCell.append(Array(String(index).utf8), into: &cells)
            cells.append(contentsOf: [0x0D, 0x0A])
        }
        try Data(cells).write(to: directory.url.appendingPathComponent("cells.csv"))

        // The control: the rule of the previous writer (a `'` only before a trigger that starts
        // the cell, quotes only when needed), which a `;` spreadsheet runs.
        var previous = "\u{FEFF}name,id_number\r\n"
        for attack in Self.storedAttacks {
            previous += Self.previousWriterCell(attack.name) + "," + Self.previousWriterCell(attack.idNumber) + "\r\n"
        }
        try Data(previous.utf8).write(to: directory.url.appendingPathComponent("previous.csv"))

        let converted = try await Self.convert(
            files: ["export.csv", "cells.csv", "previous.csv"], in: directory, settings: Self.settings, soffice: soffice
        )
        var previousFormulas = 0
        for (setting, documents) in converted {
            let exported = try #require(documents["export"], "\(setting): export.fods missing")
            let cellDocument = try #require(documents["cells"], "\(setting): cells.fods missing")
            #expect(exported.contains("<table:table-cell"), "\(setting): LibreOffice read no cells")
            #expect(Self.formulas(in: exported).isEmpty, "\(setting): the export has formula cells \(Self.formulas(in: exported))")
            #expect(Self.formulas(in: cellDocument).isEmpty, "\(setting): encoded cells read as formulas \(Self.formulas(in: cellDocument))")
            if !setting.separators.contains("32") {
                for name in Self.honestNames {
                    #expect(exported.contains(name), "\(setting): \(name) did not come through intact")
                }
            }
            previousFormulas += Self.formulas(in: documents["previous"] ?? "").count
        }
        // The check can fail: the previous rule's output has formulas under the `;` settings.
        #expect(previousFormulas > 0, "LibreOffice ran no formula even in the unprotected control file")

        // Read as the file says (comma, quoted), every name is one cell, as stored.
        let plain = try #require(converted.first { $0.setting.separators == "44" && $0.setting.textDelimiter == 34 }?.documents["export"])
        for name in Self.honestNames {
            #expect(plain.contains("<text:p>\(name)</text:p>"), "\(name) is not one cell")
        }
    }

    /// A state folder whose database holds the honest and the hostile people, one check-in each.
    static func stateWithAttackers(in directory: TemporaryDirectory) async throws -> [String: String] {
        let state = directory.url.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let database = try GateDatabase(path: state.appendingPathComponent("qrgate.sqlite").path)
        let store = CheckInStore(database: database)
        let people = honestNames.enumerated().map { (name: $0.element, idNumber: String(format: "07919000%04d", $0.offset)) } + storedAttacks
        for (index, person) in people.enumerated() {
            var draft = CheckInFactory.draft(person: index, at: Date(timeIntervalSince1970: 1_794_990_000 + Double(index) * 60))
            draft.subject = Subject(idNumber: person.idNumber, fullName: person.name, birthDate: "1990-01-15")
            draft.subjectKey = "id:\(index)"
            _ = try await store.record(draft, direction: .fixed(.entry))
        }
        return ["QRGATE_STATE_DIR": state.path]
    }

    /// The cell rule this writer had before: `'` only before a trigger in the first position,
    /// quotes only around a quote, comma, CR or LF.
    static func previousWriterCell(_ text: String) -> String {
        var cell = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        if text.contains(where: { "\",\r\n".contains($0) }) { cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return cell
    }

    /// The `table:formula` attributes in a flat ODF spreadsheet.
    static func formulas(in document: String) -> [String] {
        document.components(separatedBy: "table:formula=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// Converts `files` under `directory` to `.fods` once per setting, the settings side by side
    /// (each LibreOffice with its own profile), within a bounded time.
    static func convert(
        files: [String], in directory: TemporaryDirectory, settings: [ImportSetting], soffice: String
    ) async throws -> [(setting: ImportSetting, documents: [String: String])] {
        var running: [(ImportSetting, Process, URL)] = []
        defer { for (_, process, _) in running where process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        for (index, setting) in settings.enumerated() {
            let output = directory.url.appendingPathComponent("converted-\(index)")
            let profile = directory.url.appendingPathComponent("profile-\(index)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments =
                [
                    "--headless", "--norestore", "--nologo", "--nolockcheck", "-env:UserInstallation=" + profile.absoluteString,
                    "--infilter=" + setting.filterOptions, "--convert-to", "fods", "--outdir", output.path,
                ] + files.map { directory.url.appendingPathComponent($0).path }
            process.currentDirectoryURL = directory.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            running.append((setting, process, output))
        }
        let deadline = Date().addingTimeInterval(300)
        while running.contains(where: { $0.1.isRunning }) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        var results: [(setting: ImportSetting, documents: [String: String])] = []
        for (setting, process, output) in running {
            try #require(!process.isRunning, "LibreOffice did not finish converting for \(setting) within 300 s")
            #expect(process.terminationStatus == 0, "LibreOffice failed for \(setting)")
            var documents: [String: String] = [:]
            for file in files {
                let name = String(file.dropLast(4))
                if let data = FileManager.default.contents(atPath: output.appendingPathComponent(name + ".fods").path) {
                    documents[name] = String(decoding: data, as: UTF8.self)
                }
            }
            results.append((setting, documents))
        }
        return results
    }
}
