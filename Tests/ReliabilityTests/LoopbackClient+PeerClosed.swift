import ExporterTestSupport

#if canImport(Glibc)
    import Glibc
#endif

extension LoopbackClient {
    /// Whether the server has closed the connection (end of file or reset), without waiting
    /// and without consuming what it sent.
    var peerHasClosed: Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }
}
