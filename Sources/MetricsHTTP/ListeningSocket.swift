import Glibc

/// A bound, listening, non-blocking TCP socket.
struct ListeningSocket {
    /// The descriptor; the event loop closes it when it stops.
    var descriptor: Int32
    /// The port actually bound (the chosen one when 0 was asked for).
    var port: UInt16

    /// Resolves `host` and binds the first address that works.
    ///
    /// An empty host binds `::` with `IPV6_V6ONLY` off, which takes IPv4 connections too,
    /// and falls back to `0.0.0.0` where IPv6 is unavailable.
    ///
    /// - Parameters:
    ///   - host: An address, a host name, or empty for every interface.
    ///   - port: The port; 0 for a free one.
    ///   - backlog: The listen queue length.
    /// - Throws: `HTTPServerError.cannotResolve` or `.cannotListen` with the failing call.
    static func open(host: String, port: UInt16, backlog: Int32) throws(HTTPServerError) -> ListeningSocket {
        let nodes = host.isEmpty ? ["::", "0.0.0.0"] : [host]
        var lastError = HTTPServerError.cannotResolve(host: host, reason: "no address")
        for node in nodes {
            var hints = addrinfo()
            hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var results: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(node, String(port), &hints, &results)
            guard status == 0 else {
                lastError = .cannotResolve(host: node, reason: String(cString: gai_strerror(status)))
                continue
            }
            defer { freeaddrinfo(results) }
            var candidate = results
            while let info = candidate?.pointee {
                candidate = info.ai_next
                switch bind(info, dualStack: host.isEmpty, backlog: backlog, label: "\(node) port \(port)") {
                case .success(let socket): return socket
                case .failure(let error): lastError = error
                }
            }
        }
        throw lastError
    }

    private static func bind(
        _ info: addrinfo,
        dualStack: Bool,
        backlog: Int32,
        label: String
    ) -> Result<ListeningSocket, HTTPServerError> {
        let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard descriptor >= 0 else { return .failure(.cannotListen(address: label, call: "socket", errno: errno)) }
        func fail(_ call: String) -> Result<ListeningSocket, HTTPServerError> {
            let code = errno
            close(descriptor)
            return .failure(.cannotListen(address: label, call: call, errno: code))
        }
        var on: Int32 = 1
        var off: Int32 = 0
        let optionSize = socklen_t(MemoryLayout<Int32>.size)
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, optionSize) == 0 else { return fail("setsockopt") }
        if dualStack && info.ai_family == AF_INET6 {
            guard setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &off, optionSize) == 0 else {
                return fail("setsockopt")
            }
        }
        guard Glibc.bind(descriptor, info.ai_addr, info.ai_addrlen) == 0 else { return fail("bind") }
        guard listen(descriptor, backlog) == 0 else { return fail("listen") }
        guard FileDescriptor.makeNonBlocking(descriptor) else { return fail("fcntl") }
        guard let port = boundPort(descriptor) else { return fail("getsockname") }
        return .success(ListeningSocket(descriptor: descriptor, port: port))
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return nil }
        return withUnsafeBytes(of: storage) { bytes in
            switch Int32(storage.ss_family) {
            case AF_INET: UInt16(bigEndian: bytes.load(as: sockaddr_in.self).sin_port)
            case AF_INET6: UInt16(bigEndian: bytes.load(as: sockaddr_in6.self).sin6_port)
            default: nil
            }
        }
    }
}
