import Testing

@testable import MetricsHTTP

@Suite struct ParsedRequestDispositionTests {
    private func parsed(_ method: HTTPMethod, hasBody: Bool = false, keepAlive: Bool = true) -> ParsedRequest {
        ParsedRequest(request: HTTPRequest(method: method, path: "/"), hasBody: hasBody, keepAlive: keepAlive)
    }

    private func disposition(_ request: ParsedRequest, inHandlers: Int = 0) -> ParsedRequest.Disposition {
        request.disposition(requestsInHandlers: inHandlers, maxConcurrentRequests: 2, retryAfterSeconds: 3)
    }

    @Test func getAndHeadGoToTheHandler() {
        #expect(disposition(parsed(.get)) == .handle)
        #expect(disposition(parsed(.head), inHandlers: 1) == .handle)
    }

    @Test func otherMethodsGet405AndKeepTheConnectionOnlyWithoutABody() {
        let expected = HTTPResponse.plainText(.methodNotAllowed, headers: [("Allow", "GET, HEAD")])
        #expect(disposition(parsed(HTTPMethod(rawValue: "POST"))) == .answer(expected, keepAlive: true))
        #expect(disposition(parsed(HTTPMethod(rawValue: "POST"), hasBody: true)) == .answer(expected, keepAlive: false))
        #expect(disposition(parsed(HTTPMethod(rawValue: "get"))) == .answer(expected, keepAlive: true))
    }

    @Test func getWithABodyGets400AndClose() {
        #expect(disposition(parsed(.get, hasBody: true)) == .answer(.plainText(.badRequest), keepAlive: false))
    }

    @Test func fullHandlersGive503WithRetryAfter() {
        #expect(
            disposition(parsed(.get), inHandlers: 2)
                == .answer(.plainText(.serviceUnavailable, headers: [("Retry-After", "3")]), keepAlive: true)
        )
    }
}
