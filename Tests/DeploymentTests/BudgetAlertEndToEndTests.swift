import ExporterTestSupport
import Foundation
import Testing

/// Issue 5's end-to-end check: the exporter tails a log file, a real Prometheus scrapes it and
/// evaluates the shipped rules, a real Alertmanager routes with the shipped configuration, and
/// a webhook receiver in this process gets `LLMBudgetExceeded` once appended lines cross the
/// budget — and not before.
///
/// The rules file is loaded unchanged: `LLMBudgetExceeded` has no `for:`, so no shortened copy
/// is needed. Every process is stopped on every path, every wait has a deadline, and a missing
/// `prometheus` or Alertmanager is a failure that says how to install it.
@Suite("A budget alert from the log file to a webhook, through real Prometheus and Alertmanager")
struct BudgetAlertEndToEndTests {
    /// The budget under test.
    static let budgetName = "e2e-monthly"

    /// One $5 budget for OpenAI only. A month rather than a day, so a run crosses a period
    /// boundary (which would reset the spend mid-test) only in the last minute of a month.
    static let exporterConfig = """
        budgets:
          - name: \(budgetName)
            amount_usd: 5
            period: month
            timezone: UTC
            scope:
              provider: openai

        """

    /// One logged call.
    struct Call {
        var model: String
        var provider: String
        var cost: Double
    }

    /// $4.50 for OpenAI, 90% of the budget: `LLMBudgetNearlyExhausted` but not exceeded. The
    /// $10 Anthropic call is outside the budget's scope and would exceed it if counted.
    static let callsUnderBudget = [
        Call(model: "gpt-4o", provider: "openai", cost: 1.25),
        Call(model: "claude-sonnet-4", provider: "anthropic", cost: 10),
        Call(model: "gpt-4o-mini", provider: "openai", cost: 3.25),
    ]

    /// Brings the OpenAI spend to $5.25, 105% of the budget.
    static let callsCrossingBudget = [Call(model: "gpt-4o", provider: "openai", cost: 0.75)]

    @Test(
        "crossing a budget sends LLMBudgetExceeded to the webhook, staying under it does not",
        // Above the sum of the waits' own deadlines, so a stuck wait reports what it waited for.
        .timeLimit(.minutes(5)))
    func crossingTheBudgetReachesTheWebhook() async throws {
        let exporterBinary = try #require(ExporterBinary.locate(), Comment(rawValue: ExporterBinary.notFoundMessage))
        // Debian names the binary after its package; upstream releases call it `alertmanager`.
        let alertmanagerBinary = try #require(
            SpawnedProcess.executable(named: "prometheus-alertmanager")
                ?? SpawnedProcess.executable(named: "alertmanager"),
            """
            neither prometheus-alertmanager nor alertmanager is on PATH: run the test script (scripts/test), \
            which installs Debian's prometheus-alertmanager package
            """
        )
        let work = try DashboardRepository.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let webhook = try #require(WebhookReceiver(), "no loopback socket could be bound for the webhook receiver")
        defer { webhook.stop() }

        let log = work.appendingPathComponent("calls.jsonl")
        try Data().write(to: log)
        let exporterConfig = work.appendingPathComponent("exporter.yml")
        try Self.exporterConfig.write(to: exporterConfig, atomically: true, encoding: .utf8)
        let exporter = try LiveStack.startExporter(
            exporterBinary, files: log.path, config: exporterConfig, extraArguments: ["--poll-interval", "100"],
            work: work
        )
        defer { exporter.process.stop() }

        let alertmanagerConfig = work.appendingPathComponent("alertmanager.yml")
        let unreachable = try #require(LoopbackPort.free(), "no free loopback port")
        try Self.alertmanagerConfig(webhookURL: webhook.url(path: "/alerts"), unreachable: "127.0.0.1:\(unreachable)")
            .write(to: alertmanagerConfig, atomically: true, encoding: .utf8)
        let alertmanager = try LiveStack.startAlertmanager(alertmanagerBinary, config: alertmanagerConfig, work: work)
        defer { alertmanager.process.stop() }

