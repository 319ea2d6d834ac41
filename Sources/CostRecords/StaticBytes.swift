/// Static UTF-8 text that can be handed out as a record field for the life of the process.
struct StaticBytes: @unchecked Sendable {
    // Safe: the pointer is into a string literal in the binary's read-only data, never written.
    /// The text's bytes.
    let bytes: UnsafeRawBufferPointer

    /// Wraps a string literal.
    init(_ literal: StaticString) {
        bytes = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }
}
