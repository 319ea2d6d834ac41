/// One strict RFC 8259 pass over a line that records the values of mapped keys.
///
/// The scanner validates every byte of the line, including the values of keys nobody uses,
/// but builds nothing: a mapped key's value is stored as a kind and a byte range in
/// `LineValues`, and everything else is only checked. Objects under a key that some source
/// path continues through (`usage`, `error`, `gen_ai`) are entered with that key's node as
/// the context; all other containers are skipped by an iterative validator, so the nesting
/// limit bounds memory, never the stack. The first problem in document order decides the
/// reason.
struct JSONScanner {
    /// The line's first byte; value offsets are relative to it.
    let lineStart: UnsafePointer<UInt8>
    /// One past the line's last byte.
    let end: UnsafePointer<UInt8>
    /// The read position.
    var position: UnsafePointer<UInt8>
    /// The deepest nesting allowed; the top-level container is depth 1.
    let maxDepth: Int
    /// The compiled mapping.
    let table: FieldTable
    /// Where mapped values go.
    let slots: UnsafeMutableBufferPointer<ScannedValue>
    /// The current line's generation in `LineValues`.
    let generation: UInt32
    /// Room for one unescaped key, at least as long as the line.
    let keyScratch: UnsafeMutableRawBufferPointer
    /// The open containers of a skipped value, `maxDepth` bytes.
    let containerStack: UnsafeMutablePointer<UInt8>

    /// Scans the whole line.
    ///
    /// - Returns: Whether the top-level value is an object (otherwise it is valid JSON of
    ///   another kind).
    /// - Throws: `ScanFailure` at the first problem.
    mutating func scanLine() throws(ScanFailure) -> Bool {
        skipWhitespace()
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
        skipWhitespace()
        guard position == end else {
            throw .invalidJSON
        }
        return isObject
    }

    /// Scans an object's members after its `{`, up to and including its `}`.
    ///
    /// - Parameters:
    ///   - context: The object's node, or `FieldTable.rootContext` for the top level.
    ///   - depth: The object's own depth.
    /// - Returns: Whether the object has members.
    private mutating func scanMembers(context: Int32, depth: Int) throws(ScanFailure) -> Bool {
        skipWhitespace()
        guard position < end else {
            throw .invalidJSON
        }
        if position.pointee == UInt8(ascii: "}") {
            position += 1
            return false
        }
        while true {
            guard position < end, position.pointee == UInt8(ascii: "\"") else {
                throw .invalidJSON
            }
            position += 1
            let keyStart = position
            let isEscaped = try scanStringBody()
            let node = lookUp(context: context, key: keyStart, count: position - 1 - keyStart, isEscaped: isEscaped)
            try expectColon()
            if node >= 0 {
                try recordValue(node: node, depth: depth)
            } else if position.pointee == UInt8(ascii: "\"") {
                // Most skipped values are scalars: validate them here rather than in the general skipper.
                position += 1
                _ = try scanStringBody()
            } else if position.pointee &- UInt8(ascii: "0") < 10 || position.pointee == UInt8(ascii: "-") {
                try skipNumber()
            } else {
                try skipValue(depth: depth)
            }
            skipWhitespace()
            guard position < end else {
                throw .invalidJSON
            }
            let delimiter = position.pointee
            position += 1
            if delimiter == UInt8(ascii: "}") {
                return true
            }
            guard delimiter == UInt8(ascii: ",") else {
                throw .invalidJSON
            }
            skipWhitespace()
        }
    }

    /// The node of a key in `context`, unescaping the key first when it has escapes.
    @inline(__always)
    private func lookUp(context: Int32, key: UnsafePointer<UInt8>, count: Int, isEscaped: Bool) -> Int32 {
        guard isEscaped else {
            return table.node(context: context, key: key, count: count, readable: end - key)
        }
        let raw = UnsafeRawBufferPointer(start: key, count: count)
        let length = JSONStringUnescaper.unescape(raw, into: keyScratch)
        let unescaped = keyScratch.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(key)
        return table.node(context: context, key: unescaped, count: length, readable: keyScratch.count)
    }

    /// Skips whitespace, a `:` and whitespace between a key and its value.
    @inline(__always)
    private mutating func expectColon() throws(ScanFailure) {
        skipWhitespace()
        guard position < end, position.pointee == UInt8(ascii: ":") else {
            throw .invalidJSON
        }
        position += 1
        skipWhitespace()
        guard position < end else {
            throw .invalidJSON
        }
    }

    /// Scans the value of a mapped key and stores it under `node`.
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
            isEscaped = try scanStringBody()
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
            kind = try scanLiteral()
        default:
            let token = position
            try skipNumber()
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
        while next < end, JSONScanner.isWhitespace(next.pointee) {
            next += 1
        }
        return next < end && next.pointee != UInt8(ascii: "}") && next.pointee != UInt8(ascii: "]")
    }

    /// Validates one value of any kind without recording it.
    ///
    /// - Parameter baseDepth: The depth of the container holding the value (0 at top level).
    private mutating func skipValue(depth baseDepth: Int) throws(ScanFailure) {
        let objectMark: UInt8 = 1
        var open = 0
        nextValue: while true {
            guard position < end else {
                throw .invalidJSON
            }
            switch position.pointee {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard baseDepth + open < maxDepth else {
                    throw .tooDeep
                }
                let isObject = position.pointee == UInt8(ascii: "{")
                position += 1
                skipWhitespace()
                guard position < end else {
                    throw .invalidJSON
                }
                if position.pointee == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                } else {
                    containerStack[open] = isObject ? objectMark : 0
                    open += 1
                    if isObject {
                        try skipKey()
                    }
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                position += 1
                _ = try scanStringBody()
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                _ = try scanLiteral()
            default:
                try skipNumber()
            }
            // After a complete value: close containers until one continues with a comma.
            while open > 0 {
                skipWhitespace()
                guard position < end else {
                    throw .invalidJSON
                }
                let delimiter = position.pointee
                position += 1
                let inObject = containerStack[open - 1] == objectMark
                if delimiter == UInt8(ascii: ",") {
                    skipWhitespace()
                    if inObject {
                        try skipKey()
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
    private mutating func skipKey() throws(ScanFailure) {
        guard position < end, position.pointee == UInt8(ascii: "\"") else {
            throw .invalidJSON
        }
        position += 1
        _ = try scanStringBody()
        try expectColon()
    }

    /// Moves past JSON whitespace.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < end, JSONScanner.isWhitespace(position.pointee) {
            position += 1
        }
    }

    /// Whether `byte` is JSON whitespace (space, tab, line feed, carriage return).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09)
    }
}
