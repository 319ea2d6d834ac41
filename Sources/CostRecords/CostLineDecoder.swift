/// Turns one JSON line into a `CostRecord` or a `LineErrorReason`.
///
/// PLACEHOLDER: the decoder is being written on its own branch.
public final class CostLineDecoder {
    /// The field names this decoder resolves.
    public let mapping: CostFieldMapping

    /// Creates a decoder for the given field mapping.
    public init(mapping: CostFieldMapping = .builtIn) {
        self.mapping = mapping
    }

    /// Decodes one line (without its newline).
    public func decode(_ line: UnsafeRawBufferPointer) -> DecodeOutcome {
        .failure(.invalidJSON)
    }
}

/// What decoding one line gave.
public enum DecodeOutcome {
    /// A record; its text fields are valid until the decoder's next call.
    case record(CostRecord)
    /// A counted error.
    case failure(LineErrorReason)
}

/// Which JSON fields feed each record field.
///
/// PLACEHOLDER: the decoder branch defines the real shape.
public struct CostFieldMapping: Sendable {
    /// The built-in field names, covering every documented record shape.
    public static let builtIn = CostFieldMapping()
}
