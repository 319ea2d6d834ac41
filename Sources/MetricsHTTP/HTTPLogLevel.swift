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

/// The logger the server is handed: called with a level and one line of text.
///
/// It is called from the event loop thread and from worker threads, so it must be quick and
/// thread-safe: drop levels below the configured one first, and never block on I/O for long,
/// or every connection waits. Under attack `.debug` lines come once per bad connection.
public typealias HTTPLogger = @Sendable (HTTPLogLevel, String) -> Void
