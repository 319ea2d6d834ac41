import CZlib
import Dispatch
import ExporterTestSupport
import Glibc
import Testing

@testable import MetricsHTTP

/// Scenarios over real loopback sockets: raw request bytes in, raw response bytes out.
@Suite struct HTTPServerTests {
    private let metricsResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nVary: Accept-Encoding\r\n"
        + "Content-Length: 5\r\nConnection: close\r\nDate: <date>\r\n\r\nup 1\n"

    @Test func validGETIsAnsweredWithTheHandlersResponse() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(normalisingDate(response) == metricsResponse)
    }

    @Test func headGetsTheSameHeadWithContentLengthAndNoBody() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(normalisingDate(response) == String(metricsResponse.dropLast("up 1\n".count)))
    }

    @Test func unknownPathGetsTheHandlers404() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(
            normalisingDate(response)
                == "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: close\r\n"
                + "Date: <date>\r\n\r\nnot found\n"
        )
    }

    @Test func otherMethodsGet405WithAllowAndTheConnectionStaysOpen() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("DELETE /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(
            normalisingDate(try client.readResponse())
                == "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain; charset=utf-8\r\nAllow: GET, HEAD\r\n"
                + "Content-Length: 23\r\nDate: <date>\r\n\r\n405 Method Not Allowed\n"
        )
        try client.send("GET /echo?after HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().hasSuffix("\r\n\r\n/echo?after"))
    }

    @Test func malformedRequestLineGetsExactlyOne400WithConnectionCloseThenEOF() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET  /metrics HTTP/1.1\r\nHost: x\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(
            normalisingDate(response)
                == "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 16\r\n"
                + "Connection: close\r\nDate: <date>\r\n\r\n400 Bad Request\n"
        )
    }

    @Test func getWithABodyGets400AndTheConnectionCloses() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(response.contains("\r\nConnection: close\r\n"))
    }

    @Test func oversizedHeaderSectionGets431AndTheConnectionCloses() throws {
        let (server, port) = try startServer { $0.maxHeaderSectionSize = 1024 }
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 2000))\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(
            normalisingDate(response)
                == "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 36\r\nConnection: close\r\nDate: <date>\r\n\r\n431 Request Header Fields Too Large\n"
        )
    }

    @Test func overlongRequestTargetGets414() throws {
        let (server, port) = try startServer { $0.maxRequestTargetLength = 100 }
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
        #expect(response.contains("\r\nConnection: close\r\n"))
    }

    @Test func keepAliveServesTwoSequentialRequestsOnOneConnection() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /echo?first HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(
            normalisingDate(try client.readResponse())
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nDate: <date>\r\n\r\n/echo?first"
        )
        try client.send("GET /echo?second HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().hasSuffix("\r\n\r\n/echo?second"))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        let paths = ["/echo?1", "/nothing", "/echo?3", "/echo?4"]
        try client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        let bodies = try paths.map { _ in try client.readResponse().split(separator: "\r\n\r\n").last.map(String.init) }
        #expect(bodies == ["/echo?1", "not found\n", "/echo?3", "/echo?4"])
    }

    @Test func http10ClosesAfterTheResponseUnlessAskedToKeepAlive() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let closing = try LoopbackClient(port: port)
        try closing.send("GET /echo?a HTTP/1.0\r\n\r\n")
        let closed = String(decoding: try closing.readUntilClose(), as: UTF8.self)
        #expect(
            normalisingDate(closed)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nConnection: close\r\n"
                + "Date: <date>\r\n\r\n/echo?a"
        )
        let keeping = try LoopbackClient(port: port)
        try keeping.send("GET /echo?b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(
            normalisingDate(try keeping.readResponse())
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nConnection: keep-alive\r\n"
                + "Date: <date>\r\n\r\n/echo?b"
        )
        try keeping.send("GET /echo?c HTTP/1.0\r\n\r\n")
        #expect(try keeping.readResponse().hasSuffix("/echo?c"))
    }

    @Test func gzipRoundTripDecompressesToTheHandlersBody() throws {
        let body = Array((0..<2000).map { "llm_cost_usd_total{model=\"m\(($0 % 7))\"} \($0)\n" }.joined().utf8)
        let (server, port) = try startServer(handler: { _ in
            HTTPResponse(status: .ok, headers: [("Content-Type", "text/plain")], body: body, isCompressible: true)
        })
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nAccept-Encoding: deflate, gzip;q=0.8\r\n\r\n")
        let response = try client.readResponseBytes()
        let headEnd = try #require(response.firstRange(of: Array("\r\n\r\n".utf8))).upperBound
        let head = String(decoding: response[..<headEnd], as: UTF8.self)
        let compressed = Array(response[headEnd...])
        #expect(
            head.contains(
                "\r\nVary: Accept-Encoding\r\nContent-Encoding: gzip\r\nContent-Length: \(compressed.count)\r\n"))
        #expect(compressed.count < body.count / 5)
        #expect(try gunzip(compressed) == body)
    }

    @Test func gzipWithQZeroIsRefusedAndTheBodyIsSentPlain() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0, *\r\nConnection: close\r\n\r\n")
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(normalisingDate(response) == metricsResponse)
    }

    @Test func slowHeaderClientIsCutAfterTheHeaderTimeoutWhileANormalClientIsServed() async throws {
        let log = LogRecorder()
        let (server, port) = try startServer(logger: log.logger)
        defer { server.stop() }
        let slow = try LoopbackClient(port: port)
        let request = Array("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        // One byte every 100 ms: each byte is well inside any per-read timeout, the whole
        // header section (3.5 s) far beyond the 400 ms header timeout.
        var sent = 0
        var wasCut = false
        for byte in request {
            do {
                try slow.send([byte])
            } catch {
                wasCut = true
                break
            }
            sent += 1
            if sent == 2 {
                let normal = try LoopbackClient(port: port)
                try normal.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                #expect(
                    normalisingDate(String(decoding: try normal.readUntilClose(), as: UTF8.self)) == metricsResponse)
            }
            if await log.waitForLine(containing: "header read timeout", timeout: .milliseconds(100)) {
                wasCut = true
                break
            }
        }
        #expect(wasCut)
        #expect(sent < request.count)
        #expect(try slow.readUntilClose() == [])
    }

    @Test func silentConnectionIsClosedAtTheHeaderTimeout() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let silent = try LoopbackClient(port: port)
        #expect(try silent.readUntilClose() == [])
    }

    @Test func keptAliveConnectionIsClosedAtTheIdleTimeout() throws {
        let (server, port) = try startServer { $0.idleTimeout = .milliseconds(300) }
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /echo?once HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().hasSuffix("/echo?once"))
        #expect(try client.readUntilClose() == [])
    }

    @Test func clientThatHalfClosesAfterItsRequestStillGetsTheResponse() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let client = try LoopbackClient(port: port)
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        shutdown(client.descriptor, Int32(SHUT_WR))
        let response = String(decoding: try client.readUntilClose(), as: UTF8.self)
        #expect(normalisingDate(response) == metricsResponse.replacing("Connection: close\r\n", with: ""))
    }

    @Test func aThousandIdleConnectionsDoNotStopANormalRequest() throws {
        let (server, port) = try startServer { $0.headerReadTimeout = .seconds(30) }
        defer { server.stop() }
        let idle = try (0..<1000).map { _ in try LoopbackClient(port: port) }
        let client = try LoopbackClient(port: port, readTimeout: .seconds(2))
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(normalisingDate(String(decoding: try client.readUntilClose(), as: UTF8.self)) == metricsResponse)
        // The idle ones are still open: a request on the first is served too.
        try idle[0].send("GET /echo?idle HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try idle[0].readResponse().hasSuffix("/echo?idle"))
    }

    @Test func connectionsPastTheLimitAreClosedWhileExistingOnesKeepWorking() async throws {
        let (server, port) = try startServer { $0.maxConnections = 2 }
        defer { server.stop() }
        let first = try LoopbackClient(port: port)
        let second = try LoopbackClient(port: port)
        for (client, name) in [(first, "first"), (second, "second")] {
            try client.send("GET /echo?\(name) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().hasSuffix("/echo?\(name)"))
        }
        let third = try LoopbackClient(port: port)
        #expect(try third.readUntilClose() == [])
        try first.send("GET /echo?again HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try first.readResponse().hasSuffix("/echo?again"))
    }

    @Test func requestsPastTheConcurrencyLimitGet503WithRetryAfter() async throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let (server, port) = try startServer(
            { $0.maxConcurrentRequests = 1 },
            handler: { request in
                if request.path == "/block" {
                    entered.signal()
                    release.wait()
                }
                return testHandler(request)
            })
        defer { server.stop() }
        let blocked = try LoopbackClient(port: port)
        try blocked.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(entered.wait(timeout: .now() + 5) == .success)
        let refused = try LoopbackClient(port: port)
        try refused.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(
            normalisingDate(try refused.readResponse())
                == "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\n"
                + "Content-Length: 24\r\nDate: <date>\r\n\r\n503 Service Unavailable\n"
        )
        release.signal()
        #expect(try blocked.readResponse().hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        try refused.send("GET /echo?later HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try refused.readResponse().hasSuffix("/echo?later"))
    }

    @Test func clientThatDoesNotReadIsCutAfterTheWriteTimeout() async throws {
        let log = LogRecorder()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20)
        let (server, port) = try startServer(
            logger: log.logger,
            handler: { request in
                request.path == "/huge" ? HTTPResponse(status: .ok, body: body) : testHandler(request)
            })
        defer { server.stop() }
        let stalled = try LoopbackClient(port: port)
        try stalled.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await log.waitForLine(containing: "write timeout"))
        let normal = try LoopbackClient(port: port)
        try normal.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(normalisingDate(String(decoding: try normal.readUntilClose(), as: UTF8.self)) == metricsResponse)
    }

    @Test func stopClosesOpenConnectionsAndTheListenerPromptly() throws {
        let (server, port) = try startServer { $0.idleTimeout = .seconds(60) }
        let client = try LoopbackClient(port: port, readTimeout: .seconds(1))
        try client.send("GET /echo?before HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().hasSuffix("/echo?before"))
        server.stop()
        #expect(try client.readUntilClose() == [])
        #expect(server.boundPort == nil)
        #expect(throws: LoopbackClient.Failure.connect(ECONNREFUSED)) { try LoopbackClient(port: port) }
    }

    @Test func stopReturnsAndClosesConnectionsEvenWhileAHandlerIsBlocked() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let (server, port) = try startServer(handler: { request in
            entered.signal()
            release.wait()
            return testHandler(request)
        })
        defer { release.signal() }
        let client = try LoopbackClient(port: port, readTimeout: .seconds(2))
        try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(entered.wait(timeout: .now() + 5) == .success)
        server.stop()
        #expect(try client.readUntilClose() == [])
    }

    @Test func clientVanishingMidResponseRaisesNoSIGPIPEAndOthersAreServed() async throws {
        let log = LogRecorder()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20)
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let (server, port) = try startServer(
            logger: log.logger,
            handler: { request in
                guard request.path == "/huge" else { return testHandler(request) }
                entered.signal()
                release.wait()
                return HTTPResponse(status: .ok, body: body)
            })
        defer { server.stop() }
        do {
            let vanishing = try LoopbackClient(port: port)
            try vanishing.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(entered.wait(timeout: .now() + 5) == .success)
        }
        // The client's socket is closed; the response is written into a dead connection.
        release.signal()
        #expect(await log.waitForLine(containing: "write failed"))
        let normal = try LoopbackClient(port: port)
        try normal.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(normalisingDate(String(decoding: try normal.readUntilClose(), as: UTF8.self)) == metricsResponse)
    }

    @Test func servesOverIPv6Loopback() throws {
        let (server, port) = try startServer { $0.host = "::1" }
        defer { server.stop() }
        let client = try LoopbackClient(port: port, host: "::1")
        try client.send("GET /metrics HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n")
        #expect(normalisingDate(String(decoding: try client.readUntilClose(), as: UTF8.self)) == metricsResponse)
    }

    @Test func emptyHostListensOnIPv4AndIPv6Alike() throws {
        let (server, port) = try startServer { $0.host = "" }
        defer { server.stop() }
        for host in ["127.0.0.1", "::1"] {
            let client = try LoopbackClient(port: port, host: host)
            try client.send("GET /echo?\(host) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().hasSuffix("/echo?\(host)"))
        }
    }

    @Test func startingTwiceIsAnError() throws {
        let (server, _) = try startServer()
        defer { server.stop() }
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
    }
}

/// Decompresses a gzip stream with zlib, independently of the code under test.
func gunzip(_ compressed: [UInt8]) throws -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, 31, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw GzipError(status: Z_STREAM_ERROR)
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var input = compressed
    var status = Z_OK
    input.withUnsafeMutableBufferPointer { inputBuffer in
        stream.next_in = inputBuffer.baseAddress
        stream.avail_in = UInt32(inputBuffer.count)
        while status == Z_OK {
            status = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                stream.next_out = chunkBuffer.baseAddress
                stream.avail_out = UInt32(chunkBuffer.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            output += chunk[0..<(chunk.count - Int(stream.avail_out))]
        }
    }
    guard status == Z_STREAM_END else { throw GzipError(status: status) }
    return output
}
