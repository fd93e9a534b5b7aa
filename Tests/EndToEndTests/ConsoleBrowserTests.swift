import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The supervisor console in a real browser: headless Chromium (`Tests/Browser/console.py`) on the
/// console the built daemon serves, after real certificates went through the daemon's own
/// pipeline. A supervisor signs in through the form and answers who is inside, who is overdue and
/// who left, finds a Vietnamese name typed without diacritics, exports it, signs out; a forged
/// cookie, an ended session and posts from another origin get nothing; every view of personal data
/// left its access-log row.
@Suite(.serialized) struct ConsoleBrowserTests {
    /// The `id` column of an export: the first cell of every line after the header.
    static func csvIDs(_ text: String) -> [String] {
        text.split(separator: "\r\n").dropFirst().compactMap { line in
            guard line.hasPrefix("\"") else { return nil }
            return String(line.dropFirst().prefix { $0 != "\"" })
        }
    }

    @Test func aSupervisorAnswersWhoIsInsideWhoIsOverdueAndWhoLeftFromTheConsole() async throws {
        let issuer = try TestDCCIssuer()
        let permitEnds = Date().addingTimeInterval(12)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let residents = folder.url.appendingPathComponent("residents.txt")
        try "079090000099,\(ISO8601Timestamp.format(permitEnds)),Phạm Minh Đức,1979-05-05\n".write(to: residents, atomically: true, encoding: .utf8)
        let gate = try RunningGate(
            gate: "gate-2", site: "site-console", mode: "auto",
            yaml: """
                trust:
                  rules_directory: \(BrowserScript.repository.appendingPathComponent("device-config/rules").path)
                scanner:
                  dedup_seconds: 0
                admission:
                  residents_file: \(residents.path)

                """,
            prepare: { state in
                try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
                try Data(issuer.certificateDER).write(to: state.appendingPathComponent("trust/dsc.der"))
            })
        defer { gate.stop() }
        let kiosk = try gate.token(role: "kiosk")
        let supervisor = try gate.token(role: "supervisor")
        let operatorToken = try gate.token(role: "operator")
        let now = Date()
        func dcc(
            _ family: String, _ familyT: String, _ given: String, _ givenT: String, dob: String = "1990-01-15", signer: TestDCCIssuer? = nil
        )
            throws -> String
        {
            try (signer ?? issuer).issue(
                TestDCCIssuer.vaccination(family: family, familyT: familyT, given: given, givenT: givenT, dob: dob),
                issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        }
        func scan(_ text: String) throws -> JSONValue {
            let answer = try gate.scan([text], token: kiosk)
            #expect(answer.status == 200, "\(answer.json)")
            return answer.json
        }
        let hoa = try dcc("Nguyễn", "NGUYEN", "Thị Hoa", "THI<HOA", dob: "1988-03-02")
        let binh = try dcc("Trần", "TRAN", "Văn Bình", "VAN<BINH", dob: "1975-07-07")
        // A name built to run script in the page if it were ever inserted as markup.
        let hostile = try dcc("<img src=x onerror=alert(1)>", "LE", "Hùng", "HUNG", dob: "1960-01-01")
        let resident = try dcc("Phạm", "PHAM", "Minh Đức", "MINH<DUC", dob: "1979-05-05")
        let forged = try dcc("Lê", "LE", "Cường", "CUONG", signer: try TestDCCIssuer())

        let hoaEntry = try scan(hoa)
        #expect(hoaEntry["decision"] == "admit")
        #expect(try scan(binh)["decision"] == "admit")
        #expect(try scan(hostile)["decision"] == "admit")
        let binhExit = try scan(binh)
        #expect(binhExit["direction"] == "exit")
        #expect(try scan(resident)["decision"] == "admit", "a listed resident returns")
        let residentExit = try scan(resident)
        #expect(residentExit["direction"] == "exit")
        #expect(residentExit["decision"] == "admit", "with a permit, a resident may leave: \(residentExit)")
        #expect(try scan(forged)["decision"] == "refuse")
        // Twelve more inside, so that the inside list has more than one page of ten.
        let given: [(String, String)] = [
            ("An", "AN"), ("Bảo", "BAO"), ("Chi", "CHI"), ("Dũng", "DUNG"), ("Giang", "GIANG"), ("Hải", "HAI"), ("Khánh", "KHANH"),
            ("Long", "LONG"), ("Minh", "MINH"), ("Ngọc", "NGOC"), ("Phúc", "PHUC"), ("Quân", "QUAN"),
        ]
        for (index, name) in given.enumerated() {
            let text = try dcc("Võ", "VO", "Văn " + name.0, "VAN<" + name.1, dob: String(format: "2001-02-%02d", index + 1))
            #expect(try scan(text)["decision"] == "admit")
        }
        // The resident's permit ends while they are outside: overdue.
        let wait = permitEnds.timeIntervalSinceNow + 1
        if wait > 0 { try await Task.sleep(for: .seconds(wait)) }

        let output = BrowserScript.repository.appendingPathComponent(".build/test-output/console")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let live = output.appendingPathComponent("live.json")
        try Data(JSONValue.object(["texts": [.string(try dcc("Đặng", "DANG", "Văn Em", "VAN<EM", dob: "1999-09-09"))]]).serialized().utf8)
            .write(to: live)
        let report = try BrowserScript.run(
            "console.py",
            arguments: [
                "--port", String(gate.port), "--supervisor", supervisor, "--operator", operatorToken, "--kiosk", kiosk, "--live", live.path,
                "--search", "nguyen thi hoa", "--out", output.path,
            ], output: output, killAfter: 200)
        #expect(report["error"] == .null, "\(report)")
        #expect(report["console_problems"]?.arrayValue?.isEmpty == true, "browser console: \(report["console_problems"] ?? .null)")

        // Sign-in: the form, a wrong token, the cookie.
        #expect(report["signin_form"]?["method"] == "post")
        #expect(report["signin_form"]?["action"] == "/console/sign-in")
        #expect(report["signin_form"]?["has_token_input"] == .bool(true))
        #expect(report["wrong_token"]?["view"] == "signin")
        #expect(report["wrong_token"]?["message"]?.stringValue?.isEmpty == false)
        #expect(report["cookie"]?["httpOnly"] == .bool(true))
        #expect(report["cookie"]?["sameSite"] == "Strict")

        // Now: the inside list is the store's; the overdue resident and the one who left are at the top.
        let inside = try JSONValue(
            parsing: try #require(LoopbackHTTP.get(port: gate.port, path: "/v1/inside", headers: ["Authorization": "Bearer " + supervisor])).body)
        let storeInside = Set(inside.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
        let liveID = try #require(report["live"]?["api_check_in_id"]?.stringValue)
        let pagedIDs = report["inside"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let shown = Set(pagedIDs)
        #expect(pagedIDs.count == shown.count, "no row on two pages: \(pagedIDs)")
        #expect(shown.count == 14, "Hoa, the hostile name and twelve more; Bình and the resident left: \(shown)")
        #expect(shown.union([liveID]) == storeInside, "the page showed \(shown), the store has \(storeInside)")
        #expect(report["inside_count"] == "14")
        #expect(report["inside_pages"] == [10, 4], "ten rows a page: \(report["inside_pages"] ?? .null)")
        #expect(report["inside_shown"]?.stringValue?.contains("14") == true, "\(report["inside_shown"] ?? .null)")
        #expect(
            report["inside_filtered"]?["ids"]?.arrayValue?.compactMap(\.stringValue) == [hoaEntry["check_in_id"]?.stringValue].compactMap { $0 },
            "the list's filter finds Nguyễn Thị Hoa without diacritics: \(report["inside_filtered"] ?? .null)")
        #expect(report["live"]?["seen_ms"]?.numberValue != nil, "a new entry appears without a reload: \(report["live"] ?? .null)")
        let overdue = report["overdue"]?.arrayValue ?? []
        #expect(overdue.count == 1, "\(overdue)")
        #expect(overdue.first?["checkin_id"] == residentExit["check_in_id"])
        #expect(overdue.first?["id_number"] == "079090000099")
        #expect(overdue.first?["text"]?.stringValue?.contains("Phạm Minh Đức") == true)
        #expect(report["overdue_style"]?["color"] == "rgb(163, 20, 27)", "overdue rows stand out: \(report["overdue_style"] ?? .null)")
        #expect(report["left_not_returned"]?.arrayValue?.compactMap(\.stringValue) == [binhExit["check_in_id"]?.stringValue].compactMap { $0 })

        // Search without diacritics, the person's page, the export of the same filter.
        let names = report["search"]?["names"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(names == ["Nguyễn Thị Hoa"], "\(names)")
        let searchIDs = report["search"]?["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let exported = try #require(report["export"]?["file"]?.stringValue, "the export did not download")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: exported))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, so that Excel reads the names as UTF-8")
        let csv = String(decoding: bytes, as: UTF8.self)
        #expect(Self.csvIDs(csv) == searchIDs, "the export holds the rows the search showed")
        #expect(csv.contains("Nguyễn Thị Hoa"))
        // The same file in LibreOffice, when it is installed, read as the file says (comma: the
        // name is one cell) and as a vi-VN spreadsheet reads it (semicolon: a row is one cell, the
        // name still intact), with no formula either way.
        if let soffice = SpreadsheetExportAttackTests.soffice {
            let sheet = try TemporaryDirectory()
            defer { sheet.remove() }
            try bytes.write(to: sheet.url.appendingPathComponent("console-export.csv"))
            let settings = SpreadsheetExportAttackTests.settings.filter { $0.textDelimiter == 34 && ["44", "59"].contains($0.separators) }
            let converted = try await SpreadsheetExportAttackTests.convert(
                files: ["console-export.csv"], in: sheet, settings: settings, soffice: soffice)
            #expect(converted.count == 2)
            for (setting, documents) in converted {
                let document = documents["console-export"] ?? ""
                let cell = setting.separators == "44" ? "<text:p>Nguyễn Thị Hoa</text:p>" : "Nguyễn Thị Hoa"
                #expect(document.contains(cell), "\(setting): the name did not come through intact: \(document.suffix(600))")
                #expect(SpreadsheetExportAttackTests.formulas(in: document).isEmpty, "\(setting)")
            }
        }
        #expect(report["person"]?["rows"]?.numberValue == 1)
        #expect(report["person"]?["title"]?.stringValue?.contains("Nguyễn Thị Hoa") == true)

        // The day: 24 hours of entries and exits, the occupancy line, the refusal marked.
        #expect(report["day"]?["bars"]?.numberValue == 48)
        #expect((report["day"]?["occupancy_points"]?.numberValue ?? 0) >= 1)
        #expect((report["day"]?["marks"]?.numberValue ?? 0) >= 1, "the refused certificate is marked")

        // Sign-out ends the session; a forged cookie gets the sign-in, not data.
        #expect(report["signed_out"]?["view"] == "signin")
        #expect(report["signed_out"]?["old_cookie_status"]?.numberValue == 401)
        #expect(report["signed_out"]?["after_reload"] == "signin")
        #expect(report["forged"]?["view"] == "signin")
        #expect(report["forged"]?["status"]?.numberValue == 401)

        // Operators: gate status with the verification versions, the access log, tokens.
        let keys = report["operator"]?["status_keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for key in [
            "outbox_depth", "outbox_oldest_age_seconds", "dead_letters", "last_forward_at", "quota_used_ratio", "rule_set_version",
            "trust_list_age_seconds",
        ] {
            #expect(keys.contains(key), "gate status lacks \(key): \(keys)")
        }
        #expect((report["operator"]?["access_rows"]?.numberValue ?? 0) >= 5)
        #expect(report["operator"]?["tokens"]?.numberValue == 3)
        // A token made in the page shows its secret once; revoking asks first, and a dismissed
        // question revokes nothing.
        let made = report["token_made"] ?? .null
        let madeSecret = try #require(made["secret"]?.stringValue, "\(made)")
        #expect(madeSecret.hasPrefix("qrg_"))
        #expect(made["confirm"]?.stringValue?.contains("ca đêm cổng 3") == true, "\(made)")
        #expect(made["revoked_after_dismiss"] == "", "\(made)")
        #expect(made["revoked_after_accept"]?.stringValue?.isEmpty == false, "\(made)")
        #expect(made["button_left"] == .bool(false))
        let revokedUse = try #require(LoopbackHTTP.get(port: gate.port, path: "/v1/whoami", headers: ["Authorization": "Bearer " + madeSecret]))
        #expect(revokedUse.status == 401, "the revoked token is refused")

        // Posts from another origin: refused, and the operator's session went on.
        let attacks = report["cross_site"]?.arrayValue ?? []
        #expect(attacks.count == 3)
        for attack in attacks {
            #expect(attack["status_text"]?.stringValue?.contains("forbidden") == true, "\(attack)")
        }
        #expect(report["operator_after_attacks"] == .bool(true), "a cross-site sign-out must not end the session")
        let tokens = try gate.command(["token", "list"])
        #expect(!tokens.stdout.contains("attacker"), "\(tokens.stdout)")

        // Every view of personal data left its row, on the console channel, under the supervisor's name.
        let log = try JSONValue(
            parsing: try #require(
                LoopbackHTTP.get(port: gate.port, path: "/v1/access-log?limit=5000", headers: ["Authorization": "Bearer " + operatorToken])
            ).body)
        let consoleReads = (log["items"]?.arrayValue ?? []).filter { $0["channel"] == "console" && $0["actor"] == "supervisor-test" }
        let endpoints = Set(consoleReads.compactMap { $0["endpoint"]?.stringValue })
        for endpoint in ["GET /v1/inside", "GET /v1/left-not-returned", "GET /v1/residents", "GET /v1/check-ins", "GET /v1/exports/check-ins"] {
            #expect(endpoints.contains(endpoint), "no access-log row for \(endpoint): \(endpoints)")
        }
        #expect(consoleReads.contains { $0["filter"]?.stringValue?.contains("name=nguyen thi hoa") == true }, "the search's filter is on record")
    }
}
