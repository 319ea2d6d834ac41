/// Maps byte strings to dense indices `0, 1, 2, …` in insertion order, looked up straight
/// from raw bytes.
///
/// This is how label values read from a log line find their series without building a
/// `String` per line: the bytes are hashed and compared in place, and a `String` is made only
/// once, when a value is first inserted. Open addressing with linear probing, FNV-1a hashing;
/// the table doubles at half load.
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
            if keys[index].elementsEqual(bytes) { return index }
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

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
