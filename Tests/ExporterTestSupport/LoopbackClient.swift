import Glibc

/// A blocking TCP client for tests: raw bytes out, raw bytes in, every read bounded in time.
package final class LoopbackClient {
    /// Why a connection, send or read failed.
    package enum Failure: Error, Equatable {
        /// `socket(2)` or `recv(2)` failed with this `errno`.
        case socket(Int32)
        /// `connect(2)` failed with this `errno`.
        case connect(Int32)
        /// `send(2)` failed with this `errno`.
        case send(Int32)
        /// No byte arrived within the read timeout.
        case timedOut
        /// The server reset the connection.
        case reset
        /// The response head could not be read.
        case malformedResponse(String)
    }

    /// The connected socket, for tests that shut down one direction.
    package let descriptor: Int32

    /// Connects to `host:port` (IPv4 or IPv6 literal); reads give up after `readTimeout`.
    package init(port: UInt16, host: String = "127.0.0.1", readTimeout: Duration = .seconds(5)) throws {
        let isIPv6 = host.contains(":")
        descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.socket(errno) }
        var timeout = timeval(
            tv_sec: Int(readTimeout.components.seconds),
            tv_usec: Int(readTimeout.components.attoseconds / 1_000_000_000_000)
        )
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let status: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            _ = inet_pton(AF_INET6, host, &address.sin6_addr)
            status = Self.connect(descriptor, to: address)
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            _ = inet_pton(AF_INET, host, &address.sin_addr)
            status = Self.connect(descriptor, to: address)
        }
        guard status == 0 else {
            let code = errno
            close(descriptor)
            throw Failure.connect(code)
        }
    }

    deinit {
        close(descriptor)
    }

    /// `connect(2)` of `descriptor` to `address`, a `sockaddr_in` or `sockaddr_in6`.
    ///
    /// - Returns: `connect`'s result: 0, or -1 with `errno` set.
    private static func connect<Address>(_ descriptor: Int32, to address: Address) -> Int32 {
        var address = address
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
    }

    /// Sends all of `text`.
    package func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends all of `bytes`; MSG_NOSIGNAL so a closed server cannot kill the test process.
    package func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure.send(errno) }
            sent += count
        }
    }

    /// Reads once: the bytes that arrived, empty at EOF.
    package func readSome() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timedOut }
            if errno == ECONNRESET { throw Failure.reset }
            throw Failure.socket(errno)
        }
        return Array(buffer[0..<count])
    }

    /// Reads until the server closes the connection.
    package func readUntilClose() throws -> [UInt8] {
        var received: [UInt8] = []
        while true {
            let chunk = try readSome()
            if chunk.isEmpty { return received }
            received += chunk
        }
    }

    /// Bytes read past the last response, kept for the next `readResponse`.
    private var pending: [UInt8] = []

    /// Reads exactly one response as text, framed by its `Content-Length`.
    package func readResponse() throws -> String {
        String(decoding: try readResponseBytes(), as: UTF8.self)
    }

    /// Reads exactly one response, framed by its `Content-Length`.
    package func readResponseBytes() throws -> [UInt8] {
        let terminator = Array("\r\n\r\n".utf8)
        while pending.firstRange(of: terminator) == nil {
            let chunk = try readSome()
            guard !chunk.isEmpty else { throw Failure.malformedResponse("EOF before the head ended") }
            pending += chunk
        }
        guard let headEnd = pending.firstRange(of: terminator)?.upperBound else {
            throw Failure.malformedResponse("no head")
        }
        let head = String(decoding: pending[..<headEnd], as: UTF8.self)
        let lengthLine = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
        let length = lengthLine.flatMap { Int($0.dropFirst("content-length:".count).trimmingPrefix(" ")) } ?? 0
        while pending.count < headEnd + length {
            let chunk = try readSome()
            guard !chunk.isEmpty else { throw Failure.malformedResponse("EOF in the body") }
            pending += chunk
        }
        let response = Array(pending[..<(headEnd + length)])
        pending.removeFirst(headEnd + length)
        return response
    }
}
