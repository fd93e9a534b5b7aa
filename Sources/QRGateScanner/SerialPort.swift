#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens and configures serial ports with termios.
public enum SerialPort {
    /// Opens `path` read-only, raw 8N1 at `baud`; returns the descriptor.
    public static func open(path: String, baud: Int) throws -> Int32 {
        guard let speed = speed(for: baud) else {
            throw FrameSourceError(
                .serialUnavailable,
                "\(path): baud rate \(baud) is not supported; use one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200.")
        }
        let descriptor = openDevice(path)
        if descriptor < 0 {
            throw FrameSourceError(
                .serialUnavailable,
                "\(path): cannot open the scanner (\(ErrnoText.text(errno))); check it is plugged in and the qrgate user is in the dialout group.")
        }
        var settings = termios()
        if isatty(descriptor) == 1 {
            guard tcgetattr(descriptor, &settings) == 0 else {
                let code = errno
                _ = closeDescriptor(descriptor)
                throw FrameSourceError(.serialUnavailable, "\(path): cannot read the port settings (\(ErrnoText.text(code))).")
            }
            cfmakeraw(&settings)
            settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
            cfsetispeed(&settings, speed)
            cfsetospeed(&settings, speed)
            guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else {
                let code = errno
                _ = closeDescriptor(descriptor)
                throw FrameSourceError(.serialUnavailable, "\(path): cannot set \(baud) baud (\(ErrnoText.text(code))).")
            }
        }
        return descriptor
    }

    static func speed(for baud: Int) -> speed_t? {
        switch baud {
        case 1200: speed_t(B1200)
        case 2400: speed_t(B2400)
        case 4800: speed_t(B4800)
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115200: speed_t(B115200)
        default: nil
        }
    }

    private static func openDevice(_ path: String) -> Int32 {
        Glibc.open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
    }
}
