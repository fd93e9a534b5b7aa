import QRGateImaging
import QRGateScanner
import Testing

@Suite struct ScanReportTests {
    @Test func symbolsLineHasContractKeysInOrder() {
        let report = ScanReport(
            file: "a \"b\".png",
            outcome: .success([ScannedSymbol(bytes: Array("x\ny".utf8)), ScannedSymbol(bytes: [0x4D, 0xFC])]),
            milliseconds: 12.5)
        #expect(
            report.jsonLine
                == #"{"file":"a \"b\".png","symbols":[{"text":"x\ny","bytes_base64":"eAp5"},{"text":"Mü","bytes_base64":"Tfw="}],"ms":12.5}"#
        )
    }

    @Test func emptyImageHasEmptySymbols() {
        let report = ScanReport(file: "blank.png", outcome: .success([]), milliseconds: 3)
        #expect(report.jsonLine == #"{"file":"blank.png","symbols":[],"ms":3}"#)
    }

    @Test func controlCharactersAreEscaped() {
        let report = ScanReport(file: "t", outcome: .success([ScannedSymbol(bytes: [0x01, 0x10, 0x5C])]), milliseconds: 0)
        #expect(report.jsonLine == #"{"file":"t","symbols":[{"text":"\u0001\u0010\\","bytes_base64":"ARBc"}],"ms":0}"#)
    }

    @Test func unreadableFileGivesAnErrorObject() {
        let report = ImageScanner().report(path: "/nonexistent/missing.png")
        #expect(
            report.jsonLine
                == #"{"file":"/nonexistent/missing.png","error":{"code":"file_not_found","message":"/nonexistent/missing.png: no such file; check the path and try again."}}"#
        )
    }
}
