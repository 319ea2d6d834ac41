import CZlib

/// Compresses bytes into one gzip member (RFC 1952) with the system zlib.
///
/// Uses `deflateInit2` with window bits 31 (15 plus 16 for the gzip wrapper) and one
/// `deflate(Z_FINISH)` call into a buffer sized by `deflateBound`, so the whole input is
/// compressed in one pass. Stateless and thread-safe: each call has its own zlib stream.
public struct GzipEncoder: Sendable, Hashable {
    /// The zlib compression level, 0 (none) to 9 (smallest); out-of-range values become 6.
    public var level: Int32

    /// Creates an encoder.
    ///
    /// - Parameter level: The compression level, 1 fastest to 9 smallest; 6 is zlib's default.
    public init(level: Int32 = 6) {
        self.level = (0...9).contains(level) ? level : 6
    }

    /// Compresses `input` into a complete gzip stream.
    ///
    /// - Parameter input: The bytes to compress; at most 4 GiB.
    /// - Returns: The gzip stream.
    /// - Throws: `GzipError` with zlib's status if zlib cannot start or finish.
    public func compress(_ input: [UInt8]) throws(GzipError) -> [UInt8] {
        guard let inputCount = UInt32(exactly: input.count) else { throw GzipError(status: Z_BUF_ERROR) }
        var stream = z_stream()
        let initStatus = deflateInit2_(
            &stream,
            level,
            Z_DEFLATED,
            31,
            8,
            Z_DEFAULT_STRATEGY,
            zlibVersion(),
            Int32(MemoryLayout<z_stream>.size)
        )
        guard initStatus == Z_OK else { throw GzipError(status: initStatus) }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(inputCount)))
        var output = [UInt8](repeating: 0, count: capacity)
        let status = input.withUnsafeBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                // zlib's `next_in` is not const, but deflate only reads through it.
                stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
                stream.avail_in = inputCount
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(clamping: outputBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw GzipError(status: status) }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}

/// A zlib failure while compressing.
public struct GzipError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The zlib status code, e.g. `Z_MEM_ERROR` (-4).
    public var status: Int32

    /// Creates an error from a zlib status.
    ///
    /// - Parameter status: The zlib status code.
    public init(status: Int32) {
        self.status = status
    }

    /// A sentence naming the zlib status.
    public var description: String {
        "gzip compression failed with zlib status \(status)"
    }
}
