import Hummingbird
import QRGateImaging
import QRGateScanner

/// Decodes an image posted to `POST /v1/scans` and reads its QR codes, on the image work
/// queue's own threads and within the reader's pixel and byte limits. A bad image becomes a
/// typed client error: 413 too large, 415 not an image format the gate reads, 422 truncated,
/// corrupt or empty.
public struct KioskImageScan: Sendable {
    /// The reader's limits (the configured pixel limit).
    public var reader: ImageReader.Configuration
    /// Where the work runs.
    public let queue: ImageWorkQueue

    /// Scans uploads within `reader`'s limits on `queue`'s threads.
    public init(reader: ImageReader.Configuration, queue: ImageWorkQueue) {
        self.reader = reader
        self.queue = queue
    }

    /// The QR texts in `image`. Throws `SupervisorAPIError`.
    public func texts(in image: [UInt8]) async throws -> [String] {
        let reader = self.reader
        let result: Result<[String], ImageError> = try await queue.run {
            do throws(ImageError) {
                let frame = try ImageReader(configuration: reader).decode(image, name: "the uploaded image")
                return .success(ImageScanner(configuration: .files).scan(frame).map(\.text))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let texts): return texts
        case .failure(let error): throw Self.apiError(error)
        }
    }

    /// The API's answer to an image the reader refused.
    static func apiError(_ error: ImageError) -> SupervisorAPIError {
        let reason = error.code.description
        switch error.code {
        case .tooLarge, .outOfMemory:
            return SupervisorAPIError(.imageTooLarge, status: .contentTooLarge, message: error.message, reason: reason)
        case .unsupportedFormat:
            return SupervisorAPIError(.unsupportedMediaType, status: .unsupportedMediaType, message: error.message, reason: reason)
        default:
            return SupervisorAPIError(.undecodableImage, status: .unprocessableContent, message: error.message, reason: reason)
        }
    }
}
