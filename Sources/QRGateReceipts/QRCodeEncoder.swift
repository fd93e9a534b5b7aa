import CQREncode
import QRGateCore

/// Why a payload could not be turned into a QR symbol.
public struct QREncodeError: GateError {
    /// Kinds of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String { case payloadTooLong, invalidInput, outOfMemory, failed }
        private let kind: Kind
        /// The payload does not fit even a version-40 symbol at this error-correction level (`ERANGE`).
        public static let payloadTooLong = Code(kind: .payloadTooLong)
        /// libqrencode refused the input (`EINVAL`).
        public static let invalidInput = Code(kind: .invalidInput)
        /// libqrencode ran out of memory (`ENOMEM`).
        public static let outOfMemory = Code(kind: .outOfMemory)
        /// Another failure.
        public static let failed = Code(kind: .failed)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What it means for the operator.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}

/// Encodes bytes as a QR symbol with libqrencode: 8-bit mode, optionally behind an ECI 26
/// (UTF-8) header so that zbar and phones decode Vietnamese text correctly, a chosen
/// error-correction level, and a quiet zone added by us (libqrencode adds none).
public struct QRCodeEncoder: Sendable {
    /// Error-correction levels.
    public enum Level: Sendable, Hashable, CaseIterable {
        /// ~7 % recovery.
        case low
        /// ~15 % recovery.
        case medium
        /// ~25 % recovery.
        case quartile
        /// ~30 % recovery.
        case high

        var c: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Error-correction level.
    public var level: Level
    /// Whether to put an ECI 26 (UTF-8) header before the data.
    public var utf8ECI: Bool
    /// Quiet zone in modules on each side (the standard asks for 4).
    public var quietZone: Int
    /// The smallest version to use (libqrencode picks a larger one when the data needs it; 0 = any).
    public var minimumVersion: Int

    /// Creates an encoder; the defaults suit receipts.
    public init(level: Level = .medium, utf8ECI: Bool = true, quietZone: Int = 4, minimumVersion: Int = 0) {
        self.level = level
        self.utf8ECI = utf8ECI
        self.quietZone = quietZone
        self.minimumVersion = minimumVersion
    }

    /// Encodes text as UTF-8 bytes.
    public func encode(_ text: String) throws(QREncodeError) -> QRMatrix {
        try encode(bytes: Array(text.utf8))
    }

    /// Encodes raw bytes in 8-bit mode. Case is preserved (8-bit mode never upper-cases).
    public func encode(bytes: [UInt8]) throws(QREncodeError) -> QRMatrix {
        guard !bytes.isEmpty else { throw QREncodeError(code: .invalidInput, message: "nothing to encode: the payload is empty") }
        qrgate_qrencode_clear_errno()
        guard let input = QRinput_new2(Int32(minimumVersion), level.c) else { throw Self.error(qrgate_qrencode_errno(), size: bytes.count) }
        defer { QRinput_free(input) }
        if utf8ECI, QRinput_appendECIheader(input, 26) != 0 {
            throw Self.error(qrgate_qrencode_errno(), size: bytes.count)
        }
        let appended = bytes.withUnsafeBufferPointer { QRinput_append(input, QR_MODE_8, Int32($0.count), $0.baseAddress) }
        guard appended == 0 else { throw Self.error(qrgate_qrencode_errno(), size: bytes.count) }
        guard let code = QRcode_encodeInput(input) else { throw Self.error(qrgate_qrencode_errno(), size: bytes.count) }
        defer { QRcode_free(code) }

        let width = Int(code.pointee.width)
        let side = width + 2 * quietZone
        var modules = [Bool](repeating: false, count: side * side)
        for y in 0..<width {
            for x in 0..<width where code.pointee.data[y * width + x] & 1 == 1 {
                modules[(y + quietZone) * side + x + quietZone] = true
            }
        }
        return QRMatrix(size: side, quietZone: quietZone, version: Int(code.pointee.version), modules: modules)
    }

    private static func error(_ number: Int32, size: Int) -> QREncodeError {
        switch number {
        case ERANGE:
            QREncodeError(
                code: .payloadTooLong,
                message: "the payload (\(size) bytes) is too long for any QR version at this error-correction level; shorten it or lower the level"
            )
        case EINVAL: QREncodeError(code: .invalidInput, message: "libqrencode rejected the input as invalid")
        case ENOMEM: QREncodeError(code: .outOfMemory, message: "out of memory while encoding the QR code")
        default: QREncodeError(code: .failed, message: "QR encoding failed (errno \(number))")
        }
    }
}
