import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QRGateCore
import QRGateServer
import QRGateStore
import QRGateTestSupport
import Testing

/// The supervisor console over real HTTP on loopback: sign-in exchanges a token for a session
/// cookie, the session is the only credential of `/console/api`, and every way around it
/// (forged, ended, idle, revoked, cross-site, no CSRF token) is refused without data.
@Suite struct ConsoleTests {
    static func form(_ token: String) -> ByteBuffer {
        ByteBuffer(string: "token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }
    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The session cookie's value from a sign-in answer.
    static func sessionCookie(_ response: TestResponse) -> String? {
        guard let header = response.headers[.setCookie], header.hasPrefix("qrgate_console=") else { return nil }
        return String(header.dropFirst("qrgate_console=".count).prefix { $0 != ";" })
    }

    static func cookie(_ value: String) -> HTTPFields { [.cookie: "qrgate_console=" + value] }

    static func configure(_ configuration: inout SupervisorAPIConfiguration) {
        configuration.console = ConsoleConfiguration()
    }

    /// Signs in with `secret`; the cookie and the CSRF token.
    static func signIn(_ client: some TestClientProtocol, _ secret: String) async throws -> (cookie: String, csrf: String) {
        let cookie = try await client.execute(uri: "/console/sign-in", method: .post, headers: formType, body: form(secret)) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/console")
            return try #require(sessionCookie(response))
        }
        let csrf = try await client.execute(uri: "/console/session", method: .get, headers: Self.cookie(cookie)) { response in
            #expect(response.status == .ok)
            return try #require(try response.json()["csrf_token"]?.stringValue)
        }
        return (cookie, csrf)
    }

    @Test func signInGivesAnHttpOnlyStrictSessionCookieAndReadsGoOnTheConsoleChannel() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 3)
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            try await client.execute(uri: "/console/sign-in", method: .post, headers: Self.formType, body: Self.form(fixture.supervisorSecret)) {
                response in
                let header = try #require(response.headers[.setCookie])
                #expect(header.contains("HttpOnly"))
                #expect(header.contains("SameSite=Strict"))
                #expect(header.contains("Path=/console"))
                #expect(!header.contains(fixture.supervisorSecret), "the token itself never goes into the cookie")
                #expect(!header.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back")
            }
            let session = try await Self.signIn(client, fixture.supervisorSecret)
            try await client.execute(uri: "/console/api/inside?site=site-a", method: .get, headers: Self.cookie(session.cookie)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                let json = try response.json()
                #expect(json.arrayValue?.count == 3)
            }
            try await client.execute(uri: "/console/api/check-ins?name=nguyen%20van", method: .get, headers: Self.cookie(session.cookie)) {
                response in
                #expect(response.status == .ok)
                let names = try response.json()["items"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                #expect(names == ["Nguyễn Văn An"], "a search without diacritics finds the Vietnamese name")
            }
        }
        let entries = try await AccessLogStore(database: fixture.database).entries()
        #expect(entries.map(\.endpoint) == ["GET /v1/inside", "GET /v1/check-ins"])
        #expect(entries.allSatisfy { $0.channel == .console && $0.actor == "Ward 3 supervisor" })
    }

    @Test func thePageAndItsAssetsCarryTheConsolePolicy() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            for path in ["/console", "/console/console.js", "/console/console.css"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(
                        response.headers[.contentSecurityPolicy]
                            == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
                    )
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                }
            }
            try await client.execute(uri: "/console", method: .get) { response in
                #expect(response.text.contains("<form id=\"sign-in\" method=\"post\" action=\"/console/sign-in\">"))
                #expect(response.text.contains("name=\"token\""))
            }
        }
    }

    @Test func noConsoleConfiguredAnswers404() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication().test(.live) { client in
            try await client.execute(uri: "/console", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: Self.formType, body: Self.form(fixture.supervisorSecret)) {
                response in
                #expect(response.status == .notFound)
            }
        }
    }

    enum Forgery: String, CaseIterable { case none, forged, empty, tokenAsCookie }

    @Test(arguments: Forgery.allCases)
    func noLiveSessionNoData(forgery: Forgery) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 3)
        let headers: HTTPFields
        switch forgery {
        case .none: headers = [:]
        case .forged: headers = Self.cookie(String(repeating: "A", count: 43))
        case .empty: headers = Self.cookie("")
        case .tokenAsCookie: headers = Self.cookie(fixture.supervisorSecret)
        }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            try await client.execute(uri: "/console/session", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.text == "{\"signed_in\":false}\n")
            }
            for path in ["/console/api/inside", "/console/api/check-ins", "/console/api/exports/check-ins?format=csv"] {
                try await client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized, "\(path)")
                    #expect(!response.text.contains("0010900"))
                    #expect(!response.text.contains("Nguy"))
                    #expect(response.headers[.cacheControl] == "no-store")
                }
            }
            // A bearer token is not a console credential either.
            try await client.execute(uri: "/console/api/inside", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try await fixture.accessLogCount() == 0)
    }

    @Test func signOutNeedsTheCSRFTokenAndEndsTheSession() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            let session = try await Self.signIn(client, fixture.supervisorSecret)
            for csrf in [nil, "wrong", ""] {
                var headers = Self.cookie(session.cookie)
                if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
                try await client.execute(uri: "/console/api/sign-out", method: .post, headers: headers) { response in
                    #expect(response.status == .forbidden)
                }
            }
            // Still signed in: a refused post changes nothing.
            try await client.execute(uri: "/console/api/inside", method: .get, headers: Self.cookie(session.cookie)) { response in
                #expect(response.status == .ok)
            }
            var headers = Self.cookie(session.cookie)
            headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf
            try await client.execute(uri: "/console/api/sign-out", method: .post, headers: headers) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/console/api/inside", method: .get, headers: Self.cookie(session.cookie)) { response in
                #expect(response.status == .unauthorized, "the old cookie is dead after sign-out")
            }
        }
    }

    @Test func crossSitePostsAreRefused() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            let session = try await Self.signIn(client, fixture.operatorSecret)
            let attacks: [HTTPFields] = [
                [HTTPField.Name("Origin")!: "http://evil.example"], [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                [HTTPField.Name("Sec-Fetch-Site")!: "same-site"], [HTTPField.Name("Origin")!: "null"],
            ]
            for attack in attacks {
                var signIn = Self.formType
                signIn.append(contentsOf: attack)
                try await client.execute(uri: "/console/sign-in", method: .post, headers: signIn, body: Self.form(fixture.supervisorSecret)) {
                    response in
                    #expect(response.status == .forbidden)
                    #expect(response.headers[.setCookie] == nil, "login CSRF: no session planted")
                }
                // Even with the cookie and the CSRF token (say a sibling page leaked it), a cross-site post is refused.
                var create = Self.cookie(session.cookie)
                create[.contentType] = "application/json"
                create[HTTPField.Name("X-CSRF-Token")!] = session.csrf
                create.append(contentsOf: attack)
                try await client.execute(
                    uri: "/console/api/tokens", method: .post, headers: create, body: ByteBuffer(string: #"{"role":"operator","name":"attacker"}"#)
                ) { response in
                    #expect(response.status == .forbidden)
                }
            }
            // A form posted cross-site with text/plain, the classic CSRF shape, is refused too.
            try await client.execute(
                uri: "/console/sign-in", method: .post, headers: [.contentType: "text/plain"], body: Self.form(fixture.supervisorSecret)
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
        let names = try APITokenStore(database: fixture.database).list().map(\.name)
        #expect(!names.contains("attacker"))
    }

    @Test func wrongTokensAreThrottledAndAValidOneIsNeverLockedOut() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            let wrong = "qrg_" + String(repeating: "B", count: 43)
            var locations: [String] = []
            for _ in 0..<7 {
                try await client.execute(uri: "/console/sign-in", method: .post, headers: Self.formType, body: Self.form(wrong)) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.setCookie] == nil)
                    locations.append(response.headers[.location] ?? "")
                }
            }
            #expect(locations.prefix(5).allSatisfy { $0 == "/console?signin=invalid" })
            #expect(locations.suffix(2).allSatisfy { $0.hasPrefix("/console?signin=throttled&wait=") })
            try await client.execute(uri: "/console/sign-in", method: .post, headers: Self.formType, body: Self.form(fixture.revokedSecret)) {
                response in
                #expect(response.headers[.location] == "/console?signin=invalid")
            }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: Self.formType, body: Self.form(fixture.kioskSecret)) {
                response in
                #expect(response.headers[.location] == "/console?signin=role", "a kiosk token opens no console session")
                #expect(response.headers[.setCookie] == nil)
            }
            _ = try await Self.signIn(client, fixture.supervisorSecret)
        }
    }

    @Test func idleSessionsAndOldSessionsEnd() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: { configuration in
            var console = ConsoleConfiguration()
            console.sessions.idleTimeout = .seconds(600)
            console.sessions.lifetime = .seconds(3600)
            configuration.console = console
        }).test(.live) { client in
            let session = try await Self.signIn(client, fixture.supervisorSecret)
            // Busy: used every 9 minutes, it lives until its lifetime ends.
            for _ in 0..<6 {
                fixture.monotonic.advance(.seconds(540))
                try await client.execute(uri: "/console/api/head", method: .get, headers: Self.cookie(session.cookie)) { response in
                    #expect(response.status == .ok)
                }
            }
            fixture.monotonic.advance(.seconds(540))
            try await client.execute(uri: "/console/api/head", method: .get, headers: Self.cookie(session.cookie)) { response in
                #expect(response.status == .unauthorized, "past its lifetime")
            }
            let idle = try await Self.signIn(client, fixture.supervisorSecret)
            fixture.monotonic.advance(.seconds(601))
            try await client.execute(uri: "/console/api/head", method: .get, headers: Self.cookie(idle.cookie)) { response in
                #expect(response.status == .unauthorized, "idle past the timeout")
            }
            // A console left open on "now" polls by itself: its refreshes are answered, but they
            // are not the supervisor's activity, so the session still ends after the idle timeout.
            let leftOpen = try await Self.signIn(client, fixture.supervisorSecret)
            var polling = Self.cookie(leftOpen.cookie)
            polling[HTTPField.Name("X-Console-Refresh")!] = "1"
            for _ in 0..<3 {
                fixture.monotonic.advance(.seconds(180))
                try await client.execute(uri: "/console/api/head", method: .get, headers: polling) { response in
                    #expect(response.status == .ok, "a refresh within the timeout is answered")
                }
            }
            fixture.monotonic.advance(.seconds(180))
            try await client.execute(uri: "/console/api/head", method: .get, headers: polling) { response in
                #expect(response.status == .unauthorized, "polling kept an unattended session alive")
            }
        }
    }

    @Test func revokingTheTokenEndsItsSessions() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            let supervisor = try await Self.signIn(client, fixture.supervisorSecret)
            let operators = try await Self.signIn(client, fixture.operatorSecret)
            var headers = Self.cookie(operators.cookie)
            headers[HTTPField.Name("X-CSRF-Token")!] = operators.csrf
            try await client.execute(uri: "/console/api/tokens/\(fixture.supervisorToken.id)/revoke", method: .post, headers: headers) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["revoked_at"]?.stringValue != nil)
            }
            try await client.execute(uri: "/console/api/inside", method: .get, headers: Self.cookie(supervisor.cookie)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func rolesHoldInTheConsoleAsInTheAPI() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 2)
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            let supervisor = try await Self.signIn(client, fixture.supervisorSecret)
            let operators = try await Self.signIn(client, fixture.operatorSecret)
            for path in ["/console/api/status", "/console/api/tokens", "/console/api/access-log", "/console/api/dead-letters"] {
                try await client.execute(uri: path, method: .get, headers: Self.cookie(supervisor.cookie)) { response in
                    #expect(response.status == .forbidden, "\(path)")
                }
                try await client.execute(uri: path, method: .get, headers: Self.cookie(operators.cookie)) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
            for path in ["/console/api/inside", "/console/api/check-ins", "/console/api/residents", "/console/api/exports/check-ins"] {
                try await client.execute(uri: path, method: .get, headers: Self.cookie(operators.cookie)) { response in
                    #expect(response.status == .forbidden, "\(path)")
                    #expect(!response.text.contains("Nguy"))
                }
            }
        }
    }

    @Test func operatorsManageTokensFromTheConsole() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: Self.configure).test(.live) { client in
            let operators = try await Self.signIn(client, fixture.operatorSecret)
            var headers = Self.cookie(operators.cookie)
            headers[HTTPField.Name("X-CSRF-Token")!] = operators.csrf
            headers[.contentType] = "application/json"
            let secret = try await client.execute(
                uri: "/console/api/tokens", method: .post, headers: headers, body: ByteBuffer(string: #"{"role":"supervisor","name":"Ca đêm"}"#)
            ) { response in
                #expect(response.status == .created)
                #expect(try response.json()["name"]?.stringValue == "Ca đêm")
                return try #require(try response.json()["secret"]?.stringValue)
            }
            try await client.execute(uri: "/v1/whoami", method: .get, headers: .bearer(secret)) { response in
                let json = try response.json()
                #expect(json["name"]?.stringValue == "Ca đêm")
            }
            try await client.execute(
                uri: "/console/api/tokens", method: .post, headers: headers, body: ByteBuffer(string: #"{"role":"root","name":"x"}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/console/api/tokens", method: .get, headers: Self.cookie(operators.cookie)) { response in
                #expect(!response.text.contains("qrg_"), "a listing never shows a secret")
                #expect(response.text.contains("Ca đêm"))
            }
        }
    }
}

