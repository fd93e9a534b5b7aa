// A child process for the kill -9 test (RELIABILITY.md T1): records check-ins as fast as it
// can and prints each id only after `record` returned, i.e. after the commit. The parent
// kills it at random moments and then checks that every printed id is stored.
import Foundation
import QRGateCore
import QRGateStore
import QRGateTestSupport

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: qrgate-crash-writer DATABASE\n".utf8))
    exit(2)
}
let database = try GateDatabase(path: CommandLine.arguments[1])
let store = CheckInStore(database: database)
var person = Int(getpid())
while true {
    person += 1
    let stored = try await store.record(
        CheckInFactory.draft(
            person: person % 100_000, at: Date(),
            declaration: person % 3 == 0
                ? HealthDeclaration(symptoms: [.cough], submittedAt: Date().timeIntervalSince1970, source: .kiosk) : nil),
        direction: .auto
    )
    FileHandle.standardOutput.write(Data((stored.id + "\n").utf8))  // unbuffered: one write(2) per id
}
