import GRDB
import QRGateCore

extension NameFolding {
    /// `qrgate_fold(text)` for SQL: the same folding as ``NameFolding/fold(_:)``, so that a
    /// filter compares folded names inside the query while its argument stays a bound parameter.
    static let sqlFunction = DatabaseFunction("qrgate_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return fold(text)
    }
}
