/// How severe a log message is; messages below the configured level are not written.
public enum LogLevel: String, Sendable, CaseIterable, Comparable {
    /// Per-event detail: every rejected line, every connection.
    case debug
    /// Start, stop, file rotations and other notable but normal events.
    case info
    /// Something is wrong but the exporter goes on.
    case warn
    /// Something failed.
    case error

    /// Whether `lhs` is less severe than `rhs`.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.severity < rhs.severity
    }

    private var severity: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .warn: 2
        case .error: 3
        }
    }
}
