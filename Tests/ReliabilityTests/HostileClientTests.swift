import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension StressTests {
    /// Issue 8's HTTP under abuse: 1,000 idle connections and 50 slowloris clients while a
    /// scraper keeps scraping every 100 ms.
    ///
    /// The exporter's limits (2048 connections, a 10 s header-read timeout that trickled bytes
    /// do not extend) must keep every scrape fast and its descriptors and memory bounded, and
    /// it must cut the hostile connections off by itself.
    @Suite("HTTP under abuse", .timeLimit(.minutes(1)))
    struct HostileClientTests {
        static let idleConnections = 1_000
        static let slowClients = 50
        static let scrapeLength = Duration.seconds(10)
        /// Descriptors beyond baseline and the hostile connections: the scrape's connection and
        /// files the tailer may open meanwhile.
        static let descriptorSlack = 8
        static let residentLimitKiB = 100 * 1024

        @Test("every scrape answers 200 within 1 s; descriptors and memory stay bounded")
        func scrapesStayFastUnderIdleAndSlowClients() async throws {
            // The test holds 1,050 connections and the exporter, which inherits the limit,
            // accepts them: both need more than the usual 1,024 descriptors.
            try Self.raiseOpenFilesLimit(toAtLeast: 4 * (Self.idleConnections + Self.slowClients))
            let exporter = try await ExporterUnderTest(
                files: ["app.jsonl": CostLine.records(100, model: "served")], pollInterval: 20)
            let pid = exporter.process.processIdentifier
            let baseline = try await ProcessFootprint.baseline(of: pid)

            let connectStart = ContinuousClock.now
            var idle = try (0..<Self.idleConnections).map { _ in try LoopbackClient(port: exporter.port) }
            let slow = try SlowHeaderClients(port: exporter.port, count: Self.slowClients)
            let scraper = ScrapeLoop(port: exporter.port, interval: .milliseconds(100))
            var peak = baseline
            let scrapeEnd = ContinuousClock.now + Self.scrapeLength
            while ContinuousClock.now < scrapeEnd {
                let now = try ProcessFootprint(of: pid)
                peak.descriptors = max(peak.descriptors, now.descriptors)
                peak.residentKiB = max(peak.residentKiB, now.residentKiB)
                try await Task.sleep(for: .milliseconds(100))
            }
            let scrapes = scraper.stop()

            let hostile = Self.idleConnections + Self.slowClients
            let latencies = scrapes.map(\.latency).sorted()
            let slowest = latencies.last ?? .zero
            let failed = scrapes.filter { $0.status != 200 || $0.latency >= .seconds(1) }
            #expect(scrapes.count >= 50, "only \(scrapes.count) scrapes in \(Self.scrapeLength)")
            #expect(failed.isEmpty, "scrapes that failed or took 1 s or more: \(failed)")
            #expect(
                peak.descriptors >= baseline.descriptors + hostile,
                "the exporter never held all \(hostile) hostile connections: peak \(peak.descriptors)")
            #expect(peak.descriptors <= baseline.descriptors + hostile + Self.descriptorSlack)

            // The header-read timeout cuts every hostile connection, counted from its accept.
            try await exporter.waitUntil(
                "the exporter has closed the hostile connections", timeout: .seconds(10)
            ) {
                try ProcessFootprint(of: pid).descriptors <= baseline.descriptors + 2
            }
            let cutOff = ContinuousClock.now - connectStart
            try await Task.sleep(for: .seconds(1.2))
            #expect(slow.closedByServer == Self.slowClients)
            #expect(idle.filter(\.peerHasClosed).count == Self.idleConnections)
            slow.stop()
            idle.removeAll()
            let after = try ProcessFootprint(of: pid)
            print(
                """
                HTTP under abuse: \(scrapes.count) scrapes, median \(latencies[latencies.count / 2]), \
                slowest \(slowest); baseline \(baseline); peak \(peak.descriptors) descriptors, \
                RSS \(peak.residentKiB) KiB (VmHWM \(after.peakResidentKiB) KiB); hostile connections \
                closed by the exporter within \(cutOff) of connecting; after \(after)
                """)
            #expect(after.peakResidentKiB < Self.residentLimitKiB)
            #expect(after.descriptors <= baseline.descriptors + 2)
        }

        /// Raises this process's soft `RLIMIT_NOFILE` to `count`, or as high as the hard limit allows.
        ///
        /// - Throws: a failed `#require` naming both limits when the hard limit is lower.
        private static func raiseOpenFilesLimit(toAtLeast count: Int) throws {
            var limit = rlimit()
            try #require(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
            let needed = rlim_t(Self.idleConnections + Self.slowClients + 200)
            try #require(
                limit.rlim_max >= needed,
                """
                the hard descriptor limit is \(limit.rlim_max); this test needs \(needed): raise it \
                (ulimit -Hn, or LimitNOFILE for a service) and run again
                """)
            guard limit.rlim_cur < rlim_t(count) else { return }
            limit.rlim_cur = min(limit.rlim_max, rlim_t(count))
            try #require(setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
        }
    }
}
