#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small owner of an iconv descriptor converting to UTF-8.
final class IconvConverter {
    private let descriptor: iconv_t

    init?(from charset: String) {
        let descriptor = iconv_open("UTF-8", charset)
        if descriptor == iconv_t(bitPattern: -1) { return nil }
        self.descriptor = descriptor!
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts a complete byte sequence, or nil if it is not valid in the source charset.
    func convert(_ input: [UInt8]) -> String? {
        _ = iconv(descriptor, nil, nil, nil, nil)
        var source = input.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 8)
        let produced: Int? = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = sourceBuffer.baseAddress
                var inLeft = sourceBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == Int(bitPattern: UInt(bitPattern: -1)) {
                    return nil
                }
                return outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

@available(*, unavailable)
extension IconvConverter: Sendable {}
