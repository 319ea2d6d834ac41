#if canImport(Glibc)
    import Glibc
#endif

/// Free TCP ports on the loopback interface for the servers a test starts.
package enum LoopbackPort {
    /// A port that was free a moment ago: the kernel picks it for a socket bound to port 0,
    /// and the socket is closed again so the server under test can bind it.
    ///
    /// - Returns: the port, or `nil` when no socket could be bound.
    package static func free() -> UInt16? {
        guard let socket = boundSocket() else { return nil }
        close(socket.descriptor)
        return socket.port
    }

    /// A listening socket on a port the kernel picked, for a server the test runs itself:
    /// no other process can take the port between choosing and binding it.
    ///
    /// - Returns: the descriptor (the caller closes it) and its port, or `nil` when no socket
    ///   could be bound or made to listen.
    package static func listeningSocket() -> (descriptor: Int32, port: UInt16)? {
        guard let socket = boundSocket() else { return nil }
        guard listen(socket.descriptor, 16) == 0 else {
            close(socket.descriptor)
            return nil
        }
        return socket
    }

    /// A TCP socket bound to 127.0.0.1 on a port the kernel picked; the caller closes it.
    private static func boundSocket() -> (descriptor: Int32, port: UInt16)? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            return nil
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }
}
