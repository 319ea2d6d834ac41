import Glibc

extension EventLoop {
    /// Reacts to epoll readiness on a connection.
    func handle(_ events: UInt32, on connection: Connection) {
        if events & Epoll.writable != 0 {
            if flush(connection) { processInbound(on: connection) }
            guard connections[connection.id] != nil else { return }
        }
        if events & (Epoll.readable | Epoll.hangUp | Epoll.error) != 0 {
            if case .lingering = connection.machine.state {
                discardInput(on: connection)
            } else if connection.machine.isAwaitingRequest {
                receive(on: connection)
            } else if events & (Epoll.hangUp | Epoll.error) != 0 {
                close(connection, because: "connection reset or hung up")
            }
        }
    }

    /// Reads what is available and parses it.
    private func receive(on connection: Connection) {
        // Only a partial head is buffered here (complete ones were taken by `processInbound`),
        // and the parser fails before a head passes `maxHeadSize`: reading no more than that
        // bounds each connection's memory.
        let room = max(1, min(readBuffer.count, parserLimits.maxHeadSize - connection.inbound.count))
        let count = readBuffer.withUnsafeMutableBytes { recv(connection.descriptor, $0.baseAddress, room, 0) }
        if count > 0 {
            connection.inbound.append(contentsOf: readBuffer[0..<count])
            processInbound(on: connection)
        } else if count == 0 {
            // Anything complete was dispatched after the previous read; a fragment is abandoned.
            close(connection, because: connection.inbound.isEmpty ? "client closed" : "client closed mid-request")
        } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
            close(connection, because: "read failed: \(SystemError.message(for: errno))")
        }
    }

    /// Parses buffered bytes into requests, one at a time; pipelined requests wait in
    /// `inbound` until the response before them has been written, which keeps them in order.
    /// Responses the loop writes at once let the loop go on to the next buffered request.
    func processInbound(on connection: Connection) {
        while connection.machine.isAwaitingRequest && !connection.inbound.isEmpty {
            connection.machine.requestBytesAvailable(at: clock.now)
            switch connection.parser.parse(connection.inbound) {
            case .needMoreBytes:
                setInterest(Epoll.readable, on: connection)
                return
            case .failure(let error):
                context.logger(.debug, "bad request on connection \(connection.id): \(error)")
                connection.inbound = []
                respond(on: connection, with: .plainText(error.status), to: nil, keepAlive: false)
                return
            case .request(let parsed, let consumed):
                if consumed == connection.inbound.count {
                    // Release the buffer: an idle kept-alive connection should cost no memory.
                    connection.inbound = []
                } else {
                    connection.inbound.removeFirst(consumed)
                }
                dispatch(parsed, on: connection)
            }
        }
        if connection.machine.isAwaitingRequest { setInterest(Epoll.readable, on: connection) }
    }

    private func dispatch(_ parsed: ParsedRequest, on connection: Connection) {
        let disposition = parsed.disposition(
            requestsInHandlers: requestsInHandlers,
            maxConcurrentRequests: context.configuration.maxConcurrentRequests,
            retryAfterSeconds: context.configuration.retryAfterSeconds
        )
        switch disposition {
        case .answer(let response, let keepAlive):
            respond(on: connection, with: response, to: parsed.request, keepAlive: keepAlive)
        case .handle:
            requestsInHandlers += 1
            connection.machine.requestDispatched()
            // Nothing is read while the handler works; the next request waits in the socket.
            setInterest(0, on: connection)
            let request = parsed.request
            let keepAlive = parsed.keepAlive
            let id = connection.id
            let handler = context.handler
            let mailbox = context.mailbox
            let logger = context.logger
            context.pool.submit {
                let bytes = Self.render(request, keepAlive: keepAlive, handler: handler, logger: logger)
                mailbox.post(.init(connectionID: id, bytes: bytes, keepAlive: keepAlive))
            }
        }
    }

    /// The worker's job: runs the handler, gzips if allowed, and encodes the response.
    private static func render(
        _ request: HTTPRequest,
        keepAlive: Bool,
        handler: HTTPServer.Handler,
        logger: HTTPLogger
    ) -> [UInt8] {
        let (response, failure) = handler(request).negotiatingCompression(
            for: AcceptEncoding(request.headers.first("Accept-Encoding")),
            using: GzipEncoder()
        )
        if let failure { logger(.debug, "sending uncompressed: \(failure)") }
        return wireBytes(for: response, answering: request, keepAlive: keepAlive)
    }

    /// Encodes a response with the current `Date`; `request` is `nil` when it could not be parsed.
    private static func wireBytes(for response: HTTPResponse, answering request: HTTPRequest?, keepAlive: Bool)
        -> [UInt8]
    {
        HTTPResponseEncoder.encode(
            response,
            omittingBody: request?.method == .head,
            keepAlive: keepAlive,
            requestVersion: request?.version ?? .http1_1,
            date: HTTPDate.now()
        )
    }

    /// Writes a response the loop produced itself (an error, 405, 503).
    private func respond(
        on connection: Connection, with response: HTTPResponse, to request: HTTPRequest?, keepAlive: Bool
    ) {
        startWriting(
            Self.wireBytes(for: response, answering: request, keepAlive: keepAlive), on: connection,
            keepAlive: keepAlive)
    }

    /// Takes a worker's response; the connection may have been closed meanwhile.
    func deliver(_ completion: EventLoopMailbox.Completion) {
        requestsInHandlers -= 1
        guard let connection = connections[completion.connectionID] else { return }
        if startWriting(completion.bytes, on: connection, keepAlive: completion.keepAlive) {
            processInbound(on: connection)
        }
    }

    /// Starts writing a response.
    ///
    /// - Returns: Whether it was written at once and the connection awaits its next request.
    @discardableResult
    private func startWriting(_ bytes: [UInt8], on connection: Connection, keepAlive: Bool) -> Bool {
        connection.outbound = bytes
        connection.written = 0
        connection.machine.responseReady(at: clock.now, thenClose: !keepAlive)
        return flush(connection)
    }

    /// Writes as much of the response as the socket takes; when it is all written, either
    /// readies the connection for its next request or shuts it down to linger.
    ///
    /// It never parses the next request itself, so pipelined requests are handled by a loop
    /// in `processInbound` rather than by recursion.
    ///
    /// - Returns: Whether the response is complete and the connection awaits its next request.
    func flush(_ connection: Connection) -> Bool {
        guard case .writing = connection.machine.state else { return false }
        while connection.written < connection.outbound.count {
            let count = connection.outbound.withUnsafeBytes { bytes in
                // MSG_NOSIGNAL: a client that has gone must not raise SIGPIPE in the process.
                send(
                    connection.descriptor,
                    bytes.baseAddress.map { $0 + connection.written },
                    bytes.count - connection.written,
                    Int32(MSG_NOSIGNAL)
                )
            }
            if count >= 0 {
                connection.written += count
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                setInterest(Epoll.writable, on: connection)
                return false
            } else if errno != EINTR {
                close(connection, because: "write failed: \(SystemError.message(for: errno))")
                return false
            }
        }
        connection.outbound = []
        connection.written = 0
        switch connection.machine.responseWritten(at: clock.now) {
        case .readNextRequest:
            setInterest(Epoll.readable, on: connection)
            return true
        case .shutDownAndLinger:
            shutdown(connection.descriptor, Int32(SHUT_WR))
            setInterest(Epoll.readable, on: connection)
            return false
        case nil:
            return false
        }
    }

    /// Reads and drops input after the final response, closing at EOF.
    private func discardInput(on connection: Connection) {
        let count = readBuffer.withUnsafeMutableBytes { recv(connection.descriptor, $0.baseAddress, $0.count, 0) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            close(connection, because: "response sent, connection closed")
        }
    }
}
