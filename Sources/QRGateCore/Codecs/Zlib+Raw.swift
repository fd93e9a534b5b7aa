extension Zlib {
    /// Inflates a raw DEFLATE stream (RFC 1951, no zlib header or checksum), as ZIP entries
    /// (and SMART Health Cards) carry it. Bytes after the final block are ignored, as common
    /// inflaters do; `consumed` says where the stream ended.
    public static func inflateRaw(_ data: [UInt8], limits: Limits = Limits()) throws(ZlibError) -> (output: [UInt8], consumed: Int) {
        var inflater = Inflater(input: data, position: 0, maxOutput: limits.maxOutputBytes)
        try inflater.run()
        return (inflater.output, inflater.alignedBytePosition)
    }
}
