import QRGateImaging
import QRGateScanner
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct FrameSourceTests {
    @Test func watchedFolderReadsEachFileOnceAndMovesIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frame = try #require(QRRendering.render8bit("folder code"))
        try PNGWriter().write(frame, to: folder.file("a.png"))
        #expect(FileWriter.write(Array("not an image".utf8), to: folder.file("b.png")))
        #expect(FileWriter.write(Array("ignored".utf8), to: folder.file("notes.txt")))

        var configuration = WatchedFolderSource<ManualClock>.Configuration(folder: folder.path)
        configuration.settleTime = .zero
        configuration.disposal = .moveToProcessed
        var source = WatchedFolderSource(configuration: configuration, clock: ManualClock())

        guard case .frame(let first, let origin) = try await source.next() else {
            Issue.record("expected a frame")
            return
        }
        #expect(origin == "a.png")
        #expect(ImageScanner().scan(first).map(\.text) == ["folder code"])
        guard case .unreadable(let error, "b.png") = try await source.next() else {
            Issue.record("expected b.png to be unreadable")
            return
        }
        #expect(error.code == .unsupportedFormat)
        #expect(access(folder.file("processed/a.png"), F_OK) == 0)
        #expect(access(folder.file("processed/b.png"), F_OK) == 0)
        #expect(access(folder.file("a.png"), F_OK) != 0)
        #expect(access(folder.file("notes.txt"), F_OK) == 0)
    }

    @Test func watchedFolderCanDelete() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try PNGWriter().write(GreyFrame(width: 4, height: 4, filledWith: 255), to: folder.file("x.png"))
        var configuration = WatchedFolderSource<ManualClock>.Configuration(folder: folder.path)
        configuration.settleTime = .zero
        #expect(configuration.disposal == .delete, "a scanned image is deleted unless configured otherwise")
        var source = WatchedFolderSource(configuration: configuration, clock: ManualClock())
        guard case .frame = try await source.next() else {
            Issue.record("expected a frame")
            return
        }
        #expect(access(folder.file("x.png"), F_OK) != 0)
        #expect(access(folder.file("processed"), F_OK) != 0)
    }

    @Test func watchedFolderMissingIsAClearError() async {
        var source = WatchedFolderSource(
            configuration: .init(folder: "/nonexistent/watched"), clock: ManualClock())
        await #expect(throws: FrameSourceError.self) { _ = try await source.next() }
    }

    @Test func lineScannerSplitsLinesOfAnyEnding() async throws {
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        let input = Array("HC1:ONE\r\nTWO\rTHREE\n\nFOUR".utf8)
        #expect(write(pipeEnds[1], input, input.count) == input.count)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }

        var source = LineScannerSource(descriptor: pipeEnds[0], name: "test", clock: ManualClock())
        var lines: [String] = []
        while let event = try await source.next() {
            guard case .decoded(let symbols, "test") = event else {
                Issue.record("unexpected event")
                break
            }
            lines += symbols.map(\.text)
        }
        #expect(lines == ["HC1:ONE", "TWO", "THREE", "FOUR"])
    }

    @Test func serialDeviceMissingIsAClearError() {
        #expect(throws: FrameSourceError.self) {
            _ = try LineScannerSource(serialDevice: "/nonexistent/ttyACM9", clock: ManualClock())
        }
    }

    @Test func cameraMissingIsAClearError() {
        var configuration = V4L2CameraSource.Configuration()
        configuration.device = "/nonexistent/video9"
        do {
            _ = try V4L2CameraSource(configuration: configuration)
            Issue.record("opened a missing camera")
        } catch let error as FrameSourceError {
            #expect(error.code == .cameraUnavailable)
            #expect(error.message.contains("/nonexistent/video9"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
