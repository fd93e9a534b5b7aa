import Foundation
import QRGateCore
import QRGateImaging
import QRGateTestSupport
import Testing

/// Issue 12 item 8: image uploads to `POST /v1/scans` are decoded on the daemon's own image
/// threads, a few at a time, and bad images get typed client errors.
@Suite(.serialized) struct KioskImageUploadTests {
    /// A small interlaced PNG declaring 40 megapixels (8000 x 5000, the default limit): tiny to
    /// send, 40 MB to decode and seconds of zbar.
    static func interlacedFortyMegapixelPNG() throws -> [UInt8] {
        try PNGWriter(depth: .grey8, interlaced: true).encode(GreyFrame(width: 8000, height: 5000, filledWith: 255))
    }

    /// A PNG signature and IHDR claiming `width` x `height` (no CRC, no image data).
    static func pngHeader(width: UInt32, height: UInt32) throws -> [UInt8] {
        func be32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 0, 0, 0, 0] + [0, 0, 0, 0]
    }

    /// Twenty parallel uploads of a 40-megapixel interlaced PNG made `/health` take 9.5 s and
    /// stopped the watchdog pings. Now two decode at a time, a couple wait, the rest get 503
    /// with Retry-After, and `/health` keeps answering promptly throughout.
    @Test func twentyParallelFortyMegapixelUploadsKeepHealthAnswering() throws {
        let daemon = try RunningGate()
        defer { daemon.stop() }
        let kiosk = try daemon.token(role: "kiosk")
        try daemon.start()
        let image = try Self.interlacedFortyMegapixelPNG()
        #expect(image.count < 400_000, "the attack image is small to send (\(image.count) bytes)")
        let port = daemon.port

        // Real threads (not tasks): the clients block on their sockets, all twenty at once.
        let results = ExchangeLog()
        let uploads = DispatchGroup()
        let prober = Thread {
            while !results.locked({ $0.done }) {
                let seconds = LoopbackExchange.send("GET", "/health", port: port, timeout: 15)?.seconds ?? 99
                results.locked { $0.latencies.append(seconds) }
                usleep(200_000)
            }
        }
        prober.start()
        for _ in 0..<20 {
            uploads.enter()
            Thread {
                let answer = LoopbackExchange.send(
                    "POST", "/v1/scans", port: port, headers: ["Authorization": "Bearer " + kiosk, "Content-Type": "image/png"], body: image,
                    timeout: 120)
                results.locked { $0.answers.append(answer) }
                uploads.leave()
            }.start()
        }
        let finished = uploads.wait(timeout: .now() + 180)
        usleep(600_000)  // a few more health probes after the uploads
        results.locked { $0.done = true }
        #expect(finished == .success, "the uploads did not finish within 180 s")
        let (answers, latencies) = results.locked { ($0.answers, $0.latencies) }
        #expect(answers.allSatisfy { $0 != nil }, "every upload gets an answer")
        let statuses = answers.compactMap { $0?.status }
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "uploads are scanned or refused as busy: \(statuses)")
        let busy = answers.compactMap { $0 }.filter { $0.status == 503 }
        #expect(busy.count >= 10, "at most a few uploads are taken at once; \(busy.count) of 20 were refused")
        #expect(statuses.contains(200), "the uploads within the limit are scanned")
        for answer in busy {
            #expect(Int(answer.headers["retry-after"] ?? "") ?? 0 >= 1)
            #expect(try JSONValue(parsing: Array(answer.body.utf8))["error"]?["code"]?.stringValue == "busy")
        }
        #expect(!latencies.isEmpty)
        #expect(latencies.allSatisfy { $0 < 2 }, "health answered in \(latencies.map { String(format: "%.2f", $0) }) s")
        #expect(daemon.isRunning)
        #expect(daemon.stop() == 0)
    }

    /// Each kind of bad image gets its own status and a reason in the JSON body, never an empty 500.
    @Test func badImagesGetTypedClientErrors() throws {
        let daemon = try RunningGate()
        defer { daemon.stop() }
        let kiosk = try daemon.token(role: "kiosk")
        try daemon.start()
        let valid = try PNGWriter().encode(GreyFrame(width: 64, height: 64, filledWith: 200))
        var corrupt = valid
        for index in 40..<(corrupt.count - 12) { corrupt[index] ^= 0x5A }  // the compressed data, not the header

        let cases: [(name: String, type: String, body: [UInt8], status: Int, code: String, reasons: Set<String>)] = [
            ("too many pixels", "image/png", try Self.pngHeader(width: 20_000, height: 20_000), 413, "image_too_large", ["too_large"]),
            ("too many bytes", "image/png", [UInt8](repeating: 0, count: (12 << 20) + 1), 413, "body_too_large", []),
            ("GIF", "image/gif", Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 64), 415, "unsupported_media_type", ["unsupported_format"]),
            ("not an image type", "text/plain", Array("hello".utf8), 415, "unsupported_media_type", []),
            ("truncated PNG", "image/png", Array(valid.prefix(valid.count / 2)), 422, "undecodable_image", ["truncated", "corrupt"]),
            ("corrupt PNG", "image/png", corrupt, 422, "undecodable_image", ["corrupt", "truncated"]),
            ("empty body", "image/png", [], 422, "undecodable_image", ["truncated"]),
            ("zero-size PNG", "image/png", try Self.pngHeader(width: 0, height: 0), 422, "undecodable_image", ["empty_image"]),
        ]
        for item in cases {
            let answer = LoopbackExchange.send(
                "POST", "/v1/scans", port: daemon.port, headers: ["Authorization": "Bearer " + kiosk, "Content-Type": item.type], body: item.body)
            let got = try #require(answer, "\(item.name): no answer")
            #expect(got.status == item.status, "\(item.name): \(got.status) \(got.body)")
            let error = try JSONValue(parsing: Array(got.body.utf8))["error"]
            #expect(error?["code"]?.stringValue == item.code, "\(item.name): \(got.body)")
            let message = error?["message"]?.stringValue ?? ""
            #expect(message.count > 10, "\(item.name): a message says what to do")
            if !item.reasons.isEmpty {
                #expect(item.reasons.contains(error?["reason"]?.stringValue ?? ""), "\(item.name): \(got.body)")
            }
        }
        // A good image still goes through.
        let good = LoopbackExchange.send(
            "POST", "/v1/scans", port: daemon.port, headers: ["Authorization": "Bearer " + kiosk, "Content-Type": "image/png"], body: valid)
        #expect(good?.status == 200, "\(good?.body ?? "")")
        #expect(daemon.isRunning)
        #expect(daemon.stop() == 0)
    }
}

/// Answers and health latencies collected by the client threads.
private final class ExchangeLog: @unchecked Sendable {
    struct Entries {
        var answers: [LoopbackExchange.Answer?] = []
        var latencies: [Double] = []
        var done = false
    }
    private let lock = NSLock()
    private var entries = Entries()

    func locked<T>(_ body: (inout Entries) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&entries)
    }
}
