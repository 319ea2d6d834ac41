/// One strict RFC 8259 pass over a line that records the values of mapped keys.
///
/// The scanner validates every byte of the line, including the values of keys nobody uses,
/// but builds nothing: a mapped key's value is stored as a kind and a byte range in
/// `LineValues`, and everything else is only checked. Objects under a key that some source
/// path continues through (`usage`, `error`, `gen_ai`) are entered with that key's node as
/// the context; all other containers are skipped by an iterative validator, so the nesting
/// limit bounds memory, never the stack. The first problem in document order decides the
/// reason.
///
/// A member that the decoder's `KeyPredictor` expects is recognised by comparing its bytes
/// from the end of the previous value to its own value (separators, key, colon and a string
/// value's quote), without scanning or looking anything up; short integers are taken in one
/// step.
///
/// The hot loops read through a local cursor that the static helpers advance in place, so
/// it stays in a register; `position` is written back only around the out-of-line paths.
struct JSONScanner {
    /// The line's first byte; value offsets are relative to it.
    let lineStart: UnsafePointer<UInt8>
    /// One past the line's last byte.
    let end: UnsafePointer<UInt8>
    /// The read position between calls.
    var position: UnsafePointer<UInt8>
    /// The deepest nesting allowed; the top-level container is depth 1.
    let maxDepth: Int
    /// The compiled mapping.
    let table: FieldTable.View
    /// Where mapped values go.
    let slots: UnsafeMutableBufferPointer<ScannedValue>
    /// The current line's generation in `LineValues`.
    let generation: UInt32
    /// Where an escaped key is unescaped for its lookup.
    ///
    /// Unowned and unretained: the decoder that creates a scanner owns the arena and outlives
    /// the scanner, which lives only for one `decode` call; retaining it per line is measurable.
    unowned(unsafe) let scratch: ScratchArena
    /// The open containers of a skipped value, `maxDepth` bytes.
    let containerStack: UnsafeMutablePointer<UInt8>
    /// The decoder's memory of key sequences.
    let predictor: KeyPredictor
    /// The union of the `FieldTable.Node.presence` bits of every node given a value so far.
    var presence: UInt64 = 0

    /// Scans one top-level value with the whitespace around it, leaving the read position
    /// after the whitespace that follows it: at `end` for a line that holds one value and
    /// nothing else, on the `\n` that ends the line when the scanner was given a line and
    /// what follows it.
    ///
    /// - Returns: Whether the top-level value is an object (otherwise it is valid JSON of
    ///   another kind).
    /// - Throws: `ScanFailure` at the first problem.
    mutating func scanValue() throws(ScanFailure) -> Bool {
        JSONScanner.skipWhitespace(&position, end)
        guard position < end else {
            throw .invalidJSON
        }
        let isObject = position.pointee == UInt8(ascii: "{")
        if isObject {
            guard maxDepth >= 1 else {
                throw .tooDeep
            }
            position += 1
            _ = try scanMembers(context: FieldTable.rootContext, depth: 1)
        } else {
            try skipValue(depth: 0)
        }
        JSONScanner.skipWhitespace(&position, end)
        return isObject
    }

