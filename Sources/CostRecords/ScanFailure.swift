/// Why the scanner rejected a line: one of the decoder's syntax-level reasons.
struct ScanFailure: Error, Equatable {
    /// The reason reported for the line.
    let reason: LineErrorReason

    /// A syntax error, trailing garbage, a bad escape or a control character in a string.
    static let invalidJSON = ScanFailure(reason: .invalidJSON)
    /// A string whose bytes are not UTF-8.
    static let invalidUTF8 = ScanFailure(reason: .invalidUTF8)
    /// Containers nested deeper than the decoder's limit.
    static let tooDeep = ScanFailure(reason: .tooDeep)
}
