// CertLogic rules benchmark.
//
//   QRGATE_BENCHMARKS=1 swift run -c release CertLogicBenchmark [DCC-RULES-FOLDER] [ROUNDS]
//
// 1. End to end: every rule test of the folder (default Tests/Fixtures/dcc-rules) — parse
//    rule.json, compile its Logic, parse each test file, evaluate, compare — ROUNDS times
//    (default 20), from bytes already in memory (disk reads are not timed).
// 2. Single evaluations: every compiled rule against every one of its tests' data
//    contexts, each evaluation timed on its own, ROUNDS times; p50/p99/max in µs.

import Foundation
import QRGateCore
import QRGateFiles

struct RuleFiles {
    var rule: [UInt8]
    var tests: [[UInt8]]
}

func loadTree(_ root: String) -> [RuleFiles] {
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: root) else {
        FileHandle.standardError.write(Data("cannot list \(root)\n".utf8))
        exit(2)
    }
    var ruleFolders: [String] = []
    while let next = enumerator.nextObject() as? String {
        if next.hasSuffix("/rule.json") { ruleFolders.append(String(next.dropLast("/rule.json".count))) }
    }
    ruleFolders.sort()
    return ruleFolders.map { folder in
        let base = root + "/" + folder
        let rule = [UInt8](fm.contents(atPath: base + "/rule.json") ?? Data())
        let names = ((try? fm.contentsOfDirectory(atPath: base + "/tests")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        let tests = names.map { [UInt8](fm.contents(atPath: base + "/tests/" + $0) ?? Data()) }
        return RuleFiles(rule: rule, tests: tests)
    }
}

func microseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

/// One end-to-end pass; returns (passed, failed).
func runAll(_ tree: [RuleFiles]) throws -> (Int, Int) {
    var passed = 0
    var failed = 0
    for files in tree {
        let rule = try JSONValue(parsing: files.rule)
        let compiled = try CertLogicRuleTest.compileLogic(of: rule)
        for bytes in files.tests {
            let test = try JSONValue(parsing: bytes)
            let result = CertLogicRuleTest(name: "", rule: rule, test: test).run(compiled: compiled)
            if result.outcome == .passed { passed += 1 } else { failed += 1 }
        }
    }
    return (passed, failed)
}

let arguments = CommandLine.arguments
let root = arguments.count > 1 ? arguments[1] : "Tests/Fixtures/dcc-rules"
let rounds = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 20) : 20
let tree = loadTree(root)
let testCount = tree.reduce(0) { $0 + $1.tests.count }
let clock = ContinuousClock()

do {
    // Warm-up and correctness check.
    let (passed, failed) = try runAll(tree)
    print("rules: \(tree.count), tests: \(testCount), passed: \(passed), failed: \(failed)")

    var passTimes: [Double] = []
    let totalStart = clock.now
    for _ in 0..<rounds {
        let start = clock.now
        _ = try runAll(tree)
        passTimes.append(microseconds(clock.now - start) / 1e6)
    }
    let total = microseconds(clock.now - totalStart) / 1e6
    passTimes.sort()
    print(
        String(
            format:
                "end to end (parse rule + tests, compile, evaluate, compare), %d rounds: total %.3f s, per round min %.4f s, median %.4f s, max %.4f s",
            rounds,
            total,
            passTimes.first!,
            passTimes[passTimes.count / 2],
            passTimes.last!
        )
    )

    // Share of JSON parsing in the end-to-end time.
    var parseTimes: [Double] = []
    for _ in 0..<rounds {
        let start = clock.now
        for files in tree {
            _ = try JSONValue(parsing: files.rule)
            for bytes in files.tests { _ = try JSONValue(parsing: bytes) }
        }
        parseTimes.append(microseconds(clock.now - start) / 1e6)
    }
    parseTimes.sort()
    let bytes = tree.reduce(0) { $0 + $1.rule.count + $1.tests.reduce(0) { $0 + $1.count } }
    print(
        String(
            format: "of which JSON parsing alone (%.1f MB), per round: median %.4f s",
            Double(bytes) / 1e6,
            parseTimes[parseTimes.count / 2]
        )
    )

    // Single evaluations.
    var cases: [(CertLogicExpression, JSONValue)] = []
    for files in tree {
        let rule = try JSONValue(parsing: files.rule)
        let compiled = try CertLogicRuleTest.compileLogic(of: rule)
        for bytes in files.tests {
            let test = CertLogicRuleTest(name: "", rule: rule, test: try JSONValue(parsing: bytes))
            cases.append((compiled, test.dataContext))
        }
    }
    var samples: [Double] = []
    samples.reserveCapacity(cases.count * rounds)
    var sink = 0
    for _ in 0..<rounds {
        for (expression, data) in cases {
            let start = clock.now
            let value = try? expression.evaluate(data: data)
            let elapsed = clock.now - start
            if value == .true { sink += 1 }
            samples.append(microseconds(elapsed))
        }
    }
    samples.sort()
    func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    print(
        String(
            format: "single rule evaluation (%d samples): p50 %.2f µs, p99 %.2f µs, max %.2f µs (true results: %d)",
            samples.count,
            percentile(0.50),
            percentile(0.99),
            samples.last!,
            sink
        )
    )

    // Hostile input: reduce over a 1,000,000-element array.
    let million = JSONValue.array(Array(repeating: 1, count: 1_000_000))
    let sumLogic = try JSONValue(
        parsing: #"{"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]}"#
    )
    let bounded = try CertLogicExpression(json: sumLogic)
    var start = clock.now
    let rejected = (try? bounded.evaluate(data: ["xs": million])) == nil
    let rejectMs = microseconds(clock.now - start) / 1000
    var generousConfiguration = CertLogicConfiguration()
    generousConfiguration.maxEvaluationSteps = 10_000_000
    let generous = try CertLogicExpression(json: sumLogic, configuration: generousConfiguration)
    start = clock.now
    let sum = try generous.evaluate(data: ["xs": million])
    let completeMs = microseconds(clock.now - start) / 1000
    print(
        String(
            format: "reduce over 1e6 elements: default limits %@ after %.1f ms; with 1e7 steps it sums to %@ in %.1f ms",
            rejected ? "rejected (limit_exceeded)" : "NOT rejected",
            rejectMs,
            sum.description,
            completeMs
        )
    )
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
