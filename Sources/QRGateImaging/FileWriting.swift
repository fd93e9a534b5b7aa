#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Whole-file writes with POSIX calls: to a temporary name, then renamed into place.
enum FileWriting {
    static func write(_ bytes: [UInt8], to path: String) throws(ImageError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw ImageError(
                .writeFailed, "\(path): cannot create the file (\(ImageReader.errnoText(errno))); check the folder exists and is writable.")
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                posixWrite(descriptor, raw.baseAddress! + written, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw ImageError(.writeFailed, "\(path): writing failed (\(ImageReader.errnoText(code))); check free disk space.")
            }
            written += count
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            unlink(temporary)
            throw ImageError(.writeFailed, "\(path): writing failed (\(ImageReader.errnoText(errno))).")
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw ImageError(.writeFailed, "\(path): cannot move the file into place (\(ImageReader.errnoText(code))).")
        }
    }
}
