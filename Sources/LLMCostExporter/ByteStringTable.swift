/// Maps byte strings, each within a numbered scope, to dense indices `0, 1, 2, …` in
/// insertion order, looked up straight from raw bytes.
///
/// This is how label values read from a log line find their series without building a
/// `String` per line: the bytes are hashed and compared in place, and a `String` is made only
/// once, when a value is first inserted. A scope keeps equal bytes apart where they mean
/// different things (the same model name under two providers, the same value of two labels),
/// so one table serves them all and indices are dense across scopes.
///
/// Built for the handful of short keys a log repeats millions of times: each entry keeps its
/// key's first and last eight bytes (overlapping, or four, or three picked bytes for shorter
/// keys) next to its length and scope, so a hit on a key of up to 16 bytes is a few loads and
/// compares, with no call and no byte loop; longer keys compare their middle words against a
/// single arena that holds every key's bytes. Open addressing with linear probing; the table
/// doubles at half load. Memory grows with keys, never with lookups.
struct ByteStringTable: Sendable {
    /// One key: what a lookup compares first, and where its bytes are.
    private struct Entry: Sendable {
        /// See `Fingerprint.head`.
        var head: UInt64
        /// See `Fingerprint.tail`.
        var tail: UInt64
        /// See `Fingerprint.lengthAndScope`.
        var lengthAndScope: UInt64
        /// Where the key's bytes start in `arena`.
        var offset: Int
    }

    /// What a lookup knows of a key before it touches the table.
    private struct Fingerprint {
        /// Bytes 0..<8 (or 0..<4, or bytes 0, n/2 and n-1 for keys of 1–3 bytes) as a word.
        var head: UInt64
        /// Bytes n-8..<n (or n-4..<n; 0 for keys of 0–3 bytes) as a word.
        var tail: UInt64
        /// The key's length in the low half, its scope in the high half.
        var lengthAndScope: UInt64
        /// Mixes every byte, the length and the scope.
        var hash: UInt64
    }

    private var entries: [Entry] = []
    /// Every key's bytes, one after another, in insertion order.
    private var arena: [UInt8] = []
    /// The open-addressing slots: an index into `entries`, or -1 when free.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    /// How many distinct keys the table holds, over all scopes.
    var count: Int { entries.count }

    /// The index of `bytes` in `scope`, or `nil` when they were never inserted there.
    @inline(__always)
    func index(of bytes: UnsafeRawBufferPointer, scope: Int = 0) -> Int? {
        let key = Self.fingerprint(bytes, scope: scope)
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let index = Int(slots[position])
            if index < 0 { return nil }
            let entry = entries[index]
            if entry.head == key.head && entry.tail == key.tail && entry.lengthAndScope == key.lengthAndScope
                && (bytes.count <= 16 || middleEqual(bytes, at: entry.offset))
            {
                return index
            }
            position = (position + 1) & mask
        }
    }

    /// Inserts `bytes` in `scope`, where they must not be yet, and returns their new index.
    ///
    /// - Precondition: `bytes.count` and `scope` fit in 32 bits (label values are capped far below).
    mutating func insert(_ bytes: UnsafeRawBufferPointer, scope: Int = 0) -> Int {
        precondition(UInt32(exactly: bytes.count) != nil && UInt32(exactly: scope) != nil)
        if (entries.count + 1) * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for index in entries.indices {
                let entry = entries[index]
                let hash = arena.withUnsafeBytes { arena in
                    let length = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: entry.lengthAndScope))
                    let key = UnsafeRawBufferPointer(rebasing: arena[entry.offset..<(entry.offset + length)])
                    return Self.fingerprint(key, scope: Int(entry.lengthAndScope >> 32)).hash
                }
                place(index, hash: hash)
            }
        }
        let key = Self.fingerprint(bytes, scope: scope)
        let index = entries.count
        entries.append(Entry(head: key.head, tail: key.tail, lengthAndScope: key.lengthAndScope, offset: arena.count))
        arena.append(contentsOf: bytes)
        place(index, hash: key.hash)
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

    /// Whether the words of `bytes` between its head and tail words equal the stored key's
    /// (whose length, head and tail already matched).
    private func middleEqual(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        arena.withUnsafeBytes { arena in
            let stored = UnsafeRawBufferPointer(rebasing: arena[offset..<(offset + bytes.count)])
            var word = 8
            while word < bytes.count - 8 {
                if stored.loadUnaligned(fromByteOffset: word, as: UInt64.self)
                    != bytes.loadUnaligned(fromByteOffset: word, as: UInt64.self)
                {
                    return false
                }
                word += 8
            }
            return true
        }
    }

    /// The head and tail words, length, scope and hash of a key.
    ///
    /// Head and tail overlap for keys of 9–15 (and 5–7) bytes, so together they hold every
    /// byte of a key up to 16 bytes long; equal length, scope, head and tail then mean equal
    /// keys. Longer keys also mix their middle words into the hash, eight bytes at a time.
    @inline(__always)
    private static func fingerprint(_ bytes: UnsafeRawBufferPointer, scope: Int) -> Fingerprint {
        let count = bytes.count
        let head: UInt64
        let tail: UInt64
        if count >= 8 {
            head = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            head = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            tail = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else if count > 0 {
            head = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
            tail = 0
        } else {
            head = 0
            tail = 0
        }
        let lengthAndScope = UInt64(truncatingIfNeeded: count) | UInt64(truncatingIfNeeded: scope) << 32
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (lengthAndScope ^ head) &* multiplier
        hash = (hash ^ (hash >> 29) ^ tail) &* multiplier
        var word = 8
        while word < count - 8 {
            hash = (hash ^ (hash >> 29) ^ bytes.loadUnaligned(fromByteOffset: word, as: UInt64.self)) &* multiplier
            word += 8
        }
        return Fingerprint(head: head, tail: tail, lengthAndScope: lengthAndScope, hash: hash ^ (hash >> 32))
    }

    /// The hash a key is placed by (its first probe is `hash & (slot count - 1)`), for tests
    /// that need keys whose probes collide.
    static func hash(of bytes: UnsafeRawBufferPointer, scope: Int) -> UInt64 {
        fingerprint(bytes, scope: scope).hash
    }
}
