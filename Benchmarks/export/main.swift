// Export benchmark: streams check-ins as CSV (or JSON/NDJSON) through the same code path as
// `qrgate export` and `GET /v1/exports/check-ins`, and reports rows per second and the
// process's peak resident memory (VmHWM).
//
//   qrgate-export-benchmark populate DB ROWS     fill a fresh database with synthetic check-ins
//   qrgate-export-benchmark export DB [FORMAT] [OUT]   export (default csv to /dev/null)
//
// `populate` and `export` run as separate processes so that the export's VmHWM is its own.

import Foundation
import GRDB
import QRGateStore

#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
    }
    return -1
}

func runExport(arguments: [String], path: String) async throws {
    guard let format = CheckInExportFormat(rawValue: arguments.count >= 4 ? arguments[3] : "csv") else { fail("format must be csv, json or ndjson") }
    let outputPath = arguments.count >= 5 ? arguments[4] : "/dev/null"
    let descriptor = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { fail("cannot open \(outputPath)") }
    let database = try GateDatabase(path: path, readOnly: true)
    let before = peakResidentKiB()
    let clock = ContinuousClock()
    var bytesWritten = 0
    let started = clock.now
    let rows = try await SupervisorQueries(database: database).export(filter: CheckInFilter(), format: format) { bytes in
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { fail("write failed") }
                offset += written
            }
        }
        bytesWritten += bytes.count
    }
    let elapsed = clock.now - started
    close(descriptor)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
        "format=\(format.rawValue) rows=\(rows) bytes=\(bytesWritten) seconds=\(String(format: "%.3f", seconds)) "
            + "rows_per_second=\(Int(Double(rows) / seconds)) peak_rss_kib=\(peakResidentKiB()) rss_before_export_kib=\(before)"
    )

}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: qrgate-export-benchmark populate DB ROWS | export DB [csv|json|ndjson] [OUT]") }
let path = arguments[2]

switch arguments[1] {
case "populate":
    guard arguments.count >= 4, let rows = Int(arguments[3]), rows > 0 else { fail("populate needs a row count") }
    try? FileManager.default.removeItem(atPath: path)
    let database = try GateDatabase(path: path)
    let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Đỗ Minh Đức", "=Hồ \"Xuân\", Hương", "Võ Thị Sáu"]
    let start = Date().timeIntervalSince1970
    try database.writer.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = OFF")
        try db.inTransaction {
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO check_ins (id, sequence, gate, site, direction, recorded_at_ms, boot_ns, clock_synced, flags,
                        credential_kind, credential_verified, credential_issuer, credential_doses, credential_event_date,
                        decision, reasons, rule_set_version, subject_key, subject_id_number, subject_name, subject_birth_date,
                        personal_digest, previous_hash, hash)
                    VALUES (?, ?, 'gate-01', 'site-a', ?, ?, ?, 1, '', 'vaccination', 1, 'VN', '2/2', '2021-09-01',
                        ?, ?, 'VN-1.0.0', ?, ?, ?, '1990-01-15', ?, ?, ?)
                    """)
            let digest = String(repeating: "a", count: 64)
            let refusal = #"[{"code":"expired","english":"The certificate has expired","vietnamese":"Chứng nhận đã hết hạn"}]"#
            for index in 0..<rows {
                let idNumber = String(format: "0010900%05d", index % 100_000)
                try statement.execute(arguments: [
                    String(format: "0193%04x-%04x-7%03x-8%03x-%012x", index >> 16, index & 0xFFFF, index % 4096, index % 4096, index),
                    index + 1, index % 2 == 0 ? "entry" : "exit", Int64(1_790_000_000_000) + Int64(index) * 250, index,
                    index % 10 == 9 ? "refuse" : "admit", index % 10 == 9 ? refusal : "[]",
                    "id:" + idNumber, idNumber, names[index % names.count], digest, digest, digest,
                ])
            }
            return .commit
        }
    }
    print("populated \(rows) check-ins in \(String(format: "%.1f", Date().timeIntervalSince1970 - start)) s")

case "export":
    try await runExport(arguments: arguments, path: path)

default:
    fail("unknown mode \(arguments[1])")
}
