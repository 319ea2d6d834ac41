import Glibc

/// Decoder-owned memory for the text a record points at that is not in the line itself
/// (unescaped strings, lower-cased providers), reused from line to line.
///
/// `allocate` hands out bytes that stay put until the next `reset`: when the current block
/// is too small, it is retired (kept alive, freed at the next reset) and a larger one takes
/// over, so earlier pointers of the same line stay valid. After the first lines the block is
/// large enough and no line allocates.
final class ScratchArena {
    /// The arena's mutable state, behind a pointer so that the per-line calls carry no
    /// dynamic exclusivity checks.
    private struct State {
        /// The current block.
        var block: UnsafeMutableRawPointer
        /// The current block's size.
        var capacity: Int
        /// Bytes of the current block handed out since the last reset.
        var used: Int
    }

    /// The state; allocated in `init`, freed in `deinit`.
    private let state: UnsafeMutablePointer<State>
    /// Blocks outgrown during the current line, freed at the next reset.
    private var retired: [UnsafeMutableRawPointer] = []
    /// Whether `retired` has blocks, readable without touching the array.
    private let hasRetired: UnsafeMutablePointer<Bool>

    /// Creates an arena with a first block of `initialCapacity` bytes.
    init(initialCapacity: Int = 4_096) {
        let capacity = max(initialCapacity, 64)
        state = .allocate(capacity: 1)
        state.initialize(
            to: State(
                block: UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16), capacity: capacity, used: 0
            )
        )
        hasRetired = .allocate(capacity: 1)
        hasRetired.initialize(to: false)
    }

    deinit {
        state.pointee.block.deallocate()
        state.deallocate()
        hasRetired.deallocate()
        for old in retired {
            old.deallocate()
        }
    }

    /// Makes every byte handed out so far reusable; earlier pointers become invalid.
    @inline(__always)
    func reset() {
        state.pointee.used = 0
        if hasRetired.pointee {
            for old in retired {
                old.deallocate()
            }
            retired.removeAll(keepingCapacity: true)
            hasRetired.pointee = false
        }
    }

    /// Hands out `count` bytes, valid until the next `reset`.
    ///
    /// - Parameter count: The number of bytes needed.
    /// - Returns: The bytes.
    @inline(__always)
    func allocate(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if state.pointee.capacity - state.pointee.used < count {
            grow(toFit: count)
        }
        let start = state.pointee.block + state.pointee.used
        state.pointee.used += count
        return UnsafeMutableRawBufferPointer(start: start, count: count)
    }

    /// Gives back the unused tail of the latest allocation.
    ///
    /// - Parameter count: How many bytes at the end of the latest allocation were not used.
    @inline(__always)
    func giveBack(_ count: Int) {
        state.pointee.used -= min(count, state.pointee.used)
    }

    /// Retires the current block for one at least twice as large and `count` free.
    private func grow(toFit count: Int) {
        retired.append(state.pointee.block)
        hasRetired.pointee = true
        let capacity = max(state.pointee.capacity * 2, count + 64)
        state.pointee = State(
            block: UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16), capacity: capacity, used: 0
        )
    }
}
