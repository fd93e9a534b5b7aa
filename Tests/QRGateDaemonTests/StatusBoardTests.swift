import Foundation
import QRGateDaemon
import Testing

/// The one-line `STATUS=` summary operators read with `systemctl status qrgate`.
@Suite struct StatusBoardTests {
    @Test func summaryCarriesScansOutboxForwardingDetailAndAlarms() {
        let board = GatewayStatusBoard()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        board.setListening("127.0.0.1:8080")
        board.recordScan(at: now)
        board.recordScan(at: now)
        board.setOutboxDepth(12)
        board.setForwardingDetail(oldestUnsentSeconds: 95, deadLetters: 1, retriesByClass: ["5xx": 3, "429": 1])
        board.setCentralAlarm("central answered 401")
        let line = board.summary(now: now)
        #expect(
            line
                == "api 127.0.0.1:8080; scans today 2; outbox 12; last forward never; oldest unsent 95s; dead letters 1; retries 429=1 5xx=3; ALARM central answered 401"
        )
        // Scans are counted per UTC day.
        #expect(board.summary(now: now.addingTimeInterval(86_400)).contains("scans today 0"))
    }
}
