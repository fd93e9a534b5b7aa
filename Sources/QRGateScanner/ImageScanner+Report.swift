import QRGateImaging

extension ImageScanner {
    /// Reads and scans one file, timing it, never throwing: the report carries any error.
    public func report(path: String) -> ScanReport {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Result<[ScannedSymbol], ImageError>
        do {
            outcome = .success(try scanFile(path: path))
        } catch {
            outcome = .failure(error)
        }
        let (seconds, attoseconds) = (clock.now - start).components
        return ScanReport(
            file: path, outcome: outcome, milliseconds: Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
