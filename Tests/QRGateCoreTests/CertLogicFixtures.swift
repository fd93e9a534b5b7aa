import Foundation
import QRGateCore
import QRGateFiles

/// Test vectors shipped in `Tests/Fixtures`, found relative to this source file so the
/// tests run from a fresh clone.
enum CertLogicFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // QRGateCoreTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures")

    static let certLogicPath = root.appendingPathComponent("certlogic").path
    static let rootPath = root.path
    static let dccRulesPath = root.appendingPathComponent("dcc-rules").path

    /// The CertLogic conformance suites (evaluator and validation).
    static let certLogic: CertLogicTestCollection = {
        do { return try CertLogicTestCollection(contentsOf: certLogicPath) } catch {
            print("cannot load \(certLogicPath): \(error)")
            return CertLogicTestCollection()
        }
    }()

    /// The dcc-rules tree (194 rules, 1364 tests).
    static let dccRules: CertLogicTestCollection = {
        do { return try CertLogicTestCollection(contentsOf: dccRulesPath) } catch {
            print("cannot load \(dccRulesPath): \(error)")
            return CertLogicTestCollection()
        }
    }()

    static var runnableAssertions: [CertLogicSuiteAssertion] { certLogic.assertions.filter { $0.skipReason == nil } }
    static var skippedAssertions: [CertLogicSuiteAssertion] { certLogic.assertions.filter { $0.skipReason != nil } }
}
