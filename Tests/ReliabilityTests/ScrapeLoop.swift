import ExporterTestSupport
import Foundation
import Synchronization

/// A Prometheus-like scraper on its own thread: `GET /metrics` every `interval`, each on a new
/// connection, with the headers Prometheus 3 sends, timing each scrape from connect to the
/// last byte.
///
/// A new connection per scrape is stricter than Prometheus's keep-alive: every scrape also has
/// to be accepted. The thread stops when the value goes away, or after `maximumScrapes`.
final class ScrapeLoop: Sendable {
    /// One scrape: the status (`nil` when no response came) and how long it took.
    struct Scrape: Sendable {
        var status: Int?
        var latency: Duration
        /// Why no response came, if none did.
        var failure: String?
    }

    static let request = [
        "GET /metrics HTTP/1.1", "Host: 127.0.0.1", "User-Agent: Prometheus/3.0.0",
        "Accept: application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.2,*/*;q=0.1",
        "Accept-Encoding: gzip", "X-Prometheus-Scrape-Timeout-Seconds: 1", "Connection: close", "", "",
    ].joined(separator: "\r\n")

    /// What the thread and the test share; the thread holds this, not the loop, so `deinit` runs.
    private final class Shared: Sendable {
        let stopRequested = Atomic(false)
        let running = DispatchGroup()
        let scrapes = Mutex<[Scrape]>([])
    }

    private let shared = Shared()

    /// Starts scraping `127.0.0.1:port`.
    init(port: UInt16, interval: Duration, maximumScrapes: Int = 1_000) {
        let shared = shared
        shared.running.enter()
        let thread = Thread {
            let clock = ContinuousClock()
            var next = clock.now
            while !shared.stopRequested.load(ordering: .relaxed),
                shared.scrapes.withLock({ $0.count }) < maximumScrapes
            {
                let start = clock.now
                var scrape = Scrape(status: nil, latency: .zero)
                do {
                    let client = try LoopbackClient(port: port, readTimeout: .seconds(3))
                    try client.send(Self.request)
                    scrape.status = try HTTPReply(parsing: client.readUntilClose()).status
                } catch {
                    scrape.failure = "\(error)"
                }
                scrape.latency = start.duration(to: clock.now)
                shared.scrapes.withLock { $0.append(scrape) }
                next = next.advanced(by: interval)
                let wait = clock.now.duration(to: next)
                if wait > .zero { Thread.sleep(forTimeInterval: Double(wait.components.attoseconds) / 1e18) }
            }
            shared.running.leave()
        }
        thread.start()
    }

    deinit {
        stop()
    }

    /// Stops scraping and waits for the scrape under way.
    ///
    /// - Returns: Every scrape, in order.
    @discardableResult
    func stop() -> [Scrape] {
        shared.stopRequested.store(true, ordering: .relaxed)
        shared.running.wait()
        return shared.scrapes.withLock { $0 }
    }
}
