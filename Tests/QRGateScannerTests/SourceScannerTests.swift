import QRGateImaging
import QRGateScanner
import Testing

/// A source replaying fixed events, advancing a manual clock before each.
struct ReplaySource: FrameSource {
    var events: [(advance: Duration, event: SourceEvent)]
    let clock: ManualClock
    var description: String { "replay" }

    mutating func next() async throws -> SourceEvent? {
        guard !events.isEmpty else { return nil }
        let (advance, event) = events.removeFirst()
        clock.advance(by: advance)
        return event
    }
}

@Suite struct SourceScannerTests {
    @Test func repeatedCodeWithinWindowIsOneScan() async throws {
        let clock = ManualClock()
        let code = try #require(QRRendering.render8bit("HC1:SAME"))
        let other = [ScannedSymbol(bytes: Array("serial line".utf8))]
        let source = ReplaySource(
            events: [
                (.zero, .frame(code, origin: "camera")),
                (.milliseconds(33), .frame(code, origin: "camera")),
                (.milliseconds(33), .decoded(other, origin: "tty")),
                (.seconds(1), .frame(GreyFrame(width: 64, height: 64, filledWith: 255), origin: "camera")),
                (.seconds(2), .decoded(other, origin: "tty")),
                (.seconds(10), .frame(code, origin: "camera")),
            ], clock: clock)
        var scans = SourceScanner(source: source, window: .seconds(5), clock: clock)
        var texts: [String] = []
        while let event = try await scans.next() {
            if case .scanned(let symbol, _) = event { texts.append(symbol.text) }
        }
        #expect(texts == ["HC1:SAME", "serial line", "HC1:SAME"])
    }

    @Test func unreadableInputsPassThrough() async throws {
        let clock = ManualClock()
        let error = ImageError(.truncated, "x.png: cut short")
        let source = ReplaySource(
            events: [(.zero, .unreadable(error, origin: "x.png")), (.zero, .unreadable(error, origin: "x.png"))], clock: clock)
        var scans = SourceScanner(source: source, clock: clock)
        #expect(try await scans.next() == .unreadable(error, origin: "x.png"))
        #expect(try await scans.next() == .unreadable(error, origin: "x.png"))
        #expect(try await scans.next() == nil)
    }
}
