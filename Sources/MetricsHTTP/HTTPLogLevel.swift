/// The severity of a message the server passes to its logger closure.
///
/// Connection-level events (a bad request, a timeout, a reset) are `.debug`: on a hostile
/// network they are routine and must not flood the log.
public enum HTTPLogLevel: Int, Sendable, Hashable, Comparable {
    /// Per-connection events and errors.
    case debug
    /// Lifecycle: listening, stopped.
    case info
    /// Degraded but serving, e.g. out of file descriptors.
    case warning

    /// Orders levels from `.debug` to `.warning`.
    public static func < (lhs: HTTPLogLevel, rhs: HTTPLogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The logger the server is handed: called with a level and one line of text, from any thread.
public typealias HTTPLogger = @Sendable (HTTPLogLevel, String) -> Void
