// scan-bench: decode rate on the photo set and per-frame decode time, plain zbar vs cascade.
//
//   QRGATE_BENCHMARKS=1 swift run -c release scan-bench [photos|frames|all] [--photos DIR] [--verbose]
import QRGateImaging
import QRGateScanner

#if canImport(Glibc)
import Glibc
#endif

struct Photo {
    let name: String
    let frame: GreyFrame
    let expected: [UInt8]
}

func readBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
}

func loadPhotos(directory: String) -> [Photo] {
    guard let manifest = readBytes(directory + "/MANIFEST.tsv") else {
        print("cannot read \(directory)/MANIFEST.tsv")
        exit(2)
    }
    let reader = ImageReader()
    var photos: [Photo] = []
    for line in String(decoding: manifest, as: UTF8.self).split(separator: "\n").dropFirst() {
        let fields = line.split(separator: "\t")
        guard fields.count >= 2 else { continue }
        let set = String(fields[0]), image = String(fields[1])
        let base = "\(directory)/\(set)/\(image)"
        let textPath = String(base.dropLast(4)) + ".txt"
        do {
            let frame = try reader.read(path: base)
            photos.append(Photo(name: "\(set)/\(image)", frame: frame, expected: readBytes(textPath) ?? []))
        } catch {
            print("\(error)")
        }
    }
    return photos
}

func matches(_ symbols: [ScannedSymbol], _ expected: [UInt8]) -> Bool {
    symbols.contains { Array($0.text.utf8) == expected }
}

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
    return sorted[index]
}

func format(_ value: Double) -> String {
    let scaled = (value * 100).rounded() / 100
    return "\(scaled)"
}

