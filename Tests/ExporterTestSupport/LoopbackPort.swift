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
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
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
        return bound ? UInt16(bigEndian: address.sin_port) : nil
    }
}
