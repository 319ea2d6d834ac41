/// One command-line flag: its name, what it takes, its help line, and how it sets options.
///
/// The parser and `--help` both read the same table, so help can never miss a flag.
struct CommandLineFlag: Sendable {
    /// The flag without its dashes, e.g. `file`.
    let name: String
    /// The value's placeholder in help (`PATTERN`), or `nil` for a switch.
    let valueName: String?
    /// One line of help, with the default.
    let help: String
    /// Applies the flag's value (empty for a switch) to the options.
    let apply: @Sendable (inout ExporterOptions, String) throws(FlagValueError) -> Void
}

/// What is wrong with a flag's value, as the end of a sentence that the parser starts with the
/// flag's name: `needs a positive whole number, not '0'`.
struct FlagValueError: Error {
    /// The words after `flag '--NAME' `.
    let complaint: String

    /// Creates the complaint about a value.
    init(_ complaint: String) {
        self.complaint = complaint
    }
}

/// A command line the exporter cannot run with: one sentence naming the flag or value.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    /// The sentence shown to the user.
    public let description: String

    /// Creates an error with the sentence the user sees.
    public init(_ description: String) {
        self.description = description
    }
}
