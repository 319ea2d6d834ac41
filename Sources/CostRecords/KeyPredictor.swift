/// Remembers, for each sequence of keys the scanner met in an object, the key that followed
/// it, so that a line shaped like an earlier one has its keys recognised by one comparison each.
///
/// JSONL lines from one writer repeat their keys in the same order. A key that equals the
/// remembered successor of the keys before it in its object (same context, same bytes, then
/// a `"`) is that key: it needs neither the scan for its closing quote nor the table lookup, and since the
/// remembered key was validated as an unescaped string, so is this one. A wrong guess costs a
/// few instructions and the usual path. Keys over 16 bytes and escaped keys are not
/// remembered.
///
/// The predictions live in decoder-owned memory, `slotCount` entries; a view is valid while
/// its decoder lives, like `FieldTable.View`.
struct KeyPredictor {
    /// One remembered key.
    struct Entry {
        /// The key's first 8 bytes, little-endian, zero-padded (`FieldTable.words`).
        var head: UInt64
        /// The key's last 8 bytes when it has at least 8, else 0.
        var tail: UInt64
        /// The bytes of `head` that belong to the key.
        var headMask: UInt64
        /// The key's length, at most 16.
        var length: Int32
        /// The enclosing object's node; `Int32.min` for an empty entry.
        var context: Int32
        /// The node the key leads to, or -1.
        var node: Int32
        /// The entry that predicts the key after this one.
        var successor: Int32
    }

    /// The number of entries, 2¹⁰ (the successor hash keeps 10 bits).
    ///
    /// Computed rather than stored: a stored static in another file is a global the optimiser
    /// cannot fold when the module is compiled in several threads, as release builds are.
    static var slotCount: Int { 1_024 }

    /// The entries, `slotCount` of them.
    let entries: UnsafeMutablePointer<Entry>

    /// Allocates empty entries; the owner frees them with `deallocate()`.
    static func allocate() -> KeyPredictor {
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: slotCount)
        entries.initialize(
            repeating: Entry(head: 0, tail: 0, headMask: 0, length: 0, context: .min, node: -1, successor: 0),
            count: slotCount
        )
        return KeyPredictor(entries: entries)
    }

    /// Frees the entries.
    func deallocate() {
        entries.deallocate()
    }

    /// The entry that predicts an object's first key.
    @inline(__always)
    static func firstSlot(context: Int32) -> Int {
        Int(UInt32(bitPattern: context)) & (slotCount - 1)
    }

    /// The remembered key at `slot` when the key at `key` is the same, else nil.
    ///
    /// - Parameters:
    ///   - slot: The prediction to check.
    ///   - context: The enclosing object's node.
    ///   - key: The key's first byte, after its opening quote.
    ///   - end: One past the line's last byte.
    @inline(__always)
    func match(slot: Int, context: Int32, key: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Entry? {
        let guess = entries[slot]
        // 17 readable bytes cover any remembered key and its closing quote.
        guard guess.context == context, end - key > 16 else {
            return nil
        }
        let length = Int(guess.length)
        let head = UInt64(littleEndian: UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)) & guess.headMask
        let tail =
            length >= 8
            ? UInt64(littleEndian: UnsafeRawPointer(key).loadUnaligned(fromByteOffset: length - 8, as: UInt64.self))
            : 0
        guard head == guess.head, tail == guess.tail, key[length] == UInt8(ascii: "\"") else {
            return nil
        }
        return guess
    }

    /// Remembers an unescaped key of at most 16 bytes at `slot`, and returns the slot that
    /// predicts the key after it.
    ///
    /// - Parameters:
    ///   - slot: The slot that predicted (or failed to predict) this key.
    ///   - head: The key's first word (`FieldTable.words`).
    ///   - tail: The key's last word.
    ///   - length: The key's length.
    ///   - context: The enclosing object's node.
    ///   - node: The key's node, or -1.
    @inline(__always)
    func remember(slot: Int, head: UInt64, tail: UInt64, length: Int, context: Int32, node: Int32) -> Int {
        // The successor depends on the whole sequence of keys so far, not only on this key, so
        // that lines of different shapes sharing a key keep separate predictions after it.
        let mixed = head ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length &+ slot &<< 8)
        let successor = Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 54)
        guard length <= 16 else {
            return successor
        }
        entries[slot] = Entry(
            head: head, tail: tail, headMask: length >= 8 ? .max : (1 &<< (UInt64(length) &* 8)) &- 1,
            length: Int32(length), context: context, node: node, successor: Int32(successor)
        )
        return successor
    }
}
