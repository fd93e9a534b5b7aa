import Foundation
import Hummingbird
import HummingbirdTesting
import QRGateCore
import QRGateServer
import QRGateStore
import QRGateTestSupport
import Testing

/// Filters, pagination, exports and hostile input on the supervisor endpoints.
@Suite struct CheckInQueryTests {
    /// Seeds a mixed data set: 10 admitted entries at site-a (people 0–9), 4 refused entries at
    /// site-b (people 10–13) on gate-02, 3 exits at site-a (people 0–2).
    static func seedMixed(_ fixture: SupervisorFixture) async throws {
        let start = Date(timeIntervalSince1970: 1_794_990_000)  // 2026-11-18T08:20:00Z
        try await fixture.seed(count: 10, start: start)
        for index in 0..<4 {
            var draft = CheckInFactory.draft(
                person: 10 + index, at: start.addingTimeInterval(3600 + Double(index) * 60), site: "site-b", outcome: .refuse)
            draft.gate = "gate-02"
            _ = try await fixture.store.record(draft, direction: .fixed(.entry))
        }
        for index in 0..<3 {
            let draft = CheckInFactory.draft(person: index, at: start.addingTimeInterval(7200 + Double(index) * 60), site: "site-a")
            _ = try await fixture.store.record(draft, direction: .fixed(.exit))
        }
    }

    static let filterCases: [(query: String, expected: Int)] = [
        ("", 17),
        ("site=site-a", 13),
        ("site=site-b", 4),
        ("gate=gate-02", 4),
        ("direction=exit", 3),
        ("direction=entry&site=site-a", 10),
        ("decision=refuse", 4),
        ("decision=admit", 13),
        ("decision=refer", 0),
        ("since=2026-11-18T09:20:00Z", 7),
        ("until=2026-11-18T08:25:00Z", 5),
        ("since=2026-11-18T15:20:00%2B07:00&until=2026-11-18T15:23:00%2B0700", 3),
        ("since=2026-11-19", 0),
        ("id_number=001090000003", 1),
        ("id_number=001090000000", 2),
        ("name=nguyen%20van%20an", 4),
        ("name=NGUY%E1%BB%84N%20%20V%C4%82N", 4),
        ("name=do%20minh%20duc", 2),
        ("name=%C4%90%E1%BB%97%20Minh%20%C4%90%E1%BB%A9c&direction=entry", 2),
        ("name=%C4%91%E1%BB%97", 2),
        ("name=dung&site=site-b", 1),
    ]

