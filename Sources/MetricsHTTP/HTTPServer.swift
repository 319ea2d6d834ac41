import Dispatch
import Foundation
import Synchronization

/// A small HTTP/1.1 server for a metrics endpoint, built to stay up on a hostile network.
///
/// One event-loop thread does all socket I/O with epoll; complete requests go to a pool of
/// `maxConcurrentRequests` worker threads that run the handler, gzip the response when it is
/// marked compressible and the client accepts gzip (see `HTTPResponse.isCompressible`), and
/// encode it. Only `GET` and `HEAD` reach the handler; routing by path is the handler's job.
/// Every limit is in `HTTPServerConfiguration`. Connection errors are logged at `.debug`
/// through the injected logger, never printed.
///
/// ```swift
/// let server = try HTTPServer(configuration: .init(port: 10042), logger: log) { request in
///     HTTPResponse(status: .ok, headers: [("Content-Type", "text/plain")], body: Array("hi\n".utf8))
/// }
/// try server.start()
/// server.stop()
/// ```
public final class HTTPServer: Sendable {
    /// Handles one request on a worker thread and returns the whole response.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    private enum State {
        case ready
        case running(mailbox: EventLoopMailbox, finished: DispatchSemaphore, port: UInt16)
        case stopped
    }

    /// How long `stop()` waits for the event loop to close everything.
    private static let stopTimeout = DispatchTimeInterval.seconds(2)

    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    private let logger: HTTPLogger
    private let handler: Handler
    private let state = Mutex(State.ready)

    /// Creates a server; nothing is bound until `start()`.
    ///
    /// - Parameters:
    ///   - configuration: Where to listen and the limits.
    ///   - logger: Receives one line per event; connection-level events at `.debug`.
    ///   - handler: Called on a worker thread for each `GET` or `HEAD` request.
    /// - Throws: `HTTPServerError.invalidConfiguration` if a limit is out of range.
    public init(
        configuration: HTTPServerConfiguration,
        logger: @escaping HTTPLogger = { _, _ in },
        handler: @escaping Handler
    ) throws(HTTPServerError) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    deinit {
        stop()
    }

    /// The port the server listens on (the chosen one when the configuration asked for 0),
    /// or `nil` when it is not running.
    public var boundPort: UInt16? {
        state.withLock { state in
            if case .running(_, _, let port) = state { return port }
            return nil
        }
    }

    /// Binds, starts the event loop and the workers, and returns once the server is listening.
    ///
    /// - Throws: `HTTPServerError.alreadyStarted`, `.cannotResolve` or `.cannotListen`.
    public func start() throws(HTTPServerError) {
        let host = configuration.host.isEmpty ? "every interface" : configuration.host
        let address = "\(host) port \(configuration.port)"
        let port = try state.withLock { (state: inout State) throws(HTTPServerError) -> UInt16 in
            guard case .ready = state else { throw .alreadyStarted }
            let listener = try ListeningSocket.open(
                host: configuration.host,
                port: configuration.port,
                backlog: 1024
            )
            let mailbox: EventLoopMailbox
            do throws(HTTPServerError) {
                mailbox = try EventLoopMailbox(address: address)
            } catch {
                close(listener.descriptor)
                throw error
            }
            let pool = WorkerPool(threadCount: configuration.maxConcurrentRequests, name: "http-worker")
            let context = EventLoop.Context(
                configuration: configuration,
                listeners: [listener],
                mailbox: mailbox,
                pool: pool,
                handler: handler,
                logger: logger
            )
            // Handed to the loop thread below and never touched here again, so only one thread
            // ever uses it: that is what makes the unchecked transfer safe.
            nonisolated(unsafe) let loop: EventLoop
            do throws(HTTPServerError) {
                loop = try EventLoop(context: context, address: address)
            } catch {
                pool.shutDown()
                close(listener.descriptor)
                throw error
            }
            let finished = DispatchSemaphore(value: 0)
            let thread = Thread {
                loop.run()
                finished.signal()
            }
            thread.name = "http-event-loop"
            thread.start()
            state = .running(mailbox: mailbox, finished: finished, port: listener.port)
            return listener.port
        }
        logger(.info, "HTTP server listening on \(host) port \(port)")
    }

    /// Stops accepting, closes every connection and listener, and returns within about a second.
    ///
    /// Responses still in handlers are dropped; the worker threads exit when their handlers
    /// return. Calling it again, or before `start()`, does nothing. A stopped server cannot be
    /// started again; create a new one.
    public func stop() {
        let running = state.withLock { state -> (EventLoopMailbox, DispatchSemaphore)? in
            guard case .running(let mailbox, let finished, _) = state else { return nil }
            state = .stopped
            return (mailbox, finished)
        }
        guard let (mailbox, finished) = running else { return }
        mailbox.requestStop()
        if finished.wait(timeout: .now() + Self.stopTimeout) == .timedOut {
            logger(.warning, "HTTP server event loop did not stop within \(Self.stopTimeout)")
        } else {
            logger(.info, "HTTP server stopped")
        }
    }
}
