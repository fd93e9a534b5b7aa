import Foundation
import QRGateCore
import Testing

/// The deepest accepted expression compiles and evaluates on a thread with a small stack
/// (512 KiB, the default for secondary threads on Apple platforms), in debug builds too.
@Suite struct CertLogicStackTests {
    @Test func deepestExpressionFitsA512KiBStack() async throws {
        var text = #"{"var": "x"}"#
        for level in 0..<62 {
            text = level % 2 == 0 ? #"{"!": [\#(text)]}"# : #"{"and": [true, \#(text)]}"#
        }
        let logic = try JSONValue(parsing: #"{"if": [true, \#(text), 0]}"#)
        let outcome: String = await withCheckedContinuation { continuation in
            let thread = Thread {
                do {
                    let expression = try CertLogicExpression(json: logic)
                    continuation.resume(returning: try expression.evaluate(data: ["x": 1]).description)
                } catch {
                    continuation.resume(returning: "\(error)")
                }
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(outcome == "true" || outcome == "false", "\(outcome)")
    }
}
