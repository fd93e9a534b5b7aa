import QRGateImaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Image operations used by the decode cascade. All are pure functions of the frame.
enum FrameFilters {
    /// Bilinear resize to `width` x `height` (area-averaging first when shrinking by 2 or more).
    static func resized(_ frame: GreyFrame, width: Int, height: Int) -> GreyFrame {
        guard width > 0, height > 0, frame.width > 0, frame.height > 0 else { return frame }
        var source = frame
        while source.width >= 2 * width, source.height >= 2 * height {
            source = halved(source)
        }
        if source.width == width, source.height == height { return source }
        var out = [UInt8](repeating: 0, count: width * height)
        let sw = source.width, sh = source.height
        let scaleX = Double(sw) / Double(width), scaleY = Double(sh) / Double(height)
        source.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let fy = max(0, (Double(y) + 0.5) * scaleY - 0.5)
                    let y0 = min(Int(fy), sh - 1), y1 = min(y0 + 1, sh - 1)
                    let wy = Int((fy - Double(y0)) * 256)
                    for x in 0..<width {
                        let fx = max(0, (Double(x) + 0.5) * scaleX - 0.5)
                        let x0 = min(Int(fx), sw - 1), x1 = min(x0 + 1, sw - 1)
                        let wx = Int((fx - Double(x0)) * 256)
                        let top = Int(src[y0 * sw + x0]) * (256 - wx) + Int(src[y0 * sw + x1]) * wx
                        let bottom = Int(src[y1 * sw + x0]) * (256 - wx) + Int(src[y1 * sw + x1]) * wx
                        dst[y * width + x] = UInt8((top * (256 - wy) + bottom * wy + 32768) >> 16)
                    }
                }
            }
        }
        return GreyFrame(width: width, height: height, pixels: out)
    }

    /// Scales both sides by `factor`.
    static func scaled(_ frame: GreyFrame, by factor: Double) -> GreyFrame {
        resized(
            frame,
            width: max(1, Int((Double(frame.width) * factor).rounded())),
            height: max(1, Int((Double(frame.height) * factor).rounded())))
    }

    /// 2x2 box-filter downscale.
    static func halved(_ frame: GreyFrame) -> GreyFrame {
        let width = frame.width / 2, height = frame.height / 2
        guard width > 0, height > 0 else { return frame }
        var out = [UInt8](repeating: 0, count: width * height)
        let sw = frame.width
        frame.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row0 = 2 * y * sw, row1 = row0 + sw
                    for x in 0..<width {
                        let sum =
                            Int(src[row0 + 2 * x]) + Int(src[row0 + 2 * x + 1]) + Int(src[row1 + 2 * x])
                            + Int(src[row1 + 2 * x + 1])
                        dst[y * width + x] = UInt8((sum + 2) >> 2)
                    }
                }
            }
        }
        return GreyFrame(width: width, height: height, pixels: out)
    }

    /// Summed-area table with one row and column of zeros in front: (w+1)*(h+1) entries.
    private static func integral(_ frame: GreyFrame) -> [Int32] {
        let w = frame.width, h = frame.height, stride = w + 1
        var table = [Int32](repeating: 0, count: stride * (h + 1))
        frame.pixels.withUnsafeBufferPointer { src in
            table.withUnsafeMutableBufferPointer { sum in
                for y in 0..<h {
                    var rowSum: Int32 = 0
                    for x in 0..<w {
                        rowSum &+= Int32(src[y * w + x])
                        sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] &+ rowSum
                    }
                }
            }
        }
        return table
    }

    /// Local-mean binarisation: a pixel is black when darker than the mean of the
    /// `window`-sized square around it minus `offset`. Evens out shadows and glare.
    static func adaptiveThreshold(_ frame: GreyFrame, window: Int, offset: Int) -> GreyFrame {
        let w = frame.width, h = frame.height, stride = w + 1
        guard w > 0, h > 0 else { return frame }
        let table = integral(frame)
        let radius = max(1, window / 2)
        var out = [UInt8](repeating: 255, count: w * h)
        frame.pixels.withUnsafeBufferPointer { src in
            table.withUnsafeBufferPointer { sum in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0..<h {
                        let top = max(0, y - radius), bottom = min(h, y + radius + 1)
                        for x in 0..<w {
                            let left = max(0, x - radius), right = min(w, x + radius + 1)
                            let area = Int32((bottom - top) * (right - left))
                            let total =
                                sum[bottom * stride + right] &- sum[top * stride + right]
                                &- sum[bottom * stride + left] &+ sum[top * stride + left]
                            // pixel * area < total - offset * area  <=>  pixel < mean - offset
                            if Int32(src[y * w + x]) &* area < total &- Int32(offset) &* area {
                                dst[y * w + x] = 0
                            }
                        }
                    }
                }
            }
        }
        return GreyFrame(width: w, height: h, pixels: out)
    }

    /// Linear stretch so the 1st and 99th percentiles become black and white.
    static func contrastStretched(_ frame: GreyFrame) -> GreyFrame {
        guard !frame.pixels.isEmpty else { return frame }
        var histogram = [Int](repeating: 0, count: 256)
        for value in frame.pixels { histogram[Int(value)] += 1 }
        let cut = frame.pixels.count / 100
        var low = 0, high = 255, seen = 0
        while low < 255, seen + histogram[low] <= cut {
            seen += histogram[low]
            low += 1
        }
        seen = 0
        while high > 0, seen + histogram[high] <= cut {
            seen += histogram[high]
            high -= 1
        }
        guard high > low else { return frame }
        var table = [UInt8](repeating: 0, count: 256)
        for value in 0..<256 {
            table[value] = UInt8(max(0, min(255, (value - low) * 255 / (high - low))))
        }
        return GreyFrame(width: frame.width, height: frame.height, pixels: frame.pixels.map { table[Int($0)] })
    }

    /// 3x3 box blur (smooths sensor noise and screen moiré).
    static func blurred(_ frame: GreyFrame) -> GreyFrame {
        convolve3x3(frame) { center, neighbours in (center + neighbours + 4) / 9 }
    }

    /// Unsharp mask with a 3x3 neighbourhood: center + amount * (center - mean).
    static func sharpened(_ frame: GreyFrame) -> GreyFrame {
        convolve3x3(frame) { center, neighbours in
            let mean = (center + neighbours) / 9
            return center + (center - mean) * 2
        }
    }

    private static func convolve3x3(_ frame: GreyFrame, _ combine: (Int, Int) -> Int) -> GreyFrame {
        let w = frame.width, h = frame.height
        guard w >= 3, h >= 3 else { return frame }
        var out = frame.pixels
        frame.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 1..<(h - 1) {
                    for x in 1..<(w - 1) {
                        let i = y * w + x
                        let center = Int(src[i])
                        let neighbours =
                            Int(src[i - w - 1]) + Int(src[i - w]) + Int(src[i - w + 1]) + Int(src[i - 1])
                            + Int(src[i + 1]) + Int(src[i + w - 1]) + Int(src[i + w]) + Int(src[i + w + 1])
                        dst[i] = UInt8(max(0, min(255, combine(center, neighbours))))
                    }
                }
            }
        }
        return GreyFrame(width: w, height: h, pixels: out)
    }

    /// Rotation about the centre by `degrees`, same size, uncovered corners white.
    static func rotated(_ frame: GreyFrame, degrees: Double) -> GreyFrame {
        let w = frame.width, h = frame.height
        guard w > 0, h > 0 else { return frame }
        let radians = degrees * Double.pi / 180
        let c = cos(radians), s = sin(radians)
        let cx = Double(w - 1) / 2, cy = Double(h - 1) / 2
        var out = [UInt8](repeating: 255, count: w * h)
        frame.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dy = Double(y) - cy
                    for x in 0..<w {
                        let dx = Double(x) - cx
                        let sx = Int((c * dx + s * dy + cx).rounded())
                        let sy = Int((-s * dx + c * dy + cy).rounded())
                        if sx >= 0, sx < w, sy >= 0, sy < h { dst[y * w + x] = src[sy * w + sx] }
                    }
                }
            }
        }
        return GreyFrame(width: w, height: h, pixels: out)
    }

    /// Adds a white border of `margin` pixels on every side (a code cropped without
    /// its quiet zone cannot be located by finder-pattern scanning).
    static func padded(_ frame: GreyFrame, margin: Int) -> GreyFrame {
        let w = frame.width, h = frame.height
        guard margin > 0, w > 0, h > 0 else { return frame }
        let newWidth = w + 2 * margin
        var out = [UInt8](repeating: 255, count: newWidth * (h + 2 * margin))
        for y in 0..<h {
            let target = (y + margin) * newWidth + margin
            out.replaceSubrange(target..<(target + w), with: frame.pixels[(y * w)..<(y * w + w)])
        }
        return GreyFrame(width: newWidth, height: h + 2 * margin, pixels: out)
    }

    /// Global binarisation at Otsu's threshold (the level that best separates two grey populations).
    static func otsuThreshold(_ frame: GreyFrame) -> GreyFrame {
        guard !frame.pixels.isEmpty else { return frame }
        var histogram = [Int](repeating: 0, count: 256)
        for value in frame.pixels { histogram[Int(value)] += 1 }
        let total = Double(frame.pixels.count)
        var sumAll = 0.0
        for level in 0..<256 { sumAll += Double(level * histogram[level]) }
        var sumBelow = 0.0, weightBelow = 0.0, best = 0.0, threshold = 127
        for level in 0..<256 {
            weightBelow += Double(histogram[level])
            if weightBelow == 0 { continue }
            let weightAbove = total - weightBelow
            if weightAbove == 0 { break }
            sumBelow += Double(level * histogram[level])
            let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / weightAbove
            let between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best {
                best = between
                threshold = level
            }
        }
        return GreyFrame(width: frame.width, height: frame.height, pixels: frame.pixels.map { $0 <= threshold ? 0 : 255 })
    }

    /// Unsharp mask with a (2 radius + 1)² box: pixel + amount/4 * (pixel - local mean).
    /// Restores edges softened by defocus or motion more strongly than the 3x3 `sharpened`.
    static func unsharp(_ frame: GreyFrame, radius: Int, amountQuarters: Int) -> GreyFrame {
        let w = frame.width, h = frame.height, stride = w + 1
        guard w > 0, h > 0, radius > 0 else { return frame }
        let table = integral(frame)
        var out = frame.pixels
        frame.pixels.withUnsafeBufferPointer { src in
            table.withUnsafeBufferPointer { sum in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0..<h {
                        let top = max(0, y - radius), bottom = min(h, y + radius + 1)
                        for x in 0..<w {
                            let left = max(0, x - radius), right = min(w, x + radius + 1)
                            let area = Int((bottom - top) * (right - left))
                            let total = Int(
                                sum[bottom * stride + right] &- sum[top * stride + right]
                                    &- sum[bottom * stride + left] &+ sum[top * stride + left])
                            let pixel = Int(src[y * w + x])
                            let value = pixel + amountQuarters * (pixel * area - total) / (4 * area)
                            dst[y * w + x] = UInt8(max(0, min(255, value)))
                        }
                    }
                }
            }
        }
        return GreyFrame(width: w, height: h, pixels: out)
    }
}
