/// The life of one connection and its deadlines, as a pure state machine that returns actions.
///
/// Time comes in as arguments (`now`), from whatever clock the owner injects, so tests drive
/// it with a mock instant and the event loop with `ContinuousClock`. The deadlines:
/// - **Header read**: the whole header section of a request must arrive within
///   `headerRead` of its first byte (or of the accept, for the first request). Bytes that
///   trickle in do not extend it; that is what cuts slowloris clients.
/// - **Idle**: between a response and the first byte of the next request.
/// - **Write**: a response must be fully written within `write` of being ready, so a client
///   that stops reading cannot pin the connection.
/// - **Linger**: after a response that closes the connection, the server shuts its side
///   down and discards input for at most `linger`, so the client reads the response instead
///   of a reset caused by unread bytes.
/// While a handler runs there is no deadline: the handler's time is the server's.
package struct ConnectionStateMachine<Instant: InstantProtocol>: Sendable
where Instant.Duration == Duration, Instant: Sendable {
    /// The timeout lengths.
    package struct Timeouts: Sendable, Hashable {
        /// Time allowed for a request's header section, from its first byte.
        package var headerRead: Duration
        /// Time allowed between a response and the next request's first byte.
        package var idle: Duration
        /// Time allowed to write one response.
        package var write: Duration
        /// Time spent discarding input after the final response before closing.
        package var linger: Duration

        /// Creates timeouts.
        package init(headerRead: Duration, idle: Duration, write: Duration, linger: Duration) {
            self.headerRead = headerRead
            self.idle = idle
            self.write = write
            self.linger = linger
        }
    }

    /// Where the connection is.
    package enum State: Sendable, Hashable {
        /// Waiting for the first byte of the next request.
        case idle(deadline: Instant)
        /// Receiving a request's header section.
        case readingHeader(deadline: Instant)
        /// A handler is working on the request; nothing is read meanwhile.
        case processing
        /// Writing a response; `thenClose` when it is the connection's last.
        case writing(deadline: Instant, thenClose: Bool)
        /// The final response is written and the write side shut; discarding input.
        case lingering(deadline: Instant)
        /// Closed; no further events matter.
        case closed
    }

    /// Why a connection is closed.
    package enum CloseReason: Sendable, Hashable, CustomStringConvertible {
        /// The header section did not arrive in time.
        case headerReadTimeout
        /// No new request within the idle timeout.
        case idleTimeout
        /// The client did not read the response in time.
        case writeTimeout
        /// The linger period after the final response ended.
        case lingerEnded

        /// A short phrase for logs.
        package var description: String {
            switch self {
            case .headerReadTimeout: "header read timeout"
            case .idleTimeout: "idle timeout"
            case .writeTimeout: "write timeout"
            case .lingerEnded: "linger ended"
            }
        }
    }

    /// What to do once a response has been written completely.
    package enum AfterWrite: Sendable, Hashable {
        /// Read (or parse already buffered bytes of) the next request.
        case readNextRequest
        /// Shut down the write side and discard input until EOF or the linger deadline.
        case shutDownAndLinger
    }

    /// The timeout lengths in force.
    package let timeouts: Timeouts
    /// The current state.
    package private(set) var state: State

    /// Starts a connection accepted at `now`; its first header section is due by `now + headerRead`.
    ///
    /// - Parameters:
    ///   - timeouts: The timeout lengths.
    ///   - now: The accept time.
    package init(timeouts: Timeouts, acceptedAt now: Instant) {
        self.timeouts = timeouts
        self.state = .readingHeader(deadline: now.advanced(by: timeouts.headerRead))
    }

    /// The next deadline, or `nil` while a handler runs or after close.
    package var deadline: Instant? {
        switch state {
        case .idle(let deadline), .readingHeader(let deadline), .writing(let deadline, _), .lingering(let deadline):
            deadline
        case .processing, .closed:
            nil
        }
    }

    /// Whether request bytes should be read and parsed now.
    package var isAwaitingRequest: Bool {
        switch state {
        case .idle, .readingHeader: true
        case .processing, .writing, .lingering, .closed: false
        }
    }

    /// Request bytes are available (received, or left over from a pipelined read).
    ///
    /// Starts the header-read deadline if the connection was idle; never extends it.
    package mutating func requestBytesAvailable(at now: Instant) {
        if case .idle = state {
            state = .readingHeader(deadline: now.advanced(by: timeouts.headerRead))
        }
    }

    /// A complete request went to a handler.
    package mutating func requestDispatched() {
        if isAwaitingRequest { state = .processing }
    }

    /// A response is ready to write: from a handler, or an error the server answers itself.
    ///
    /// - Parameters:
    ///   - now: When it became ready; the write deadline runs from here.
    ///   - thenClose: Whether the connection closes after it.
    package mutating func responseReady(at now: Instant, thenClose: Bool) {
        guard state != .closed else { return }
        state = .writing(deadline: now.advanced(by: timeouts.write), thenClose: thenClose)
    }

    /// The response has been written completely.
    ///
    /// - Parameter now: The time it finished.
    /// - Returns: Whether to go on with the next request or to shut down and linger; `nil`
    ///   when no response was being written.
    package mutating func responseWritten(at now: Instant) -> AfterWrite? {
        guard case .writing(_, let thenClose) = state else { return nil }
        if thenClose {
            state = .lingering(deadline: now.advanced(by: timeouts.linger))
            return .shutDownAndLinger
        }
        state = .idle(deadline: now.advanced(by: timeouts.idle))
        return .readNextRequest
    }

    /// The connection was closed for any reason; later events are ignored.
    package mutating func closed() {
        state = .closed
    }

    /// Checks the deadline.
    ///
    /// - Parameter now: The current time.
    /// - Returns: The reason to close now, or `nil` if the deadline has not passed. After a
    ///   non-nil result the state is `.closed`.
    package mutating func checkDeadline(at now: Instant) -> CloseReason? {
        guard let deadline, now >= deadline else { return nil }
        let reason: CloseReason
        switch state {
        case .idle: reason = .idleTimeout
        case .readingHeader: reason = .headerReadTimeout
        case .writing: reason = .writeTimeout
        case .lingering: reason = .lingerEnded
        case .processing, .closed: return nil
        }
        state = .closed
        return reason
    }
}