func photoRates(_ photos: [Photo], verbose: Bool, experimentDensity: Bool) {
    let clock = ContinuousClock()
    let configurations: [(String, ScanConfiguration)] =
        [
            ("plain zbar", .plain), ("cascade (frame budget)", ScanConfiguration()), ("cascade (file budget)", .files),
        ]
        + (experimentDensity
            ? [
                (
                    "plain zbar density 2",
                    {
                        var c = ScanConfiguration.plain
                        c.scanDensity = 2
                        return c
                    }()
                ),
                (
                    "cascade density 2",
                    {
                        var c = ScanConfiguration()
                        c.scanDensity = 2
                        return c
                    }()
                ),
            ] : [])
    for (label, configuration) in configurations {
        let scanner = ImageScanner(configuration: configuration)
        var read = 0
        var failures: [String] = []
        var times: [Double] = []
        var steps: [String: Int] = [:]
        for photo in photos {
            let start = clock.now
            let outcome = scanner.scanWithDetails(photo.frame)
            times.append(milliseconds(clock.now - start))
            if matches(outcome.symbols, photo.expected) {
                read += 1
                steps[outcome.step.map { "\($0)" } ?? "plain", default: 0] += 1
            } else {
                let got = outcome.symbols.map { $0.text.debugDescription }.joined(separator: ", ")
                failures.append(outcome.symbols.isEmpty ? photo.name : "\(photo.name) (read \(got))")
            }
        }
        let rate = Double(read) * 100 / Double(max(photos.count, 1))
        print(
            "\(label): \(read)/\(photos.count) = \(format(rate)) %  (per photo p50 \(format(percentile(times, 0.5))) ms, p99 \(format(percentile(times, 0.99))) ms, max \(format(times.max() ?? 0)) ms)"
        )
        if verbose {
            print("  found by: \(steps.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
        print("  not read: \(failures.isEmpty ? "none" : failures.joined(separator: "; "))")
    }
}

/// Deterministic pseudo-random numbers (SplitMix64) for synthetic frames.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 640x480 frames without a code, three kinds of clutter a kiosk camera sees.
func framesWithoutCode(kind: Int, count: Int) -> [GreyFrame] {
    var random = SplitMix64(state: 42 + UInt64(kind))
    var frames: [GreyFrame] = []
    for _ in 0..<count {
        var frame = GreyFrame(width: 640, height: 480, filledWith: 128)
        switch kind {
        case 0:  // out-of-focus scene: smooth low-frequency shapes plus sensor noise
            let grid = (0..<(21 * 16)).map { _ in Int(random.next() % 256) }
            for y in 0..<480 {
                for x in 0..<640 {
                    let gx = x / 32, gy = y / 32, fx = x % 32, fy = y % 32
                    let a = grid[gy * 21 + gx], b = grid[gy * 21 + gx + 1]
                    let c = grid[(gy + 1) * 21 + gx], d = grid[(gy + 1) * 21 + gx + 1]
                    let top = a * (32 - fx) + b * fx, bottom = c * (32 - fx) + d * fx
                    let value = (top * (32 - fy) + bottom * fy) / 1024 + Int(random.next() % 16) - 8
                    frame[x, y] = UInt8(max(0, min(255, value)))
                }
            }
        case 1:  // printed text: short dark strokes on paper
            for y in 0..<480 {
                for x in 0..<640 { frame[x, y] = UInt8(200 + Int(random.next() % 30)) }
            }
            for _ in 0..<1500 {
                let x = Int(random.next() % 630), y = Int(random.next() % 470)
                let w = 1 + Int(random.next() % 6), h = 4 + Int(random.next() % 8)
                for dy in 0..<h where y + dy < 480 {
                    for dx in 0..<w where x + dx < 640 { frame[x + dx, y + dy] = 40 }
                }
            }
        default:  // high-contrast clutter: blocky random noise (worst case for finder-pattern search)
            let cell = 4 + Int(random.next() % 12)
            let seed = random.next()
            for y in 0..<480 {
                for x in 0..<640 {
                    var cellRandom = SplitMix64(state: UInt64((y / cell) * 1000 + x / cell) &+ seed)
                    frame[x, y] = UInt8(truncatingIfNeeded: cellRandom.next())
                }
            }
        }
        frames.append(frame)
    }
    return frames
}

func threadCPUMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
}

func frameTimes(_ photos: [Photo], experimentDensity: Bool) {
    let clock = ContinuousClock()
    let withCode = photos.filter { $0.frame.width == 640 && $0.frame.height == 480 }
    var plainConfiguration = ScanConfiguration.plain
    var cascadeConfiguration = ScanConfiguration()
    if experimentDensity {
        plainConfiguration.scanDensity = 2
        cascadeConfiguration.scanDensity = 2
    }
    let plain = ImageScanner(configuration: plainConfiguration)
    let cascade = ImageScanner(configuration: cascadeConfiguration)
    let rounds = 5
    struct Stats {
        var wall: [Double] = []
        var cpu: [Double] = []
        var read = 0
    }
    func measure(_ scanner: ImageScanner, _ frames: [GreyFrame]) -> Stats {
        var stats = Stats()
        for _ in 0..<rounds {
            for frame in frames {
                let cpuStart = threadCPUMilliseconds()
                let start = clock.now
                let found = scanner.scan(frame)
                stats.wall.append(milliseconds(clock.now - start))
                stats.cpu.append(threadCPUMilliseconds() - cpuStart)
                if !found.isEmpty { stats.read += 1 }
            }
        }
        stats.read /= rounds
        return stats
    }
    let rows: [(String, [GreyFrame])] = [
        ("with a code (qrcode-1, \(withCode.count))", withCode.map(\.frame)),
        ("no code: blurry scene (20)", framesWithoutCode(kind: 0, count: 20)),
        ("no code: text page (20)", framesWithoutCode(kind: 1, count: 20)),
        ("no code: blocky noise (20)", framesWithoutCode(kind: 2, count: 20)),
    ]
    print("640x480 frames, \(rounds) rounds each, ms per frame: wall clock p50/p99 (thread CPU time p50/p99)")
    print("| frames | plain zbar | cascade | cascade max wall | read plain / cascade |")
    print("| --- | --- | --- | --- | --- |")
    for (label, frames) in rows {
        let p = measure(plain, frames)
        let c = measure(cascade, frames)
        func cell(_ s: Stats) -> String {
            "\(format(percentile(s.wall, 0.5)))/\(format(percentile(s.wall, 0.99))) (\(format(percentile(s.cpu, 0.5)))/\(format(percentile(s.cpu, 0.99))))"
        }
        print("| \(label) | \(cell(p)) | \(cell(c)) | \(format(c.wall.max() ?? 0)) | \(p.read) / \(c.read) of \(frames.count) |")
    }
}

/// Degraded copies of the photos, to check the cascade is general (not fitted to the 97 pictures).
func degradations() -> [(String, (GreyFrame) -> GreyFrame)] {
    func map(_ frame: GreyFrame, _ body: (Int, Int, UInt8) -> Int) -> GreyFrame {
        var out = frame
        for y in 0..<frame.height {
            for x in 0..<frame.width { out[x, y] = UInt8(max(0, min(255, body(x, y, frame[x, y])))) }
        }
        return out
    }
    return [
        ("low contrast", { f in map(f) { _, _, v in 110 + Int(v) / 4 } }),
        ("shadow gradient", { f in map(f) { x, _, v in Int(v) * (20 + 80 * x / max(1, f.width)) / 100 } }),
        (
            "box blur 5x5",
            { f in
                map(f) { x, y, _ in
                    var sum = 0, count = 0
                    for dy in -2...2 {
                        for dx in -2...2 {
                            let sx = x + dx, sy = y + dy
                            if sx >= 0, sy >= 0, sx < f.width, sy < f.height {
                                sum += Int(f[sx, sy])
                                count += 1
                            }
                        }
                    }
                    return sum / count
                }
            }
        ),
        (
            "noise +-48",
            { f in
                var random = SplitMix64(state: 7)
                return map(f) { _, _, v in Int(v) + Int(random.next() % 97) - 48 }
            }
        ),
        ("mirrored", { f in map(f) { x, y, _ in Int(f[f.width - 1 - x, y]) } }),
        (
            "rotated 30 deg",
            { f in
                let c = 0.8660254, s = 0.5, cx = Double(f.width) / 2, cy = Double(f.height) / 2
                return map(f) { x, y, _ in
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    let sx = Int(c * dx + s * dy + cx), sy = Int(-s * dx + c * dy + cy)
                    return sx >= 0 && sy >= 0 && sx < f.width && sy < f.height ? Int(f[sx, sy]) : 255
                }
            }
        ),
        (
            "jpeg quality 15",
            { f in
                guard let bytes = try? JPEGWriter(quality: 15).encode(f), let back = try? ImageReader().decode(bytes, name: "q15") else { return f }
                return back
            }
        ),
    ]
}

func stress(_ photos: [Photo], verbose: Bool) {
    let configurations: [(String, ScanConfiguration)] = [("plain", .plain), ("frame cascade", ScanConfiguration()), ("file cascade", .files)]
    print("degraded copies of the \(photos.count) photos: read byte-exactly")
    print("degradation       | " + configurations.map { $0.0.padding(14) }.joined(separator: " | "))
    for (label, degrade) in degradations() {
        let frames = photos.map { degrade($0.frame) }
        var cells: [String] = []
        var steps: [String: Int] = [:]
        for (name, configuration) in configurations {
            let scanner = ImageScanner(configuration: configuration)
            var read = 0
            for (frame, photo) in zip(frames, photos) {
                let outcome = scanner.scanWithDetails(frame)
                if matches(outcome.symbols, photo.expected) {
                    read += 1
                    if name == "file cascade" { steps[outcome.step.map { "\($0)" } ?? "plain", default: 0] += 1 }
                }
            }
            cells.append("\(read)/\(photos.count)".padding(14))
        }
        print(label.padding(17) + " | " + cells.joined(separator: " | "))
        if verbose {
            print("    file cascade found by: " + steps.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var directory = "Tests/Fixtures/qr-photos"
var verbose = false
var experimentDensity = false
var mode = "all"
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--photos": directory = arguments.isEmpty ? directory : arguments.removeFirst()
    case "--verbose": verbose = true
    case "--density": experimentDensity = true
    default: mode = argument
    }
}
let photos = loadPhotos(directory: directory)
if mode == "photos" || mode == "all" { photoRates(photos, verbose: verbose, experimentDensity: experimentDensity) }
if mode == "frames" || mode == "all" { frameTimes(photos, experimentDensity: experimentDensity) }
if mode == "stress" { stress(photos, verbose: verbose) }
