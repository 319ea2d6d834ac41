import Glibc

/// The server's I/O: one thread, non-blocking sockets, level-triggered epoll.
///
/// It accepts connections, reads and parses request heads, answers protocol errors itself,
/// hands complete requests to the worker pool, writes the responses the workers post back,
/// and enforces every deadline. Everything here runs on the loop's own thread; other threads
/// reach it only through the `EventLoopMailbox`.
final class EventLoop {
    /// Everything the loop needs, all `Sendable`, handed over from the thread that starts it.
    struct Context: Sendable {
        var configuration: HTTPServerConfiguration
        var listeners: [ListeningSocket]
        var mailbox: EventLoopMailbox
        var pool: WorkerPool
        var handler: @Sendable (HTTPRequest) -> HTTPResponse
        var logger: HTTPLogger
    }

    /// The epoll token of the mailbox's wake-up pipe.
    private static let mailboxToken: UInt64 = 0
    /// Listener tokens are `listenerTokenBase + index`; connection tokens start above them.
    private static let listenerTokenBase: UInt64 = 1
    private static let firstConnectionID: UInt64 = 1 << 32
    /// Connections accepted per wake-up, so a flood of connects cannot starve the others.
    private static let acceptBatch = 256
    /// How long accepting pauses when the process is out of descriptors or memory.
    private static let acceptPause = Duration.milliseconds(100)

    let context: Context
    let epoll: Epoll
    let clock = ContinuousClock()
    let timeouts: ConnectionStateMachine<ContinuousClock.Instant>.Timeouts
    let parserLimits: HTTPRequestParser.Limits
    /// Open connections by id.
    var connections: [UInt64: Connection] = [:]
    private var nextConnectionID = firstConnectionID
    /// Requests handed to workers whose responses have not come back.
    var requestsInHandlers = 0
    /// When accepting resumes after running out of descriptors; `nil` while accepting.
    private var acceptPausedUntil: ContinuousClock.Instant?
    /// How often deadlines are checked: a quarter of the shortest timeout, within 10–250 ms.
    private let sweepInterval: Duration
    private var nextSweep: ContinuousClock.Instant
    /// Scratch space for `recv`, shared by all connections.
    var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Prepares the loop and registers the mailbox and listeners with epoll; `run()` does the work.
    ///
    /// - Parameters:
    ///   - context: The listeners, mailbox, pool, handler and logger.
    ///   - address: The listen address, for error messages.
    /// - Throws: `HTTPServerError.cannotListen` if epoll cannot be set up. The listeners are
    ///   not closed; the caller still owns them.
    init(context: Context, address: String) throws(HTTPServerError) {
        let configuration = context.configuration
        guard let epoll = Epoll(capacity: 256) else {
            throw .cannotListen(address: address, call: "epoll_create1", errno: errno)
        }
        self.context = context
        self.epoll = epoll
        timeouts = .init(
            headerRead: configuration.headerReadTimeout,
            idle: configuration.idleTimeout,
            write: configuration.writeTimeout,
            linger: configuration.closeLingerTimeout
        )
        parserLimits = .init(
            maxRequestTargetLength: configuration.maxRequestTargetLength,
            maxHeaderSectionSize: configuration.maxHeaderSectionSize
        )
        let shortest = [timeouts.headerRead, timeouts.idle, timeouts.write, timeouts.linger].min() ?? .seconds(1)
        sweepInterval = min(max(shortest / 4, .milliseconds(10)), .milliseconds(250))
        nextSweep = clock.now
        guard epoll.add(context.mailbox.wakeFD, events: Epoll.readable, token: Self.mailboxToken) else {
            throw .cannotListen(address: address, call: "epoll_ctl", errno: errno)
        }
        for (index, listener) in context.listeners.enumerated() {
            guard epoll.add(listener.descriptor, events: Epoll.readable, token: Self.listenerTokenBase + UInt64(index))
            else { throw .cannotListen(address: address, call: "epoll_ctl", errno: errno) }
        }
    }

    /// Runs until the mailbox asks it to stop, then closes every connection and listener.
    func run() {
        defer { closeEverything() }
        while true {
            let events = epoll.wait(timeoutMilliseconds: millisecondsUntilNextSweep())
            for event in events {
                switch event.token {
                case Self.mailboxToken:
                    let delivery = context.mailbox.take()
                    if delivery.stopRequested { return }
                    for completion in delivery.completions { deliver(completion) }
                case Self.listenerTokenBase..<Self.firstConnectionID:
                    acceptConnections(from: context.listeners[Int(event.token - Self.listenerTokenBase)])
                default:
                    guard let connection = connections[event.token] else { continue }
                    handle(event.events, on: connection)
                }
            }
            sweepIfDue()
        }
    }

