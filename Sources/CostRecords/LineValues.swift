/// The JSON kind of a scanned value.
enum JSONKind: UInt8 {
    case string
    case number
    case `true`
    case `false`
    case null
    case object
    case array
}

/// What the scanner saw under one node of the `FieldTable` in the current line.
struct ScannedValue {
    /// Offset in the line of a string's contents (inside the quotes) or of a number's token.
    var start: Int
    /// Length of that string content or number token; 0 for other kinds.
    var count: Int
    /// Equal to `LineValues.generation` exactly when this value belongs to the current line.
    var generation: UInt32
    /// Equal to `LineValues.generation` once the node's key was seen in the current line;
    /// a second sighting is a duplicate key whose old descendants must go.
    var keyGeneration: UInt32
    /// The value's JSON kind.
    var kind: JSONKind
    /// For a string: whether its raw bytes contain escapes, so they must be unescaped to use.
    var isEscaped: Bool
    /// For an object or array: whether it has members.
    var isNonEmpty: Bool
    /// For a number: its parts, taken apart as it was scanned.
    var number = NumberParts()

    /// Makes this the current line's scalar value (a string or number), keeping `keyGeneration`
    /// (and `number`, which the scanner writes in place).
    @inline(__always)
    mutating func store(kind: JSONKind, start: Int, count: Int, isEscaped: Bool, generation: UInt32) {
        self.generation = generation
        self.kind = kind
        self.start = start
        self.count = count
        self.isEscaped = isEscaped
        isNonEmpty = false
    }

}

/// The per-node values of the line being decoded, reused across lines without clearing.
///
/// A value is current when its `generation` equals the line's; starting a line only bumps
/// the counter, so no per-line work grows with the size of the mapping.
final class LineValues {
    /// One slot per `FieldTable` node.
    let slots: UnsafeMutableBufferPointer<ScannedValue>
    /// The current line's generation, behind a pointer so that reading it per line carries
    /// no dynamic exclusivity check; never 0 while a line is scanned.
    private let generationStorage: UnsafeMutablePointer<UInt32>

    /// The current line's generation.
    var generation: UInt32 {
        @inline(__always) get { generationStorage.pointee }
    }

    /// Creates empty slots for `nodeCount` nodes.
    init(nodeCount: Int) {
        generationStorage = .allocate(capacity: 1)
        generationStorage.initialize(to: 0)
        slots = .allocate(capacity: max(nodeCount, 1))
        slots.initialize(
            repeating: ScannedValue(
                start: 0, count: 0, generation: 0, keyGeneration: 0, kind: .null, isEscaped: false, isNonEmpty: false
            )
        )
    }

    deinit {
        slots.deallocate()
        generationStorage.deallocate()
    }

    /// Forgets every value of the previous line.
    @inline(__always)
    func beginLine() {
        generationStorage.pointee &+= 1
        if generationStorage.pointee == 0 {
            // After 2³² lines the counter wraps; old generations could look current again.
            for index in slots.indices {
                slots[index].generation = 0
                slots[index].keyGeneration = 0
            }
            generationStorage.pointee = 1
        }
    }
}