        let prometheus = try PrometheusServer.start(
            scraping: exporter.address, jobName: LiveStack.jobName, ruleFiles: [LiveStack.shippedRules.path],
            alertmanager: alertmanager.address, in: work)
        defer { prometheus.process.stop() }
        let everything = [exporter.process, alertmanager.process, prometheus.process]

        try await ProcessWait.until("the exporter answers /-/ready with 200", watching: [exporter.process]) {
            await exporter.api.status(of: "-/ready") == 200
        }
        try await ProcessWait.until("Alertmanager answers /-/ready with 200", watching: [alertmanager.process]) {
            await alertmanager.api.status(of: "-/ready") == 200
        }
        // An alert that fires before Prometheus has found its Alertmanager is only resent a
        // minute later, so the lines are appended once both links are up.
        try await ProcessWait.until(
            "Prometheus scrapes the exporter and sends to Alertmanager", watching: [prometheus.process]
        ) {
            let up = await prometheus.api.value(of: #"up{job="\#(LiveStack.jobName)"}"#)
            let alertmanagers = await prometheus.api.activeAlertmanagers() ?? []
            return up == 1 && !alertmanagers.isEmpty
        }

        // Under the budget: the spend is exact, the 80% warning arrives, the 100% alert does not.
        try Self.append(Self.callsUnderBudget, to: log)
        try await Self.waitForScrape(ofLines: 3, prometheus: prometheus.api, watching: everything)
        #expect(await prometheus.api.value(of: Self.series("llm_budget_spend_usd")) == 4.5)
        #expect(await prometheus.api.value(of: Self.series("llm_budget_limit_usd")) == 5)
        // The warning shows the whole path delivers, so the silence below is not a broken pipe.
        // An early LLMBudgetExceeded ends the wait too (it inhibits the warning), and fails below.
        try await ProcessWait.until(
            "the webhook receives LLMBudgetNearlyExhausted for \(Self.budgetName)", timeout: .seconds(60),
            watching: everything
        ) {
            Self.firingAlert("LLMBudgetNearlyExhausted", at: webhook) != nil
                || Self.firingAlert("LLMBudgetExceeded", at: webhook) != nil
        }
        try await Self.requireNoBudgetExceeded(for: 3, prometheus: prometheus.api, webhook: webhook)

        // Over the budget.
        try Self.append(Self.callsCrossingBudget, to: log)
        try await ProcessWait.until(
            "the webhook receives LLMBudgetExceeded for \(Self.budgetName)", timeout: .seconds(60), watching: everything
        ) {
            Self.firingAlert("LLMBudgetExceeded", at: webhook) != nil
        }
        #expect(await prometheus.api.value(of: Self.series("llm_budget_spend_usd")) == 5.25)
        let (notification, alert) = try #require(Self.firingAlert("LLMBudgetExceeded", at: webhook))
        #expect(notification.receiver == "webhook")
        #expect(notification.version == "4")
        #expect(
            alert.labels == [
                "alertname": "LLMBudgetExceeded", "budget": Self.budgetName, "period": "month", "severity": "critical",
            ])
        #expect(alert.annotations["summary"] == "LLM budget \(Self.budgetName) is exceeded (105% of its month limit)")
        #expect(
            alert.annotations["description"]
                == "Budget \(Self.budgetName) has spent $5.25 of its $5.00 limit this month (105%).")
        let unreadable = webhook.requests.filter { request in
            request.method != "POST" || request.path != "/alerts"
                || (try? AlertmanagerNotification(body: request.body)) == nil
        }
        #expect(unreadable.isEmpty, "requests that are not webhook notifications: \(unreadable)")
    }

    /// The shipped `alertmanager/alertmanager.yml` with exactly five substitutions; its routes,
    /// grouping labels, inhibitions and receivers are otherwise unchanged:
    /// - the webhook posts to the test's receiver;
    /// - `group_wait` and `group_interval` are one second, so a notification follows an alert
    ///   in about a second rather than 30 s;
    /// - the SMTP server and the Slack URL (critical and warning alerts go there too) point at a
    ///   closed loopback port, so nothing leaves the machine and those deliveries fail at once.
    ///
    /// - Throws: `LiveStack.LiveStackError` when a substituted text does not occur exactly
    ///   once: the shipped file changed and this test must follow it.
    static func alertmanagerConfig(webhookURL: String, unreachable: String) throws -> String {
        var text = try String(contentsOf: DashboardRepository.url("alertmanager/alertmanager.yml"), encoding: .utf8)
        let substitutions = [
            ("url: http://127.0.0.1:9097/alerts", "url: \(webhookURL)"),
            ("group_wait: 30s", "group_wait: 1s"),
            ("group_interval: 5m", "group_interval: 1s"),
            ("smtp_smarthost: smtp.example.com:587", "smtp_smarthost: \(unreachable)"),
            (
                "api_url: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "api_url: http://\(unreachable)/slack"
            ),
        ]
        for (original, replacement) in substitutions {
            let occurrences = text.components(separatedBy: original).count - 1
            guard occurrences == 1 else {
                throw LiveStack.LiveStackError(
                    description: """
                        alertmanager/alertmanager.yml holds "\(original)" \(occurrences) times, not once: \
                        update the test's substitutions to the shipped file
                        """)
            }
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        return text
    }

    /// Appends one JSON line per call to `log`, each stamped with the current time (budgets
    /// count spend by the record's own timestamp).
    static func append(_ calls: [Call], to log: URL) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        let lines = calls.map { call in
            #"{"timestamp": "\#(now)", "model": "\#(call.model)", "provider": "\#(call.provider)", "cost": \#(call.cost)}"#
                + "\n"
        }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.joined().utf8))
    }

    /// The budget's series of `metric`, as an instant query.
    static func series(_ metric: String) -> String {
        #"\#(metric){job="\#(LiveStack.jobName)",budget="\#(budgetName)"}"#
    }

    /// Waits until Prometheus holds a scrape taken after the exporter read `count` lines in
    /// all, so the budget series of that scrape include every one of them.
    static func waitForScrape(
        ofLines count: Int, prometheus: PrometheusAPI, watching processes: [SpawnedProcess]
    ) async throws {
        try await ProcessWait.until("Prometheus has scraped \(count) lines read", watching: processes) {
            await prometheus.value(of: #"llm_cost_exporter_lines_total{job="\#(LiveStack.jobName)"}"#)
                == Double(count)
        }
    }

    /// Watches for `seconds` seconds that `LLMBudgetExceeded` neither reaches the webhook nor
    /// is pending or firing in Prometheus.
    ///
    /// - Throws: `LiveStack.LiveStackError` at the first sign of it.
    static func requireNoBudgetExceeded(
        for seconds: TimeInterval, prometheus: PrometheusAPI, webhook: WebhookReceiver
    ) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let (_, alert) = firingAlert("LLMBudgetExceeded", at: webhook) {
                throw LiveStack.LiveStackError(
                    description: "LLMBudgetExceeded reached the webhook while under the budget: \(alert)")
            }
            let active = await prometheus.query(#"ALERTS{alertname="LLMBudgetExceeded"}"#)
            guard active == .result(type: "vector", seriesCount: 0) else {
                throw LiveStack.LiveStackError(
                    description: "LLMBudgetExceeded is pending or firing in Prometheus under the budget: \(active)")
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        } while Date() < deadline
    }

    /// The first firing alert called `name` for the budget under test that reached the
    /// webhook, with the notification that carried it.
    static func firingAlert(
        _ name: String, at webhook: WebhookReceiver
    ) -> (AlertmanagerNotification, AlertmanagerNotification.Alert)? {
        for request in webhook.requests {
            guard let notification = try? AlertmanagerNotification(body: request.body) else { continue }
            if let alert = notification.alerts.first(where: { alert in
                alert.status == "firing" && alert.labels["alertname"] == name
                    && alert.labels["budget"] == budgetName
            }) {
                return (notification, alert)
            }
        }
        return nil
    }
}
