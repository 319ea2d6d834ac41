import ConfigYAML

/// A config file the exporter cannot use: `FILE:LINE:COLUMN: message`, as compilers write it.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The config file's path as given.
    public let fileName: String
    /// Where in the file, or `nil` when the problem is the whole file (unreadable, say).
    public let mark: Mark?
    /// What is wrong and, where it helps, what would be right.
    public let message: String

    /// Creates an error at a position in the file.
    public init(fileName: String, mark: Mark?, message: String) {
        self.fileName = fileName
        self.mark = mark
        self.message = message
    }

    /// Wraps a YAML syntax error.
    init(_ error: YAMLError) {
        self.init(fileName: error.fileName, mark: error.mark, message: error.message)
    }

    /// `FILE:LINE:COLUMN: message`, or `FILE: message` without a position.
    public var description: String {
        guard let mark else { return "\(fileName): \(message)" }
        return "\(fileName):\(mark.line):\(mark.column): \(message)"
    }
}
