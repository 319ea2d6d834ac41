import ExporterTestSupport
import Foundation
import Synchronization

/// Slowloris clients: connections that send a request head one byte a second, on their own
/// thread, until the server cuts them off or the value goes away.
final class SlowHeaderClients: Sendable {
    /// The connections could not all be made.
    struct ConnectFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the thread and the test share; the thread holds this, not the clients, so `deinit` runs.
    private final class Shared: Sendable {
        let stopRequested = Atomic(false)
        let running = DispatchGroup()
        let connected = DispatchSemaphore(value: 0)
        /// How many connections the server has closed.
        let closedByServer = Atomic(0)
        let failure = Mutex<String?>(nil)
    }

    private let shared = Shared()

    /// Opens `count` connections to `127.0.0.1:port` and starts trickling; returns once all
    /// are connected.
    ///
    /// - Throws: `ConnectFailure` when a connection cannot be made.
    init(port: UInt16, count: Int) throws {
        let shared = shared
        shared.running.enter()
        let head = Array(ScrapeLoop.request.utf8)
        let thread = Thread {
            defer { shared.running.leave() }
            let clients: [LoopbackClient]
            do {
                clients = try (0..<count).map { _ in try LoopbackClient(port: port) }
            } catch {
                shared.failure.withLock { $0 = "connecting \(count) slow clients: \(error)" }
                shared.connected.signal()
                return
            }
            shared.connected.signal()
            var open = Array(clients.indices)
            var sent = 0
            while !shared.stopRequested.load(ordering: .relaxed), !open.isEmpty {
                open.removeAll { index in
                    if clients[index].peerHasClosed || (try? clients[index].send([head[sent % head.count]])) == nil {
                        shared.closedByServer.add(1, ordering: .relaxed)
                        return true
                    }
                    return false
                }
                sent += 1
                // Sleeps in short steps so that stopping is prompt.
                for _ in 0..<10 where !shared.stopRequested.load(ordering: .relaxed) {
                    Thread.sleep(forTimeInterval: 0.1)
                }
            }
        }
        thread.start()
        shared.connected.wait()
        if let failure = shared.failure.withLock({ $0 }) {
            throw ConnectFailure(description: failure)
        }
    }

    deinit {
        stop()
    }

    /// How many of the connections the server has closed so far (seen within a second).
    var closedByServer: Int { shared.closedByServer.load(ordering: .relaxed) }

    /// Stops trickling and closes the connections that are left.
    func stop() {
        shared.stopRequested.store(true, ordering: .relaxed)
        shared.running.wait()
    }
}
