/// Remembers, for each sequence of keys the scanner met in an object, the member that followed
/// it, so that a line shaped like an earlier one has each member's start recognised by one
/// comparison.
///
/// JSONL lines from one writer repeat their keys in the same order, with the same separators.
/// An entry holds a member's *pattern*: the bytes from the end of the previous value (or from
/// the object's `{`) up to its own value — the `,` and whitespace before the key, the key
/// with its quotes, the `:` and whitespace after it — and the value's opening `"` when the
/// value was a string. Bytes equal to a pattern, at a place where the scanner stood when it
/// validated the pattern (same object node, same point: first member or a later one), are
/// that member's start: they need no separator checks, no scan for the key's closing quote,
/// no table lookup and no colon check, since the same bytes passed all of them. A wrong guess
/// costs a few instructions and the usual path. Patterns over `maxLength` bytes and members
/// with escaped keys are not remembered.
///
/// First members and later members never share an entry (`firstSlot` is apart from every
/// successor), because a later member's pattern starts after a value and a first member's
/// after a `{`: the same bytes are valid in one place and not in the other.
///
/// Each slot remembers the last `ways` members seen there. The predictions live in
/// decoder-owned memory; a view is valid while its decoder lives,
/// like `FieldTable.View`.
struct KeyPredictor {
    /// One remembered member.
    struct Entry {
        /// The pattern's first 8 bytes, little-endian, with only its own bytes (`headMask`).
        var head: UInt64
        /// The pattern's bytes 8 ..< 16 when it has more than 16, else 0.
        var middle: UInt64
        /// The pattern's bytes 16 ..< 24 when it has more than 24, else 0.
        var third: UInt64
        /// The pattern's last 8 bytes when it has more than 8, else 0.
        var tail: UInt64
        /// The bytes of `head` that belong to the pattern.
        var headMask: UInt64
        /// The node's `FieldTable.Node.presence` bits; 0 without a node.
        var presence: UInt64
        /// The enclosing object's node; `Int32.min` for an empty entry.
        var context: Int32
        /// The node the key leads to, or -1.
        var node: Int32
        /// The entry that predicts the member after this one.
        var successor: Int16
        /// The pattern's length, 1 ... `maxLength`.
        var length: UInt8
        /// How many bytes must be readable from the pattern's start to compare it: its length
        /// and one more (the value's first byte), and at least 8.
        var readable: UInt8
        /// Whether the pattern ends with the opening quote of a string value.
        var opensString: Bool
        /// Whether the node has children, so that its object value is entered
        /// (`FieldTable.Node.hasChildren`).
        var isEntered: Bool
    }

    /// The number of entries that predict later members, 2¹⁰ (the successor hash keeps 10 bits).
    ///
    /// Computed rather than stored: a stored static in another file is a global the optimiser
    /// cannot fold when the module is compiled in several threads, as release builds are.
    static var slotCount: Int { 1_024 }

    /// The number of entries that predict first members, after the `slotCount` others.
    static var firstSlotCount: Int { 128 }

    /// The longest pattern remembered.
    static var maxLength: Int { 32 }

    /// The members each slot remembers, the one seen last first.
    ///
    /// Several, because a place in a line can be followed by different members in lines of
    /// different shapes: a log that mixes writers starts objects with `timestamp`, `model` or
    /// `id`, and shapes that share a first key part after it.
    static var ways: Int { 4 }

    /// The entries, `ways` per slot, `slotCount + firstSlotCount` slots.
    let entries: UnsafeMutablePointer<Entry>

