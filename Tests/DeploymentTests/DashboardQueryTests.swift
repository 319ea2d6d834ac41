import ExporterTestSupport
import Foundation
import Testing

/// The live check of issue 6: the exporter serves the bundled examples, a real Prometheus
/// scrapes it every second and loads the shipped alert rules, and every query of every
/// dashboard panel, every template variable and every rule must run without error and
/// return data.
///
/// An empty result is a failure because it is what a misspelt metric or label, a matcher
/// that can never match, or a wrong job name looks like. All failures are listed together.
/// Both processes are always stopped, and every wait has a deadline.
@Suite("Dashboard queries against a live exporter and Prometheus")
struct DashboardQueryTests {
    /// Budget configuration for the exporter, so the budget panels have series to show.
    ///
    /// Passed with `--config` when the exporter's `--check-config` accepts it; the keys
    /// follow issue 5's budget list (name, amount in USD, period, timezone) in the config
    /// file's snake_case. When it is refused, the exporter runs without it, the budget
    /// queries come back empty and the failure message quotes the refusal.
    static let exporterConfig = """
        budgets:
          - name: live-test-daily
            amount_usd: 5
            period: day
            timezone: UTC
          - name: live-test-monthly
            amount_usd: 100
            period: month
            timezone: UTC

        """

    /// One query to run, and where it came from.
    struct LiveQuery: Sendable {
        /// Where the query was found: dashboard, panel and target, variable, or rule.
        var origin: String
        var promql: String
        /// Whether the whole query must return data; otherwise (an alert's condition, empty
        /// while it does not fire) only each of its selectors must.
        var wholeQueryMustReturnData: Bool
    }

    @Test("every dashboard, variable and rule query runs and returns data", .timeLimit(.minutes(3)))
    func everyQueryReturnsData() async throws {
        let exporterBinary = try #require(ExporterBinary.locate(), Comment(rawValue: ExporterBinary.notFoundMessage))
        let work = try DashboardRepository.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }

        let exporter = try Self.startExporter(exporterBinary, work: work)
        defer { exporter.process.stop() }
        try await ProcessWait.until("the exporter answers /-/ready with 200", watching: [exporter.process]) {
            await exporter.api.status(of: "-/ready") == 200
        }

        let prometheus = try PrometheusServer.start(
            scraping: exporter.address, jobName: LiveStack.jobName, ruleFiles: [LiveStack.shippedRules.path], in: work)
        defer { prometheus.process.stop() }
        try await ProcessWait.until("Prometheus answers /-/ready with 200", watching: [prometheus.process]) {
            await prometheus.api.status(of: "-/ready") == 200
        }
        // Three scrapes of a target that is up: every `rate()` over one minute has the two
        // samples it needs, with one to spare.
        try await ProcessWait.until("Prometheus has scraped the exporter 3 times", watching: [prometheus.process]) {
            let scrapes = await prometheus.api.value(of: #"count_over_time(up{job="\#(LiveStack.jobName)"}[1m])"#)
            let up = await prometheus.api.value(of: #"up{job="\#(LiveStack.jobName)"}"#)
            return (scrapes ?? 0) >= 3 && up == 1
        }
        try await ProcessWait.until("Prometheus has evaluated every rule once", watching: [prometheus.process]) {
            guard let rules = await prometheus.api.rules() else { return false }
            return rules.allSatisfy { $0.health != "unknown" }
        }

        let rules = try #require(await prometheus.api.rules())
        var failures = rules.filter { $0.health != "ok" }.map { rule in
            "rule \(rule.name): health \(rule.health): \(rule.lastError ?? "no error text")"
        }
        let queries =
            try Self.dashboardQueries()
            + rules.map { rule in
                LiveQuery(
                    origin: "rule \(rule.name)", promql: rule.query, wholeQueryMustReturnData: rule.type == "recording")
            }
        for query in queries {
            if let failure = await Self.check(query, with: prometheus.api) {
                failures.append(failure)
            }
        }
        #expect(
            failures.isEmpty,
            """
            \(failures.count) of \(queries.count) queries failed against the exporter on examples/:
            \(failures.joined(separator: "\n"))
            budget config: \(exporter.configNote)
            exporter output (last lines):
            \(exporter.process.outputTail())
            """
        )
        #expect(queries.count > 50, "too few queries found: \(queries.count)")
    }

