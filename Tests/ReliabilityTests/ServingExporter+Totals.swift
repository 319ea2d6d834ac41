import ExporterTestSupport

extension ServingExporter {
    /// Scrapes until the totals are `expected`, for up to `timeout`, or until more lines than
    /// expected are counted (which no later scrape can undo).
    ///
    /// - Returns: The last totals scraped: `expected`, or what to report against it.
    /// - Throws: `ServingExporter.Failure` when the exporter exits.
    func totals(reaching expected: CountedTotals, within timeout: Duration) async throws -> CountedTotals {
        let deadline = ContinuousClock.now + timeout
        var last = CountedTotals(try scrape())
        while last != expected, last.lines <= expected.lines, ContinuousClock.now < deadline {
            try checkRunning()
            try await Task.sleep(for: .milliseconds(20))
            last = CountedTotals(try scrape())
        }
        return last
    }
}
