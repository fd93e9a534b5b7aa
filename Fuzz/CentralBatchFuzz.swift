// libFuzzer entry for qrgate-central's batch reader: any bytes as the body a gate (or anyone
// holding a gate's token) posts to /v1/gates/{gate}/check-ins:batch. Compiled with
// Sources/QRGateCentral/BatchIngest.swift against the QRGateCore module of the debug build
// (scripts/fuzz batch does it).
//
// Properties checked beyond "no crash": the reader either returns a batch of 1 to 50 records
// whose every id is a UUID, capture time in range and direction and decision from their sets, or
// throws a problem with a message; a problem naming a record names an id that is in the body.

import Foundation
import QRGateCore

@_cdecl("LLVMFuzzerTestOneInput")
public func centralBatchFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let batch = try BatchReader.read(body, maxRecords: 50)
        precondition(!batch.records.isEmpty && batch.records.count <= 50)
        for record in batch.records {
            precondition(UUID(uuidString: record.idText) == record.id)
            precondition(["entry", "exit"].contains(record.direction) && ["admit", "refuse", "refer"].contains(record.decision))
            precondition(
                record.recordedAtMilliseconds >= BatchReader.earliestMilliseconds && record.recordedAtMilliseconds < BatchReader.latestMilliseconds)
            precondition((try? JSONValue(parsing: record.json)) != nil, "the stored document is JSON")
        }
    } catch {
        precondition(!error.message.isEmpty)
        if let id = error.recordID {
            precondition(!id.isEmpty && (String(decoding: body, as: UTF8.self).contains(id) || body.contains(where: { $0 == UInt8(ascii: "\\") })))
        }
    }
    return 0
}