    /// Every query of every dashboard's panels and query variables, variables substituted.
    static func dashboardQueries() throws -> [LiveQuery] {
        try DashboardRepository.dashboardFileNames().flatMap { file -> [LiveQuery] in
            let dashboard = try DashboardRepository.dashboard(file)
            let template = GrafanaTemplate(dashboard: dashboard)
            let panelQueries = try dashboard.targets.map { panel, target in
                LiveQuery(
                    origin: "\(file) panel \(panel.id ?? 0) \"\(panel.title)\" target \(target.refId)",
                    promql: try template.expand(target.expr ?? ""),
                    wholeQueryMustReturnData: true
                )
            }
            let variableQueries = try dashboard.variables.filter { $0.type == "query" }.map { variable in
                LiveQuery(
                    origin: "\(file) variable \(variable.name)",
                    promql: try labelValuesQuery(template.expand(variable.query)),
                    wholeQueryMustReturnData: true
                )
            }
            return panelQueries + variableQueries
        }
    }

    /// The PromQL that returns what Grafana's `label_values(selector, label)` lists.
    ///
    /// - Throws: `LiveStack.LiveStackError` for any other variable query form, so a new form is noticed.
    static func labelValuesQuery(_ variableQuery: String) throws -> String {
        guard variableQuery.hasPrefix("label_values("), variableQuery.hasSuffix(")"),
            let comma = variableQuery.lastIndex(of: ",")
        else {
            throw LiveStack.LiveStackError(
                description: "unsupported variable query (expected label_values(selector, label)): \(variableQuery)")
        }
        let selector = variableQuery[
            variableQuery.index(variableQuery.startIndex, offsetBy: "label_values(".count)..<comma]
        let label = variableQuery[
            variableQuery.index(after: comma)..<variableQuery.index(before: variableQuery.endIndex)]
        return "count by (\(label.trimmingCharacters(in: .whitespaces))) (\(selector))"
    }

    /// Runs `query`; returns a line describing what is wrong, or `nil` when it is right.
    static func check(_ query: LiveQuery, with api: PrometheusAPI) async -> String? {
        let outcome = await api.query(query.promql)
        if case .failed(let reason) = outcome {
            return "\(query.origin): error \(reason)\n    \(query.promql)"
        }
        var emptySelectors: [String] = []
        for selector in PromQLSelectors.selectors(in: query.promql)
        where !emptySelectors.contains(selector.instantQuery) {
            if case .result(_, 0) = await api.query(selector.instantQuery) {
                emptySelectors.append(selector.instantQuery)
            }
        }
        let wholeQueryEmpty =
            outcome == .result(type: "vector", seriesCount: 0)
            || outcome == .result(type: "matrix", seriesCount: 0)
        guard (query.wholeQueryMustReturnData && wholeQueryEmpty) || !emptySelectors.isEmpty else { return nil }
        let culprits = emptySelectors.isEmpty ? "" : "; no series for: \(emptySelectors.joined(separator: ", "))"
        return "\(query.origin): empty result\(culprits)\n    \(query.promql)"
    }

    /// Starts the exporter in server mode on the bundled examples, on a free loopback port.
    ///
    /// - Returns: the process, its address, a client for it, and what became of the budget
    ///   config (used, or why not).
    static func startExporter(_ binary: URL, work: URL) throws
        -> (process: SpawnedProcess, address: String, api: PrometheusAPI, configNote: String)
    {
        let config = work.appendingPathComponent("exporter.yml")
        try exporterConfig.write(to: config, atomically: true, encoding: .utf8)
        let check = try SpawnedProcess.run(binary, ["--check-config", config.path], in: work, timeout: 10)
        let configNote =
            check.status == 0
            ? "passed with --config" : "refused by --check-config (status \(check.status)): \(check.output)"
        let exporter = try LiveStack.startExporter(
            binary,
            files: DashboardRepository.url("examples").path + "/*.jsonl",
            config: check.status == 0 ? config : nil,
            work: work
        )
        return (exporter.process, exporter.address, exporter.api, configNote)
    }
}
