import ExporterTestSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP server inside the test process that records what is POSTed to it: the
/// receiving end of an Alertmanager webhook.
///
/// It listens on a loopback port the kernel picked (so no other process can take it first),
/// serves one connection at a time on its own thread, and answers every complete request with
/// `200 OK` and `Connection: close`; a request it cannot read is dropped without an answer and
/// without a record. Every read and write on a connection gives up after two seconds, so a
/// silent client cannot hold it, and `stop()` returns within a few seconds. The serving thread
/// keeps the receiver alive, so the owner must call `stop()` (a `defer` right after creating
/// it). Not for anything but a handful of small requests from a trusted local client.
final class WebhookReceiver: Sendable {
    /// One request the receiver read completely.
    struct Request: Sendable {
        /// `POST`, `GET`, …
        var method: String
        /// The request target, e.g. `/alerts`.
        var path: String
        var body: Data
    }

    private struct State {
        var requests: [Request] = []
        var isStopping = false
    }

    /// The loopback port it listens on.
    let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    /// Headers longer than this end the connection: a webhook's are a few hundred bytes.
    private static let maximumHeaderBytes = 64 * 1024
    /// Bodies longer than this end the connection: an alert group is a few kilobytes.
    private static let maximumBodyBytes = 4 * 1024 * 1024

    /// Starts listening on 127.0.0.1, on a free port.
    ///
    /// - Returns: `nil` when no loopback socket could be bound.
    init?() {
        guard let socket = LoopbackPort.listeningSocket() else { return nil }
        listener = socket.descriptor
        port = socket.port
        Thread { [self] in serve() }.start()
    }

    /// `http://127.0.0.1:port` followed by `path`.
    func url(path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Every request read so far, oldest first.
    var requests: [Request] {
        state.withLock { $0.requests }
    }

    /// Stops accepting, waits for the serving thread to end and closes the socket; idempotent.
    func stop() {
        let wasRunning = state.withLock { state in
            defer { state.isStopping = true }
            return !state.isStopping
        }
        guard wasRunning else { return }
        finished.wait()
        close(listener)
    }

    /// The accept loop; it checks for `stop()` every 100 ms.
    private func serve() {
        defer { finished.signal() }
        while !state.withLock({ $0.isStopping }) {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if let request = Self.readRequest(from: connection) {
                state.withLock { $0.requests.append(request) }
                let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
                _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            close(connection)
        }
    }

    /// Reads one request with a `Content-Length` body (or none), or `nil` when the client
    /// closes, stalls or sends something too long or malformed.
    private static func readRequest(from connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        let separator = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        var bodyLength = 0
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if headerEnd == nil, let end = bytes.firstRange(of: separator)?.upperBound {
                headerEnd = end
                guard let length = contentLength(of: bytes[..<end]), length <= maximumBodyBytes else { return nil }
                bodyLength = length
            }
            if let headerEnd, bytes.count >= headerEnd + bodyLength {
                // "\r\n" is one Character in Swift, so lines are split on it as a whole.
                let head = String(decoding: bytes[..<headerEnd], as: UTF8.self)
                guard let requestLine = head.split(separator: "\r\n").first?.split(separator: " "),
                    requestLine.count == 3
                else { return nil }
                return Request(
                    method: String(requestLine[0]),
                    path: String(requestLine[1]),
                    body: Data(bytes[headerEnd..<(headerEnd + bodyLength)])
                )
            }
            if headerEnd == nil, bytes.count > maximumHeaderBytes { return nil }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            bytes += buffer[..<count]
        }
    }

    /// The `Content-Length` of a request head (0 when absent), or `nil` when it is not a number.
    private static func contentLength(of head: ArraySlice<UInt8>) -> Int? {
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n")
        guard let line = lines.first(where: { $0.lowercased().hasPrefix("content-length:") }) else { return 0 }
        return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
    }
}
