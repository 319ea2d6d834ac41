import Testing

@testable import MetricsHTTP

@Suite struct HTTPResponseEncoderTests {
    private func encode(
        _ response: HTTPResponse,
        omittingBody: Bool = false,
        keepAlive: Bool = true,
        version: HTTPVersion = .http1_1,
        date: String? = nil
    ) -> String {
        String(
            decoding: HTTPResponseEncoder.encode(
                response, omittingBody: omittingBody, keepAlive: keepAlive, requestVersion: version, date: date),
            as: UTF8.self
        )
    }

    @Test func keptAliveHTTP11ResponseHasContentLengthAndNoConnectionField() {
        let response = HTTPResponse(status: .ok, headers: [("Content-Type", "text/plain")], body: Array("hello".utf8))
        #expect(
            encode(response, date: "Tue, 24 Nov 2026 04:56:38 GMT")
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                + "Date: Tue, 24 Nov 2026 04:56:38 GMT\r\n\r\nhello"
        )
    }

    @Test func closingResponseSaysConnectionClose() {
        #expect(
            encode(HTTPResponse(status: .notFound), keepAlive: false)
                == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
    }

    @Test func keptAliveHTTP10ResponseSaysKeepAlive() {
        #expect(
            encode(HTTPResponse(status: .ok), version: .http1_0)
                == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"
        )
    }

    @Test func headKeepsTheContentLengthAndDropsTheBody() {
        #expect(
            encode(HTTPResponse(status: .ok, body: Array("hello".utf8)), omittingBody: true)
                == "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
        )
    }

    @Test func noContentHasNeitherLengthNorBody() {
        #expect(encode(HTTPResponse(status: .noContent, body: [1, 2])) == "HTTP/1.1 204 No Content\r\n\r\n")
    }

    @Test func fieldsTheServerOwnsOrThatCouldBreakTheMessageAreDropped() {
        let response = HTTPResponse(
            status: HTTPStatus(code: 200, reasonPhrase: "O\r\nK"),
            headers: [
                ("Content-Length", "99"), ("transfer-encoding", "chunked"), ("Connection", "upgrade"), ("Date", "x"),
                ("X-Injected", "a\r\nSet-Cookie: b"), ("Bad Name", "v"), ("", "v"), ("X-Kept", "v"),
            ]
        )
        #expect(encode(response) == "HTTP/1.1 200 OK\r\nX-Kept: v\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func statusCodeOutsideThreeDigitsBecomes500() {
        #expect(
            encode(HTTPResponse(status: HTTPStatus(code: 42, reasonPhrase: "Odd")))
                == "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"
        )
    }
}
