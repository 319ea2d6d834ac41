/// Why a YAML document was rejected, and where.
///
/// The `description` is `FILE:LINE:COLUMN: message`, ready to print; the message is a sentence
/// the user can act on (most say what to write instead, often "quote it").
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name given to the parser, as given.
    public var fileName: String
    /// The position of the offending character or construct.
    public var mark: Mark
    /// What is wrong, without the position.
    public var message: String

    /// Creates an error for `fileName` at `mark`.
    public init(fileName: String, mark: Mark, message: String) {
        self.fileName = fileName
        self.mark = mark
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`.
    public var description: String { "\(fileName):\(mark.line):\(mark.column): \(message)" }
}
