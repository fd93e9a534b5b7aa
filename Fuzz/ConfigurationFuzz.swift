// libFuzzer entry for the configuration loader: any bytes as the YAML file an operator edits
// by hand. Compiled with Sources/QRGateDaemon/Configuration against the Yams module of the
// debug build (scripts/fuzz config does it).
//
// Properties checked beyond "no crash": the loader either returns a configuration or throws
// ConfigurationError with at least one problem, each naming a key and what is allowed; a
// configuration it returns is reloaded identically from the same file.

import Foundation

private let file: String = {
    let folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    return folder + "/qrgate-config-fuzz-\(getpid()).yaml"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func configurationFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes: data, count: size)) else {
        fatalError("cannot write \(file)")
    }
    let loader = ConfigurationLoader(environment: [:])
    do {
        let configuration = try loader.load(file: file)
        precondition((try? loader.load(file: file)) == configuration, "loading is deterministic")
    } catch {
        precondition(!error.problems.isEmpty, "a refusal names at least one problem")
        for problem in error.problems {
            precondition(!problem.key.isEmpty && !problem.allowed.isEmpty)
        }
        precondition(error.description.contains("problem"))
    }
    return 0
}
