import QRGateCheckIn
import QRGateCore
import QRGateStore

extension GatewayConfiguration {
    /// What the check-in path needs of this configuration.
    public var checkIn: CheckInConfiguration {
        var settings = CheckInConfiguration()
        settings.gate = gate.id
        settings.site = gate.site
        settings.direction =
            switch gate.mode {
            case .entry: .fixed(.entry)
            case .exit: .fixed(.exit)
            case .auto: .auto
            }
        settings.receiptValidityHours = receipts.validityHours
        settings.duplicateWindow = .milliseconds(Int64(scanner.dedupSeconds * 1000))
        settings.presentationWindow = .seconds(scanner.presentationSeconds)
        return settings
    }

    /// Where receipts go.
    public var receiptDelivery: ReceiptDelivery.Configuration {
        var settings = ReceiptDelivery.Configuration()
        settings.directory = receipts.directory.isEmpty ? nil : statePath(receipts.directory)
        settings.printer = receipts.printer
        settings.paper = receipts.paper
        return settings
    }

    /// The scan source.
    public var intakeSource: IntakeSource {
        switch scanner.source {
        case .folder:
            var folder = WatchedFolderSettings(folder: statePath(scanner.folder))
            folder.deleteAfterScan = scanner.afterScan == .delete
            folder.keepMaxFiles = scanner.keepMaxFiles
            folder.keepMaxAge = .milliseconds(Int64(scanner.keepMaxHours * 3_600_000))
            return .folder(folder)
        case .line: return .line(device: scanner.lineDevice)
        case .camera: return .camera(device: scanner.cameraDevice)
        }
    }
}
