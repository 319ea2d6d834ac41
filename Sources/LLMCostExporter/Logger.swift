/// Writes one logfmt line per event to a sink (stderr in the program), filtered by level.
///
/// Handed to the parts that log; nothing builds its own.
public struct Logger: Sendable {
    /// The least severe level written.
    public let level: LogLevel
    private let write: @Sendable (String) -> Void

    /// Creates a logger.
    ///
    /// - Parameters:
    ///   - level: Messages below it are dropped.
    ///   - write: Receives each complete line, newline included.
    public init(level: LogLevel, write: @escaping @Sendable (String) -> Void) {
        self.level = level
        self.write = write
    }

    /// A logger writing to standard error.
    public static func standardError(level: LogLevel) -> Logger {
        Logger(level: level, write: StandardStream.writeError)
    }

    /// Logs `message` at `messageLevel`, with optional key-value context.
    public func log(_ messageLevel: LogLevel, _ message: String, _ context: KeyValuePairs<String, String> = [:]) {
        guard messageLevel >= level else { return }
        var line = "level=\(messageLevel.rawValue) msg=\(Self.quoted(message))"
        for (key, value) in context {
            line += " \(key)=\(Self.quoted(value))"
        }
        write(line + "\n")
    }

    private static func quoted(_ text: String) -> String {
        let needsQuotes =
            text.isEmpty || text.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0 == "\n" }
        guard needsQuotes else { return text }
        var escaped = "\""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }
}
