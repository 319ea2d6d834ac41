import Glibc
import Synchronization

/// How worker threads and `stop()` reach the event loop: a locked inbox plus a non-blocking
/// pipe whose read end wakes the loop's `epoll_wait` (Glibc's Swift module has no `eventfd`).
///
/// The mailbox owns both pipe ends and closes them only when the last reference goes away, so
/// a worker finishing after the loop has exited never writes into a reused descriptor.
final class EventLoopMailbox: Sendable {
    /// A response rendered by a worker, bound for one connection.
    struct Completion: Sendable {
        /// The connection the response belongs to; it may be gone by now.
        var connectionID: UInt64
        /// The encoded response, head and body.
        var bytes: [UInt8]
        /// Whether the connection stays open after it.
        var keepAlive: Bool
    }

    /// What the loop takes out in one go.
    struct Delivery {
        /// Responses ready to write, in the order they finished.
        var completions: [Completion] = []
        /// Whether the server is stopping.
        var stopRequested = false
    }

    /// The pipe's read end, registered with the loop's epoll instance.
    let wakeFD: Int32
    /// The pipe's write end; one byte written wakes the loop.
    private let signalFD: Int32
    private let inbox = Mutex(Delivery())

    /// Creates the mailbox and its pipe.
    ///
    /// - Parameter address: The listen address, for the error message.
    /// - Throws: `HTTPServerError.cannotListen` if no pipe can be created.
    init(address: String) throws(HTTPServerError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .cannotListen(address: address, call: "pipe", errno: errno) }
        wakeFD = ends[0]
        signalFD = ends[1]
        guard FileDescriptor.makeNonBlocking(wakeFD), FileDescriptor.makeNonBlocking(signalFD) else {
            let code = errno
            close(wakeFD)
            close(signalFD)
            throw .cannotListen(address: address, call: "fcntl", errno: code)
        }
    }

    deinit {
        close(wakeFD)
        close(signalFD)
    }

    /// Hands a finished response to the loop and wakes it.
    func post(_ completion: Completion) {
        inbox.withLock { $0.completions.append(completion) }
        wake()
    }

    /// Asks the loop to close everything and exit, and wakes it.
    func requestStop() {
        inbox.withLock { $0.stopRequested = true }
        wake()
    }

    /// Takes everything posted so far and empties the pipe.
    func take() -> Delivery {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(wakeFD, &scratch, scratch.count) > 0 {}
        return inbox.withLock { inbox in
            let delivery = inbox
            inbox.completions = []
            return delivery
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        // EAGAIN means the pipe is full of unread wake-ups, so the loop will wake anyway.
        _ = write(signalFD, &byte, 1)
    }
}