    @Test(arguments: filterCases)
    func filterSelectsExactlyTheMatchingCheckIns(query: String, expected: Int) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await Self.seedMixed(fixture)
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/check-ins?limit=1000&" + query, method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .ok, "\(response.text)")
                let json = try response.json()
                #expect(json["count"]?.numberValue == Double(expected), "\(query)")
                #expect(json["items"]?.arrayValue?.count == expected)
            }
            // The export applies the same filter.
            try await client.execute(uri: "/v1/exports/check-ins?format=ndjson&" + query, method: .get, headers: .bearer(fixture.supervisorSecret)) {
                response in
                #expect(response.status == .ok)
                #expect(response.text.split(separator: "\n").count == expected, "\(query)")
            }
        }
    }

    static let badQueries = [
        "direction=sideways", "decision=maybe", "since=yesterday", "until=2026-13-01", "limit=0", "limit=5000",
        "cursor=bm9wZQ", "side=site-a", "site=a%27b", "since=2026-11-20&until=2026-11-19",
    ]

    @Test(arguments: badQueries)
    func malformedFiltersAreRejectedWithAReason(query: String) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 2)
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/check-ins?" + query, method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .badRequest)
                let error = try response.json()["error"]
                #expect(error?["code"]?.stringValue == "bad_request")
                #expect((error?["message"]?.stringValue ?? "").count > 10)
            }
        }
        #expect(try await fixture.accessLogCount() == 0)
    }

    static let injections = [
        "' OR '1'='1", "x'; DROP TABLE check_ins; --", "\" OR 1=1 --", "%' OR 1=1 --", "1) OR (1=1",
        "'; DELETE FROM access_log; --", "' UNION SELECT secret_sha256 FROM api_tokens --",
    ]

    @Test(arguments: injections, ["site", "gate", "id_number", "name", "direction", "decision", "since", "until", "cursor"])
    func sqlInjectionInAFilterHasNoEffect(injection: String, parameter: String) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 3)
        let encoded = injection.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await fixture.makeApplication().test(.router) { client in
            for path in ["/v1/check-ins", "/v1/exports/check-ins"] {
                try await client.execute(uri: "\(path)?\(parameter)=\(encoded)", method: .get, headers: .bearer(fixture.supervisorSecret)) {
                    response in
                    if response.status == .ok {
                        #expect(!response.text.contains("0010900"), "the filter matched rows")
                        #expect(!response.text.contains("sha256"))
                    } else {
                        #expect(response.status == .badRequest)
                    }
                }
            }
        }
        let remaining = try await fixture.store.all().count
        #expect(remaining == 3)
        #expect(try APITokenStore(database: fixture.database).list().count == 4)
    }

    @Test func paginationNeverMissesOrRepeatsWhileCheckInsArrive() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 20)
        let total = 20 + 120
        let app = fixture.makeApplication()
        try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await fixture.seed(count: 120, start: Date(timeIntervalSince1970: 1_795_000_000), personOffset: 100)
                }
                var seen: [Int64] = []
                var cursor: String?
                var idleRounds = 0
                while seen.count < total && idleRounds < 2000 {
                    let uri = "/v1/check-ins?limit=7" + (cursor.map { "&cursor=" + $0 } ?? "")
                    let json = try await client.execute(uri: uri, method: .get, headers: .bearer(fixture.supervisorSecret)) { try $0.json() }
                    let items = json["items"]?.arrayValue ?? []
                    seen += items.compactMap { $0["sequence"]?.numberValue.map { Int64($0) } }
                    cursor = json["next_cursor"]?.stringValue
                    if items.isEmpty {
                        idleRounds += 1
                        try await Task.sleep(for: .milliseconds(2))
                    }
                }
                try await group.waitForAll()
                #expect(seen.count == total)
                #expect(Set(seen).count == seen.count, "a row was repeated")
                #expect(seen == seen.sorted())
                #expect(Set(seen) == Set(1...Int64(total)), "a row was missed")
            }
        }
    }

    @Test func csvExportIsExactBytes() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let time = Date(timeIntervalSince1970: 1_794_990_000.125)
        let people: [(String, String)] = [
            ("Nguyễn Thị Ánh Tuyết", "079190000001"),
            ("=HYPERLINK(\"http://x\",\"Đặng\")", "+84901234567"),
            ("Trần, \"Bé\" Hoa", "-1"),
            ("@SUM(A1)", "\tTab"),
            ("Lê Văn;=cmd|' /C calc'!A0", "0791 -2+3"),
        ]
        var ids: [String] = []
        for (index, person) in people.enumerated() {
            var draft = CheckInFactory.draft(person: index, at: time.addingTimeInterval(Double(index)))
            draft.subject = Subject(idNumber: person.1, fullName: person.0, birthDate: "1990-01-15")
            draft.subjectKey = "id:" + person.1
            let stored = try await fixture.store.record(draft, direction: .fixed(.entry))
            ids.append(stored.id)
        }
        let body = try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/exports/check-ins?format=csv", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                return Array(response.body.readableBytesView)
            }
        }
        let columns =
            "id,sequence,recorded_at,clock_synced,site,gate,direction,decision,reasons,id_number,name,birth_date,credential_kind,credential_verified,credential_issuer,credential_doses,credential_event_date,credential_valid_until,paired_entry_id,flags,purged_at"
        let header = columns.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",") + "\r\n"
        // Every cell quoted; `name` and `id_number` already in their CSV form.
        func row(_ index: Int, name: String, id: String) -> String {
            let cells = [
                "\"\(ids[index])\"", "\"\(index + 1)\"", "\"2026-11-18T08:20:0\(index).125Z\"", "\"true\"", "\"site-a\"", "\"gate-01\"",
                "\"entry\"", "\"admit\"", "\"[]\"", id, name, "\"1990-01-15\"", "\"vaccination\"", "\"true\"", "\"VN\"", "\"2/2\"",
                "\"2021-09-01\"", "\"\"", "\"\"", "\"\"", "\"\"",
            ]
            return cells.joined(separator: ",") + "\r\n"
        }
        let expected =
            [0xEF, 0xBB, 0xBF]
            + Array(
                (header
                    + row(0, name: "\"Nguyễn Thị Ánh Tuyết\"", id: "\"079190000001\"")
                    + row(1, name: "\"'=HYPERLINK(\"\"http://x\"\",\"\"Đặng\"\")\"", id: "\"'+84901234567\"")
                    + row(2, name: "\"Trần, \"\"Bé\"\" Hoa\"", id: "\"'-1\"")
                    // A control character never reaches storage (the store turns the tab into a space).
                    + row(3, name: "\"'@SUM(A1)\"", id: "\" Tab\"")
                    + row(4, name: "\"Lê Văn;'=cmd|' /C calc'!A0\"", id: "\"0791 '-2+3\"")).utf8)
        #expect(body == expected, "\(String(decoding: body, as: UTF8.self))")
    }

    @Test(arguments: CheckInExportFormat.allCases)
    func exportsStreamEveryRowInChunks(format: CheckInExportFormat) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 23)
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/exports/check-ins?format=\(format.rawValue)", method: .get, headers: .bearer(fixture.supervisorSecret))
            { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == format.mediaType)
                let text = response.text
                switch format {
                case .csv:
                    #expect(text.split(separator: "\r\n").count == 24)
                case .json:
                    let array = try JSONValue(parsing: text).arrayValue
                    #expect(array?.count == 23)
                    #expect(array?.first?["name"]?.stringValue == "Nguyễn Văn An")
                    #expect(array?.first?["reasons"]?.arrayValue?.isEmpty == true)
                case .ndjson:
                    let lines = text.split(separator: "\n")
                    #expect(lines.count == 23)
                    for line in lines { _ = try JSONValue(parsing: String(line)) }
                }
            }
        }
    }

    @Test func insideAndLeftNotReturned() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await Self.seedMixed(fixture)
        // Person 1 comes back after leaving.
        _ = try await fixture.store.record(
            CheckInFactory.draft(person: 1, at: Date(timeIntervalSince1970: 1_794_999_000), site: "site-a"),
            direction: .fixed(.entry)
        )
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/inside?site=site-a", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                let items = try #require(try response.json().arrayValue)
                #expect(items.count == 8)  // people 3–9 plus person 1 again
                #expect(!items.contains { $0["id_number"]?.stringValue == "001090000000" })
            }
            try await client.execute(uri: "/v1/left-not-returned?site=site-a&hours=0.5", method: .get, headers: .bearer(fixture.supervisorSecret)) {
                response in
                let items = try #require(try response.json().arrayValue)
                #expect(Set(items.compactMap { $0["id_number"]?.stringValue }) == ["001090000000", "001090000002"])
            }
            try await client.execute(uri: "/v1/left-not-returned?site=site-a&hours=100", method: .get, headers: .bearer(fixture.supervisorSecret)) {
                response in
                let body = try response.json()
                #expect(body.arrayValue?.isEmpty == true)
            }
        }
    }
}
