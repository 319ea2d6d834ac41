#if canImport(Glibc)
    import Glibc
#endif

/// A reusable, page-aligned buffer that file bytes are read into, one chunk at a time.
///
/// Page alignment matters: on the machines we measured, `read(2)` into a buffer that starts
/// a few bytes past a page boundary (where glibc puts large `malloc` blocks) copied about
/// three times slower. One buffer serves every file a reader thread handles; it is not
/// shared between threads.
public final class ReadBuffer {
    /// How many bytes one read asks for.
    public let capacity: Int
    private let storage: UnsafeMutableRawPointer

    /// What one read gave.
    public enum Outcome {
        /// Bytes, valid until the next read into this buffer.
        case bytes(UnsafeRawBufferPointer)
        /// The end of the file for now.
        case endOfFile
        /// `read(2)` failed with this `errno`.
        case failure(Int32)
    }

    /// Allocates the buffer.
    ///
    /// - Parameter capacity: Bytes per read; 1 MiB keeps system calls rare and fits the cache.
    public init(capacity: Int = 1 << 20) {
        precondition(capacity > 0, "a read buffer needs room")
        var pointer: UnsafeMutableRawPointer?
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard posix_memalign(&pointer, max(pageSize, 4096), capacity) == 0, let pointer else {
            fatalError("cannot allocate a \(capacity)-byte read buffer")
        }
        self.capacity = capacity
        self.storage = pointer
    }

    deinit {
        free(storage)
    }

    /// Reads the next chunk from `descriptor`, retrying on `EINTR`.
    ///
    /// - Parameter limit: At most this many bytes (to stop at a known size); at most `capacity`.
    public func read(from descriptor: Int32, limit: Int = .max) -> Outcome {
        let wanted = min(capacity, limit)
        guard wanted > 0 else { return .endOfFile }
        while true {
            let count = Glibc.read(descriptor, storage, wanted)
            if count > 0 {
                return .bytes(UnsafeRawBufferPointer(start: storage, count: count))
            }
            if count == 0 { return .endOfFile }
            if errno != EINTR { return .failure(errno) }
        }
    }

    /// Reads the chunk that starts at byte `offset` of `descriptor` with `pread(2)`, retrying
    /// on `EINTR`; the descriptor's own position is neither used nor moved.
    ///
    /// - Parameters:
    ///   - offset: Where in the file the chunk starts.
    ///   - limit: At most this many bytes; at most `capacity`.
    public func read(from descriptor: Int32, at offset: Int, limit: Int = .max) -> Outcome {
        let wanted = min(capacity, limit)
        guard wanted > 0 else { return .endOfFile }
        while true {
            let count = pread(descriptor, storage, wanted, off_t(offset))
            if count > 0 {
                return .bytes(UnsafeRawBufferPointer(start: storage, count: count))
            }
            if count == 0 { return .endOfFile }
            if errno != EINTR { return .failure(errno) }
        }
    }
}
