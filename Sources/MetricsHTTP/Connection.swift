/// One client connection's state, owned and touched only by the event loop thread.
final class Connection {
    /// The token the connection is registered with in epoll; never reused, unlike descriptors.
    let id: UInt64
    /// The socket.
    let descriptor: Int32
    /// Deadlines and phase.
    var machine: ConnectionStateMachine<ContinuousClock.Instant>
    /// The request parser; its scan position refers to `inbound`.
    var parser: HTTPRequestParser
    /// Bytes received and not yet consumed by a request.
    var inbound: [UInt8] = []
    /// The response being written.
    var outbound: [UInt8] = []
    /// How much of `outbound` has been written.
    var written = 0
    /// The epoll events currently asked for.
    var interest: UInt32

    init(
        id: UInt64,
        descriptor: Int32,
        machine: ConnectionStateMachine<ContinuousClock.Instant>,
        parser: HTTPRequestParser,
        interest: UInt32
    ) {
        self.id = id
        self.descriptor = descriptor
        self.machine = machine
        self.parser = parser
        self.interest = interest
    }
}