    /// Allocates empty entries; the owner frees them with `deallocate()`.
    static func allocate() -> KeyPredictor {
        let count = (slotCount + firstSlotCount) * ways
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: count)
        entries.initialize(
            repeating: Entry(
                head: 0, middle: 0, third: 0, tail: 0, headMask: 0, presence: 0, context: .min, node: -1,
                successor: 0, length: 0, readable: .max, opensString: false, isEntered: false
            ),
            count: count
        )
        return KeyPredictor(entries: entries)
    }

    /// Frees the entries.
    func deallocate() {
        entries.deallocate()
    }

    /// The slot that predicts an object's first member.
    ///
    /// - Parameters:
    ///   - context: The object's node.
    ///   - lead: The object's first 8 bytes after its `{`, or 0 when fewer are on the line: objects
    ///     of different shapes in one context (lines from several writers in one log) then start
    ///     at different slots, instead of taking turns in one slot's `ways` and evicting each other.
    @inline(__always)
    static func firstSlot(context: Int32, lead: UInt64 = 0) -> Int {
        let mixed = (lead ^ UInt64(UInt32(bitPattern: context))) &* 0x9E37_79B9_7F4A_7C15
        return slotCount + (Int(truncatingIfNeeded: mixed >> 32) & (firstSlotCount - 1))
    }

    /// Whether `slot` predicts an object's first member rather than a later one.
    @inline(__always)
    static func isFirstSlot(_ slot: Int) -> Bool {
        slot >= slotCount
    }

    /// The slot that predicts the member after a key, given the slot that predicted that key.
    ///
    /// The successor depends on the whole sequence of keys so far, not only on this key, so
    /// that lines of different shapes sharing a key keep separate predictions after it. It is
    /// never a `firstSlot`.
    ///
    /// - Parameters:
    ///   - slot: The slot that predicted (or failed to predict) the key.
    ///   - head: The key's first word (`FieldTable.words`), or 0 for an escaped key.
    ///   - tail: The key's last word, or 0 for an escaped key.
    ///   - length: The key's length.
    @inline(__always)
    static func successor(after slot: Int, head: UInt64, tail: UInt64, length: Int) -> Int {
        let mixed = head ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length &+ slot &<< 8)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }

    /// The latest member remembered at `slot` when the bytes at `start` begin with its
    /// pattern, else nil; `matchEarlier` tries the others.
    ///
    /// - Parameters:
    ///   - slot: The prediction to check.
    ///   - context: The enclosing object's node.
    ///   - start: Where a member may start: after the previous value, or after the object's `{`.
    ///   - end: One past the line's last byte.
    @inline(__always)
    func match(slot: Int, context: Int32, at start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>)
        -> UnsafePointer<Entry>?
    {
        let latest = entries + slot &* KeyPredictor.ways
        return KeyPredictor.matches(latest, context: context, at: start, end: end) ? UnsafePointer(latest) : nil
    }

    /// The member remembered at `slot` before the latest whose pattern the bytes at `start`
    /// begin with, else nil; a member found becomes the latest, in the way `match` reads, and
    /// the returned entry is that way.
    ///
    /// - Parameters:
    ///   - slot: The prediction to check.
    ///   - context: The enclosing object's node.
    ///   - start: Where a member may start: after the previous value, or after the object's `{`.
    ///   - end: One past the line's last byte.
    @inline(never)
    func matchEarlier(slot: Int, context: Int32, at start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>)
        -> UnsafePointer<Entry>?
    {
        let set = entries + slot &* KeyPredictor.ways
        for way in 1..<KeyPredictor.ways where KeyPredictor.matches(set + way, context: context, at: start, end: end) {
            // The member seen last becomes the slot's first guess: where lines of two shapes part,
            // the more common shape then mostly finds its member there, whichever was learnt last.
            let hit = set[way]
            set[way] = set[0]
            set[0] = hit
            return UnsafePointer(set)
        }
        return nil
    }

    /// Whether the bytes at `start` begin with `guess`'s pattern, in `guess`'s context.
    @inline(__always)
    private static func matches(
        _ guess: UnsafeMutablePointer<Entry>, context: Int32, at start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>
    ) -> Bool {
        guard guess.pointee.context == context, end - start >= Int(guess.pointee.readable) else {
            return false
        }
        let bytes = UnsafeRawPointer(start)
        let length = Int(guess.pointee.length)
        func word(at offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        guard word(at: 0) & guess.pointee.headMask == guess.pointee.head else {
            return false
        }
        if length > 8 {
            guard word(at: length - 8) == guess.pointee.tail else {
                return false
            }
            if length > 16 {
                guard word(at: 8) == guess.pointee.middle else {
                    return false
                }
                if length > 24, word(at: 16) != guess.pointee.third {
                    return false
                }
            }
        }
        return true
    }

    /// Remembers at `slot` the member whose pattern is the `length` bytes at `start`, as the
    /// latest, when it is short enough and enough of the line is readable to compare it; the
    /// slot's earliest member is forgotten.
    ///
    /// The caller has validated the pattern's bytes as a member's start at this place (`slot`
    /// and `context` name it) with an unescaped key.
    ///
    /// - Parameters:
    ///   - slot: The slot that predicted (or failed to predict) this member.
    ///   - start: The pattern's first byte.
    ///   - length: The pattern's length, at least 1.
    ///   - opensString: Whether the pattern's last byte is a string value's opening quote.
    ///   - end: One past the line's last byte.
    ///   - context: The enclosing object's node.
    ///   - node: The key's node, or -1.
    ///   - shape: The node's structure; nil without a node.
    ///   - successor: The slot that predicts the member after this one (`successor(after:…)`).
    @inline(__always)
    func remember(
        slot: Int, start: UnsafePointer<UInt8>, length: Int, opensString: Bool, end: UnsafePointer<UInt8>,
        context: Int32, node: Int32, shape: FieldTable.Node?, successor: Int
    ) {
        let readable = max(length + 1, 8)
        guard length <= KeyPredictor.maxLength, end - start >= readable else {
            return
        }
        let bytes = UnsafeRawPointer(start)
        let headMask: UInt64 = length >= 8 ? .max : (1 &<< (UInt64(length) &* 8)) &- 1
        func word(at offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        let set = entries + slot &* KeyPredictor.ways
        for way in (1..<KeyPredictor.ways).reversed() {
            set[way] = set[way - 1]
        }
        set[0] = Entry(
            head: word(at: 0) & headMask, middle: length > 16 ? word(at: 8) : 0, third: length > 24 ? word(at: 16) : 0,
            tail: length > 8 ? word(at: length - 8) : 0, headMask: headMask, presence: shape?.presence ?? 0,
            context: context, node: node, successor: Int16(successor), length: UInt8(length),
            readable: UInt8(readable), opensString: opensString, isEntered: shape?.hasChildren ?? false
        )
    }
}