/// The supervisor views the console draws: residents and who is overdue, and the day by hour.
@Suite struct ConsoleViewTests {
    @Test func overdueResidentsAreTheOnesOutsideTooLongOrPastTheirPermit() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let now = fixture.wallClock.now
        // Person 0 left 5 h ago (limit 4): overdue. Person 1 left 1 h ago with a permit that ended
        // 10 minutes ago: overdue. Person 2 left 1 h ago with a valid permit: outside, fine.
        // Person 3 is inside. Person 4 was never seen.
        func record(_ person: Int, _ direction: Direction, hoursAgo: Double) async throws -> StoredCheckIn {
            try await fixture.store.record(
                CheckInFactory.draft(person: person, at: now.addingTimeInterval(-hoursAgo * 3600), direction: direction), direction: .fixed(direction)
            )
        }
        for person in 0..<4 { _ = try await record(person, .entry, hoursAgo: 30) }
        let exit0 = try await record(0, .exit, hoursAgo: 5)
        let exit1 = try await record(1, .exit, hoursAgo: 1)
        _ = try await record(2, .exit, hoursAgo: 1)
        let residents = (0..<5).map { person in
            AdmissionPolicy.Resident(
                idNumber: String(format: "0010900%05d", person),
                permitUntil: person == 1 ? now.addingTimeInterval(-600) : now.addingTimeInterval(7200))
        }
        try await fixture.makeApplication(configure: {
            $0.residents = residents
            $0.maxHoursOutside = 4
        }).test(.router) { client in
            try await client.execute(uri: "/v1/residents", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .ok)
                let items = try #require(try response.json()["items"]?.arrayValue)
                let byID = Dictionary(uniqueKeysWithValues: items.map { ($0["id_number"]?.stringValue ?? "", $0) })
                #expect(byID["001090000000"]?["overdue"]?.stringValue == "outside_too_long")
                #expect(byID["001090000000"]?["last_check_in_id"]?.stringValue == exit0.id)
                #expect(byID["001090000001"]?["overdue"]?.stringValue == "permit_expired")
                #expect(byID["001090000001"]?["last_check_in_id"]?.stringValue == exit1.id)
                #expect(byID["001090000002"]?["state"]?.stringValue == "outside")
                #expect(byID["001090000002"]?["overdue"] == .null)
                #expect(byID["001090000003"]?["state"]?.stringValue == "inside")
                #expect(byID["001090000004"]?["state"]?.stringValue == "unknown")
            }
        }
        #expect(try await AccessLogStore(database: fixture.database).entries().map(\.endpoint) == ["GET /v1/residents"])
    }

    @Test func theDayCountsEachHourAndTheOccupancyEndsAtWhoIsInside() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let now = fixture.wallClock.now
        let dayStart = now.addingTimeInterval(-10 * 3600)
        // Two inside from before the day; in hour 1 three come in, in hour 2 one of them leaves
        // and one is refused, in hour 3 one is referred.
        for person in 0..<2 {
            let draft = CheckInFactory.draft(person: person, at: dayStart.addingTimeInterval(-3600))
            _ = try await fixture.store.record(draft, direction: .fixed(.entry))
        }
        for person in 2..<5 {
            let draft = CheckInFactory.draft(person: person, at: dayStart.addingTimeInterval(3600 + Double(person) * 60))
            _ = try await fixture.store.record(draft, direction: .fixed(.entry))
        }
        _ = try await fixture.store.record(
            CheckInFactory.draft(person: 2, at: dayStart.addingTimeInterval(2 * 3600 + 60), direction: .exit), direction: .fixed(.exit))
        _ = try await fixture.store.record(
            CheckInFactory.draft(person: 9, at: dayStart.addingTimeInterval(2 * 3600 + 120), outcome: .refuse), direction: .fixed(.entry))
        _ = try await fixture.store.record(
            CheckInFactory.draft(person: 8, at: dayStart.addingTimeInterval(3 * 3600 + 120), outcome: .refer), direction: .fixed(.entry))
        let since = ExportTime.iso8601(milliseconds: Int64(dayStart.timeIntervalSince1970 * 1000))
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/hourly?hours=24&since=" + since, method: .get, headers: .bearer(fixture.supervisorSecret)) {
                response in
                #expect(response.status == .ok)
                let hours = try #require(try response.json()["hours"]?.arrayValue)
                #expect(hours.count == 24)
                func value(_ hour: Int, _ key: String) -> Double? { hours[hour][key]?.numberValue }
                #expect(value(0, "occupancy") == 2)
                #expect(value(1, "entries") == 3)
                #expect(value(1, "occupancy") == 5)
                #expect(value(2, "exits") == 1)
                #expect(value(2, "refusals") == 1)
                #expect(value(2, "occupancy") == 4)
                #expect(value(3, "referrals") == 1)
                #expect(value(10, "occupancy") == 4, "the current hour ends at who is inside now")
                #expect(hours[11]["occupancy"] == .null, "hours still to come have no occupancy")
            }
            try await client.execute(uri: "/v1/hourly", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

/// A search stays an index probe, or a scan of a stored column, however long the log grows.
@Suite struct ConsoleQueryPlanTests {
    static func plan(_ database: GateDatabase, _ sql: String) async throws -> String {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test func idNumberLookupsUseTheirIndexes() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        // The page query of `GET /v1/check-ins?id_number=…` (CheckInFilter), and a resident's latest check-in.
        let search = try await Self.plan(
            fixture.database,
            "SELECT c.id FROM check_ins c WHERE c.sequence > 0 AND c.subject_id_number = '001090000001' ORDER BY c.sequence LIMIT 101")
        #expect(search.contains("check_ins_id_number"), "\(search)")
        let resident = try await Self.plan(
            fixture.database,
            "SELECT c.id FROM check_ins c WHERE c.subject_id_number = '001090000001' AND c.site = 's' AND c.decision = 'admit' ORDER BY c.sequence DESC LIMIT 1"
        )
        #expect(resident.contains("check_ins_id_number"), "\(resident)")
        #expect(!resident.contains("TEMP B-TREE"), "\(resident)")
    }

    @Test func leftNotReturnedLooksUpLaterCheckInsByPerson() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let plan = try await fixture.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SupervisorQueries.leftNotReturnedSQL, arguments: ["s", 1, 0])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("USING COVERING INDEX check_ins_pairing_lookup (site=? AND subject_key=?)"), "\(plan)")
    }

    @Test func namesAreFoldedWhenRecordedAndForgottenWhenPurged() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let start = Date(timeIntervalSince1970: 1_794_990_000)
        try await fixture.seed(count: 2, start: start)
        let folded = try await fixture.database.writer.read { db in
            try String?.fetchAll(db, sql: "SELECT subject_name_folded FROM check_ins ORDER BY sequence")
        }
        #expect(folded == ["nguyen van an", "tran thi binh"])
        _ = try await fixture.store.purgeExpired(now: start.addingTimeInterval(40 * 86_400), retentionDays: 21)
        let after = try await fixture.database.writer.read { db in
            try String?.fetchAll(db, sql: "SELECT subject_name_folded FROM check_ins ORDER BY sequence")
        }
        #expect(after == [nil, nil], "a purged check-in keeps no searchable trace of the name")
    }
}
