import Glibc

/// Decoder-owned memory for the text a record points at that is not in the line itself
/// (unescaped strings, lower-cased providers), reused from line to line.
///
/// `allocate` hands out bytes that stay put until the next `reset`: when the current block
/// is too small, it is retired (kept alive, freed at the next reset) and a larger one takes
/// over, so earlier pointers of the same line stay valid. After the first lines the block is
/// large enough and no line allocates.
final class ScratchArena {
    /// The current block.
    private var block: UnsafeMutableRawPointer
    /// The current block's size.
    private var capacity: Int
    /// Bytes of the current block handed out since the last reset.
    private var used = 0
    /// Blocks outgrown during the current line, freed at the next reset.
    private var retired: [UnsafeMutableRawPointer] = []

    /// Creates an arena with a first block of `initialCapacity` bytes.
    init(initialCapacity: Int = 4_096) {
        capacity = max(initialCapacity, 64)
        block = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        block.deallocate()
        for old in retired {
            old.deallocate()
        }
    }

    /// Makes every byte handed out so far reusable; earlier pointers become invalid.
    @inline(__always)
    func reset() {
        used = 0
        if !retired.isEmpty {
            for old in retired {
                old.deallocate()
            }
            retired.removeAll(keepingCapacity: true)
        }
    }

    /// Hands out `count` bytes, valid until the next `reset`.
    ///
    /// - Parameter count: The number of bytes needed.
    /// - Returns: The bytes.
    @inline(__always)
    func allocate(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if capacity - used < count {
            grow(toFit: count)
        }
        let start = block + used
        used += count
        return UnsafeMutableRawBufferPointer(start: start, count: count)
    }

    /// Gives back the unused tail of the latest allocation.
    ///
    /// - Parameter count: How many bytes at the end of the latest allocation were not used.
    @inline(__always)
    func giveBack(_ count: Int) {
        used -= min(count, used)
    }

    /// Retires the current block for one at least twice as large and `count` free.
    private func grow(toFit count: Int) {
        retired.append(block)
        capacity = max(capacity * 2, count + 64)
        block = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        used = 0
    }
}
