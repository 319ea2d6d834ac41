import Glibc

/// Flags on raw file descriptors.
enum FileDescriptor {
    /// Sets `O_NONBLOCK` and `FD_CLOEXEC`, so reads and writes never block the event loop and
    /// the descriptor does not leak into child processes.
    ///
    /// - Parameter descriptor: An open descriptor.
    /// - Returns: `false` if `fcntl` failed (see `errno`).
    static func makeNonBlocking(_ descriptor: Int32) -> Bool {
        let statusFlags = fcntl(descriptor, F_GETFL)
        guard statusFlags >= 0, fcntl(descriptor, F_SETFL, statusFlags | O_NONBLOCK) == 0 else { return false }
        return fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0
    }
}
