/// Why a LiteLLM-format price file could not be loaded.
///
/// `description` is `FILE: message`, naming the entry and key at fault where there is one.
public struct PriceFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path, or the name the caller gave the data.
    public var fileName: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(fileName: String, message: String) {
        self.fileName = fileName
        self.message = message
    }

    /// `FILE: message`.
    public var description: String { "\(fileName): \(message)" }
}