    /// Scans an object's members after its `{`, up to and including its `}`.
    ///
    /// - Parameters:
    ///   - context: The object's node, or `FieldTable.rootContext` for the top level.
    ///   - depth: The object's own depth.
    /// - Returns: Whether the object has members.
    private mutating func scanMembers(context: Int32, depth: Int) throws(ScanFailure) -> Bool {
        // Locals, not `self`'s fields: a store through `slots` may alias `self` as far as the
        // compiler knows, which made it reload every field after each stored value.
        let end = self.end
        let lineStart = self.lineStart
        let slots = self.slots
        let generation = self.generation
        let predictor = self.predictor
        var cursor = position
        let lead = end - cursor >= 8 ? UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self)) : 0
        var prediction = KeyPredictor.firstSlot(context: context, lead: lead)
        while true {
            // The loop starts each member where the previous value (or the `{`) ended.
            let node: Int32
            var opensString = false
            var isEntered = false
            var found = predictor.match(slot: prediction, context: context, at: cursor, end: end)
            if found == nil {
                // The usual end of an object, tested before the slot's other members.
                if cursor < end, cursor.pointee == UInt8(ascii: "}") {
                    position = cursor + 1
                    return !KeyPredictor.isFirstSlot(prediction)
                }
                found = predictor.matchEarlier(slot: prediction, context: context, at: cursor, end: end)
            }
            if let known = found?.pointee {
                node = known.node
                cursor += Int(known.length)
                prediction = Int(known.successor)
                opensString = known.opensString
                isEntered = known.isEntered
                // Into `self` at once: a local would be one more value the loop keeps on the stack.
                self.presence |= known.presence
                // The pattern may end before more whitespace than the line it was learnt from had.
                if !opensString, cursor.pointee <= 0x20 {
                    JSONScanner.skipWhitespace(&cursor, end)
                    guard cursor < end else {
                        throw .invalidJSON
                    }
                }
            } else {
                let isFirst = KeyPredictor.isFirstSlot(prediction)
                let member = try scanMemberStart(&cursor, prediction: &prediction, context: context)
                guard member.node != JSONScanner.objectEnd else {
                    position = cursor
                    return !isFirst
                }
                node = member.node
                opensString = member.opensString
                isEntered = member.isEntered
                self.presence |= member.presence
            }
            // Scalars under leaf nodes, nearly every mapped value, are stored here without a call;
            // skipped scalars share the same inlined scans.
            if opensString, !isEntered {
                try JSONScanner.scanStringValue(
                    &cursor, end, node: node, slots: slots, lineStart: lineStart, generation: generation)
                continue
            }
            if opensString {
                // An entered node's string value goes the general way, from its quote.
                cursor -= 1
            }
            let first = cursor.pointee
            if isEntered {
                position = cursor
                try recordValue(node: node, depth: depth)
                cursor = position
            } else if first == UInt8(ascii: "\"") {
                cursor += 1
                try JSONScanner.scanStringValue(
                    &cursor, end, node: node, slots: slots, lineStart: lineStart, generation: generation)
            } else if JSONNumberGrammar.isDigit(first) || first == UInt8(ascii: "-") {
                let token = cursor
                if node >= 0 {
                    // The parts go straight into the slot, which the store below makes current.
                    if let short = JSONNumberGrammar.shortInteger(at: cursor, limit: end) {
                        cursor = short.end
                        slots[Int(node)].number = short.parts
                    } else {
                        cursor = try JSONScanner.numberEnd(cursor, end, parts: &slots[Int(node)].number)
                    }
                    slots[Int(node)].store(
                        kind: .number, start: token - lineStart, count: cursor - token, isEscaped: false,
                        generation: generation
                    )
                } else if let short = JSONNumberGrammar.shortInteger(at: cursor, limit: end) {
                    cursor = short.end
                } else {
                    cursor = try JSONScanner.numberEnd(cursor, end)
                }
            } else if let literal = JSONScanner.literal(at: cursor, end) {
                // Flags and nulls are common enough to take without a call.
                cursor += literal.length
                if node >= 0 {
                    slots[Int(node)].store(
                        kind: literal.kind, start: 0, count: 0, isEscaped: false, generation: generation
                    )
                }
            } else {
                position = cursor
                if node >= 0 {
                    try recordValue(node: node, depth: depth)
                } else {
                    try skipValue(depth: depth)
                }
                cursor = position
            }
        }
    }

    /// What `scanMemberStart` found: a member's key and how its value begins.
    private struct MemberStart {
        /// The key's node, -1 for an unmapped key, or `objectEnd` when the object closed instead.
        var node: Int32
        /// Whether the value is a string whose opening quote was taken.
        var opensString = false
        /// Whether the node's object value is entered (`FieldTable.Node.hasChildren`).
        var isEntered = false
        /// The node's presence bits.
        var presence: UInt64 = 0
    }

    /// The `MemberStart.node` of an object's end.
    private static var objectEnd: Int32 { .min }

    /// Scans from where a member may start up to its value, the way a line's first member of
    /// each shape goes: the separator (or the object's end), the key, its lookup and the colon;
    /// then remembers the member for the next line of the same shape.
    ///
    /// Out of line, so that the predicted path's loop keeps its values in registers.
    ///
    /// - Parameters:
    ///   - cursor: Where the previous value (or the `{`) ended; left on the value's first
    ///     byte, after a string's opening quote, or after the object's `}`.
    ///   - prediction: The slot that failed to predict this member; set to the next one.
    ///   - context: The object's node.
    @inline(never)
    private mutating func scanMemberStart(
        _ cursor: inout UnsafePointer<UInt8>, prediction: inout Int, context: Int32
    ) throws(ScanFailure) -> MemberStart {
        let end = self.end
        let memberStart = cursor
        JSONScanner.skipWhitespace(&cursor, end)
        guard cursor < end else {
            throw .invalidJSON
        }
        if KeyPredictor.isFirstSlot(prediction) {
            if cursor.pointee == UInt8(ascii: "}") {
                cursor += 1
                return MemberStart(node: JSONScanner.objectEnd)
            }
        } else {
            let delimiter = cursor.pointee
            cursor += 1
            if delimiter == UInt8(ascii: "}") {
                return MemberStart(node: JSONScanner.objectEnd)
            }
            guard delimiter == UInt8(ascii: ",") else {
                throw .invalidJSON
            }
            JSONScanner.skipWhitespace(&cursor, end)
        }
        guard cursor < end, cursor.pointee == UInt8(ascii: "\"") else {
            throw .invalidJSON
        }
        cursor += 1
        let keyStart = cursor
        let isEscaped = try JSONScanner.scanString(&cursor, end)
        let keyCount = cursor - 1 - keyStart
        let words =
            isEscaped ? (head: 0, tail: 0) : FieldTable.words(of: keyStart, count: keyCount, readable: end - keyStart)
        let node =
            isEscaped
            ? lookUpEscaped(context: context, key: keyStart, count: keyCount)
            : table.node(context: context, key: keyStart, count: keyCount, words: words)
        try JSONScanner.expectColon(&cursor, end)
        let shape = node >= 0 ? table.nodes[Int(node)] : nil
        var member = MemberStart(
            node: node, isEntered: shape?.hasChildren ?? false, presence: shape?.presence ?? 0
        )
        let successor = KeyPredictor.successor(after: prediction, head: words.head, tail: words.tail, length: keyCount)
        if !isEscaped {
            member.opensString = cursor.pointee == UInt8(ascii: "\"")
            if member.opensString {
                cursor += 1
            }
            predictor.remember(
                slot: prediction, start: memberStart, length: cursor - memberStart, opensString: member.opensString,
                end: end, context: context, node: node, shape: shape, successor: successor
            )
        }
        prediction = successor
        return member
    }

    /// Validates a string value after its opening quote, moving `cursor` past the closing one,
    /// and stores it under `node` unless the node is -1 (a key nobody maps).
    @inline(__always)
    private static func scanStringValue(
        _ cursor: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, node: Int32,
        slots: UnsafeMutableBufferPointer<ScannedValue>, lineStart: UnsafePointer<UInt8>, generation: UInt32
    ) throws(ScanFailure) {
        let contents = cursor
        let isEscaped = try scanString(&cursor, end)
        if node >= 0 {
            slots[Int(node)].store(
                kind: .string, start: contents - lineStart, count: cursor - 1 - contents, isEscaped: isEscaped,
                generation: generation
            )
        }
    }

    /// The node of a key with escapes, looked up by its unescaped text.
    private func lookUpEscaped(context: Int32, key: UnsafePointer<UInt8>, count: Int) -> Int32 {
        let buffer = scratch.allocate(count)
        defer { scratch.giveBack(count) }
        let length = JSONStringUnescaper.unescape(UnsafeRawBufferPointer(start: key, count: count), into: buffer)
        let unescaped = buffer.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(key)
        return table.node(context: context, key: unescaped, count: length, readable: buffer.count)
    }

    /// Scans the value of a mapped key at the read position and stores it under `node`.
    private mutating func recordValue(node: Int32, depth: Int) throws(ScanFailure) {
        let index = Int(node)
        let shape = table.nodes[index]
        if shape.hasChildren {
            if slots[index].keyGeneration == generation {
                // A duplicate key replaces the whole earlier value, including what was read below it.
                for descendant in (index + 1)..<Int(shape.descendantEnd) {
                    slots[descendant].generation = 0
                    slots[descendant].keyGeneration = 0
                }
            }
            slots[index].keyGeneration = generation
        }
        presence |= shape.presence
        let first = position.pointee
        var kind = JSONKind.object
        var start = 0
        var count = 0
        var isEscaped = false
        var isNonEmpty = false
        switch first {
        case UInt8(ascii: "\""):
            position += 1
            let contents = position
            isEscaped = try JSONScanner.scanString(&position, end)
            kind = .string
            start = contents - lineStart
            count = position - 1 - contents
        case UInt8(ascii: "{") where shape.hasChildren:
            guard depth < maxDepth else {
                throw .tooDeep
            }
            position += 1
            isNonEmpty = try scanMembers(context: node, depth: depth + 1)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            kind = first == UInt8(ascii: "{") ? .object : .array
            isNonEmpty = containerHasMembers()
            try skipValue(depth: depth)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            kind = try JSONScanner.scanLiteral(&position, end)
        default:
            let token = position
            position = try JSONScanner.numberEnd(position, end, parts: &slots[index].number)
            kind = .number
            start = token - lineStart
            count = position - token
        }
        slots[index].generation = generation
        slots[index].kind = kind
        slots[index].start = start
        slots[index].count = count
        slots[index].isEscaped = isEscaped
        slots[index].isNonEmpty = isNonEmpty
    }

    /// Whether the container opening at the read position has a member, without moving.
    private func containerHasMembers() -> Bool {
        var next = position + 1
        JSONScanner.skipWhitespace(&next, end)
        return next < end && next.pointee != UInt8(ascii: "}") && next.pointee != UInt8(ascii: "]")
    }

    /// Validates one value of any kind at the read position without recording it.
    ///
    /// - Parameter baseDepth: The depth of the container holding the value (0 at top level).
    private mutating func skipValue(depth baseDepth: Int) throws(ScanFailure) {
        let objectMark: UInt8 = 1
        let end = self.end
        var cursor = position
        defer { position = cursor }
        var open = 0
        nextValue: while true {
            guard cursor < end else {
                throw .invalidJSON
            }
            switch cursor.pointee {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard baseDepth + open < maxDepth else {
                    throw .tooDeep
                }
                let isObject = cursor.pointee == UInt8(ascii: "{")
                cursor += 1
                JSONScanner.skipWhitespace(&cursor, end)
                guard cursor < end else {
                    throw .invalidJSON
                }
                if cursor.pointee == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    cursor += 1
                } else {
                    containerStack[open] = isObject ? objectMark : 0
                    open += 1
                    if isObject {
                        try JSONScanner.skipKey(&cursor, end)
                    }
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                cursor += 1
                _ = try JSONScanner.scanString(&cursor, end)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                _ = try JSONScanner.scanLiteral(&cursor, end)
            default:
                cursor = try JSONScanner.numberEnd(cursor, end)
            }
            // After a complete value: close containers until one continues with a comma.
            while open > 0 {
                JSONScanner.skipWhitespace(&cursor, end)
                guard cursor < end else {
                    throw .invalidJSON
                }
                let delimiter = cursor.pointee
                cursor += 1
                let inObject = containerStack[open - 1] == objectMark
                if delimiter == UInt8(ascii: ",") {
                    JSONScanner.skipWhitespace(&cursor, end)
                    if inObject {
                        try JSONScanner.skipKey(&cursor, end)
                    }
                    continue nextValue
                }
                guard delimiter == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw .invalidJSON
                }
                open -= 1
            }
            return
        }
    }

    /// Validates a key of a skipped object and the `:` after it.
    @inline(__always)
    private static func skipKey(_ cursor: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure)
    {
        guard cursor < end, cursor.pointee == UInt8(ascii: "\"") else {
            throw .invalidJSON
        }
        cursor += 1
        _ = try scanString(&cursor, end)
        try expectColon(&cursor, end)
    }

    /// Skips whitespace, a `:` and whitespace between a key and its value, leaving `cursor`
    /// on the value's first byte.
    ///
    /// `: ` and `:` before a value, the usual separators, are taken here in one step; the
    /// rest out of line, so that this stays small enough to be inlined in every build (a
    /// release build, which compiles the module in several threads, did not inline the whole).
    @inline(__always)
    private static func expectColon(_ cursor: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure)
    {
        if end - cursor >= 3, cursor[0] == UInt8(ascii: ":") {
            if cursor[1] > 0x20 {
                cursor += 1
                return
            }
            if cursor[1] == UInt8(ascii: " "), cursor[2] > 0x20 {
                cursor += 2
                return
            }
        }
        cursor = try afterColon(cursor, end)
    }

    /// The general path of `expectColon`: the position of the value after any whitespace, a
    /// `:` and any whitespace.
    @inline(never)
    private static func afterColon(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure) -> UnsafePointer<UInt8>
    {
        var cursor = start
        skipWhitespace(&cursor, end)
        guard cursor < end, cursor.pointee == UInt8(ascii: ":") else {
            throw .invalidJSON
        }
        cursor += 1
        skipWhitespace(&cursor, end)
        guard cursor < end else {
            throw .invalidJSON
        }
        return cursor
    }

    /// Moves `cursor` past JSON whitespace.
    ///
    /// The usual cases, nothing or the one space of `", "` and `": "`, are tested first.
    @inline(__always)
    static func skipWhitespace(_ cursor: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) {
        guard end - cursor >= 2 else {
            cursor = afterWhitespace(cursor, end)
            return
        }
        if cursor[0] > 0x20 {
            return
        }
        if cursor[0] == 0x20, cursor[1] > 0x20 {
            cursor += 1
            return
        }
        cursor = afterWhitespace(cursor, end)
    }

    /// The general loop of `skipWhitespace`: the first position at or after `cursor` that is
    /// not whitespace.
    ///
    /// By value rather than `inout`, so that callers' cursors stay in registers.
    private static func afterWhitespace(_ cursor: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>
    {
        var cursor = cursor
        while cursor < end, isWhitespace(cursor.pointee) {
            cursor += 1
        }
        return cursor
    }

    /// Whether `byte` is JSON whitespace within a line: space, tab or carriage return.
    ///
    /// A line feed is JSON whitespace too, but it never lies inside a line: it ends one. The
    /// scanner stops at it, so that given a line and the lines after it, it can never read
    /// past the line's end into a value that is not the line's.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (byte == 0x20 || byte == 0x0D || byte == 0x09)
    }
}
