extension ParsedRequest {
    /// What the server does with a parsed request.
    package enum Disposition: Sendable, Hashable {
        /// Hand it to the handler.
        case handle
        /// Answer it without the handler; `keepAlive` says whether the connection survives.
        case answer(HTTPResponse, keepAlive: Bool)
    }

    /// Decides whether a parsed request goes to the handler or is answered at once.
    ///
    /// - Methods other than `GET` and `HEAD`: 405 with `Allow: GET, HEAD`. The connection is
    ///   closed if the request has a body, because the server does not read bodies.
    /// - `GET` or `HEAD` with a body: 400, and the connection is closed.
    /// - All handler slots busy: 503 with `Retry-After`; the connection is kept as asked.
    ///
    /// - Parameters:
    ///   - requestsInHandlers: Requests currently in handlers.
    ///   - maxConcurrentRequests: The limit on that number.
    ///   - retryAfterSeconds: The `Retry-After` value for 503.
    /// - Returns: The disposition.
    package func disposition(
        requestsInHandlers: Int,
        maxConcurrentRequests: Int,
        retryAfterSeconds: Int
    ) -> Disposition {
        guard request.method == .get || request.method == .head else {
            return .answer(
                .plainText(.methodNotAllowed, headers: [("Allow", "GET, HEAD")]), keepAlive: keepAlive && !hasBody)
        }
        if hasBody { return .answer(.plainText(.badRequest), keepAlive: false) }
        if requestsInHandlers >= maxConcurrentRequests {
            return .answer(
                .plainText(.serviceUnavailable, headers: [("Retry-After", "\(retryAfterSeconds)")]),
                keepAlive: keepAlive)
        }
        return .handle
    }
}