    private func millisecondsUntilNextSweep() -> Int32 {
        let wait = clock.now.duration(to: nextSweep)
        guard wait > .zero else { return 0 }
        let (seconds, attoseconds) = wait.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// Checks every connection's deadline, and resumes accepting after a pause.
    private func sweepIfDue() {
        let now = clock.now
        guard now >= nextSweep else { return }
        nextSweep = now.advanced(by: sweepInterval)
        for connection in Array(connections.values) {
            if let reason = connection.machine.checkDeadline(at: now) {
                close(connection, because: reason.description)
            }
        }
        if let resume = acceptPausedUntil, now >= resume {
            acceptPausedUntil = nil
            setListenerInterest(Epoll.readable)
        }
    }

    private func acceptConnections(from listener: ListeningSocket) {
        for _ in 0..<Self.acceptBatch {
            let descriptor = accept(listener.descriptor, nil, nil)
            guard descriptor >= 0 else {
                switch errno {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    pauseAccepting(because: SystemError.message(for: errno))
                    return
                default:
                    context.logger(.debug, "accept failed: \(SystemError.message(for: errno))")
                    return
                }
            }
            guard connections.count < context.configuration.maxConnections else {
                context.logger(.debug, "connection refused: \(connections.count) open, the limit")
                Glibc.close(descriptor)
                continue
            }
            open(descriptor)
        }
    }

    /// Stops accepting for a moment; the listeners stay readable, and level-triggered epoll
    /// would otherwise spin on a connection that cannot be accepted.
    private func pauseAccepting(because reason: String) {
        context.logger(.warning, "HTTP server pauses accepting for \(Self.acceptPause): \(reason)")
        acceptPausedUntil = clock.now.advanced(by: Self.acceptPause)
        setListenerInterest(0)
    }

    /// Watches the listeners for `events`: readable to accept, nothing while paused.
    private func setListenerInterest(_ events: UInt32) {
        for (index, listener) in context.listeners.enumerated() {
            _ = epoll.modify(listener.descriptor, events: events, token: Self.listenerTokenBase + UInt64(index))
        }
    }

    private func open(_ descriptor: Int32) {
        var on: Int32 = 1
        // Responses go out in one write; without this a pipelined second response could wait
        // for the client's delayed ACK.
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        guard FileDescriptor.makeNonBlocking(descriptor) else {
            context.logger(.debug, "cannot make connection non-blocking: \(SystemError.message(for: errno))")
            Glibc.close(descriptor)
            return
        }
        let id = nextConnectionID
        nextConnectionID += 1
        let connection = Connection(
            id: id,
            descriptor: descriptor,
            machine: ConnectionStateMachine(timeouts: timeouts, acceptedAt: clock.now),
            parser: HTTPRequestParser(limits: parserLimits),
            interest: Epoll.readable
        )
        guard epoll.add(descriptor, events: Epoll.readable, token: id) else {
            context.logger(.debug, "cannot watch connection: \(SystemError.message(for: errno))")
            Glibc.close(descriptor)
            return
        }
        connections[id] = connection
    }

    /// Asks epoll for `events` on a connection, if that is a change.
    func setInterest(_ events: UInt32, on connection: Connection) {
        guard connection.interest != events else { return }
        connection.interest = events
        _ = epoll.modify(connection.descriptor, events: events, token: connection.id)
    }

    /// Closes a connection and forgets it. A response still in a handler is dropped when it arrives.
    func close(_ connection: Connection, because reason: String) {
        context.logger(.debug, "closing connection \(connection.id): \(reason)")
        connection.machine.closed()
        epoll.remove(connection.descriptor)
        Glibc.close(connection.descriptor)
        connections[connection.id] = nil
    }

    private func closeEverything() {
        for connection in Array(connections.values) {
            epoll.remove(connection.descriptor)
            Glibc.close(connection.descriptor)
        }
        connections = [:]
        for listener in context.listeners {
            epoll.remove(listener.descriptor)
            Glibc.close(listener.descriptor)
        }
        context.pool.shutDown()
    }
}
