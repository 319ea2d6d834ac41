import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Turns SIGTERM and SIGINT into a stop request and SIGHUP into a reload request, delivered
/// in order to the thread that waits for them.
final class SignalWaiter {
    /// What a signal asks for.
    enum Request: Sendable {
        /// SIGTERM or SIGINT: stop cleanly.
        case stop
        /// SIGHUP: read the config again.
        case reload
    }

    /// The requests that arrived and not yet taken, shared with the signal handlers.
    private final class Inbox: Sendable {
        let pending = Mutex<[Request]>([])
        let arrived = DispatchSemaphore(value: 0)
    }

    private let queue = DispatchQueue(label: "signals")
    private let inbox = Inbox()
    private let sources: [any DispatchSourceSignal]

    /// Takes over SIGTERM, SIGINT and SIGHUP for the rest of the process.
    init() {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            // The default action would end the process before the dispatch source could run.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, request) in zip(sources, [Request.stop, .stop, .reload]) {
            source.setEventHandler { [inbox] in
                inbox.pending.withLock { $0.append(request) }
                inbox.arrived.signal()
            }
            source.resume()
        }
    }

    /// Blocks until the next signal and returns what it asks for.
    func next() -> Request {
        inbox.arrived.wait()
        return inbox.pending.withLock { $0.removeFirst() }
    }
}
