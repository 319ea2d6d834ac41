#if canImport(Glibc)
    import Glibc
#endif

/// Maps byte strings to dense indices `0, 1, 2, …` in insertion order, looked up straight
/// from raw bytes.
///
/// This is how label values read from a log line find their series without building a
/// `String` per line: the bytes are hashed and compared in place, and a `String` is made only
/// once, when a value is first inserted. Open addressing with linear probing; the hash mixes
/// eight bytes at a time; the table doubles at half load.
struct ByteStringTable: Sendable {
    private var keys: [[UInt8]] = []
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    /// How many distinct keys the table holds.
    var count: Int { keys.count }

    /// The index of `bytes`, or `nil` when they were never inserted.
    func index(of bytes: UnsafeRawBufferPointer) -> Int? {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let index = Int(slots[position])
            if index < 0 { return nil }
            if Self.equal(keys[index], bytes) { return index }
            position = (position + 1) & mask
        }
    }

    /// Inserts `bytes`, which must not be in the table yet, and returns their new index.
    mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Int {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let index = keys.count
        keys.append(Array(bytes))
        place(index, hash: Self.hash(bytes))
        return index
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] >= 0 {
            position = (position + 1) & mask
        }
        slots[position] = Int32(index)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (index, key) in keys.enumerated() {
            place(index, hash: key.withUnsafeBytes(Self.hash))
        }
    }

    private static func equal(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        key.count == bytes.count
            && key.withUnsafeBytes { stored in
                guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
                return memcmp(left, right, bytes.count) == 0
            }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }
}
