import ExporterTestSupport
import Foundation
import Testing

/// Issue 3: "every scrape is a consistent snapshot taken without stalling ingestion". While a
/// writer appends as fast as it can, every one of hundreds of scrapes must satisfy the
/// exporter's invariants, and when it stops the totals must be exactly what was written.
@Suite("Scrape consistency under load", .timeLimit(.minutes(1)))
struct ScrapeConsistencyTests {
    /// The scrapes taken while the writer runs.
    static let scrapeCount = 250

    @Test("every scrape during writing: lines_total = Σ requests + Σ line errors, +Inf = _count, no counter falls")
    func invariantsHoldInEveryScrapeWhileWriting() async throws {
        // Polls every 10 ms, so ingestion runs in many short bursts that the scrapes fall into.
        let exporter = try await ExporterUnderTest(files: ["busy.jsonl": ""], pollInterval: 10)
        let writer = try AppendingWriter(file: exporter.file("busy.jsonl"))
        // Stops it on every way out, a thrown error included.
        defer { writer.stop() }
        let client = try LoopbackClient(port: exporter.port)

        var violations: [String] = []
        var linesSeen: [Double] = []
        for scrape in 0..<Self.scrapeCount {
            try client.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let reply = try HTTPReply(parsing: client.readResponseBytes())
            let exposition = try Exposition(parsing: reply.text)
            let lines = exposition.value("llm_cost_exporter_lines_total") ?? -1
            let accounted = exposition.sum("llm_requests_total") + exposition.sum("llm_cost_exporter_line_errors_total")
            if lines != accounted {
                violations.append("scrape \(scrape): lines_total \(lines) but Σ requests + Σ line errors \(accounted)")
            }
            violations += exposition.histogramMismatches().map { "scrape \(scrape): \($0)" }
            if let previous = linesSeen.last, lines < previous {
                violations.append("scrape \(scrape): lines_total fell from \(previous) to \(lines)")
            }
            linesSeen.append(lines)
        }
        let written = writer.stop()

        #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(10))")
        // The scrapes raced the ingest: lines_total moved between many of them.
        #expect(Set(linesSeen).count >= 20, "lines_total seen: \(Set(linesSeen).sorted())")

        let invalid = written["invalid", default: 0]
        let records = written.filter { $0.key != "invalid" }
        try await exporter.expectTotals(
            TailingTotals(
                lines: written.values.reduce(0, +), successfulRequests: records,
                lineErrors: invalid == 0 ? [:] : ["invalid_json": invalid], filesWatched: 1))
    }
}
