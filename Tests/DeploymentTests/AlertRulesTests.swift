import Foundation
import Testing

/// Checks `alerts/llm-cost.rules.yml`, its unit tests and `alertmanager/alertmanager.yml`
/// with the real `promtool` and `amtool`.
@Suite struct AlertRulesTests {
    static let rulesFile = "alerts/llm-cost.rules.yml"
    static let rulesTestFile = "alerts/llm-cost.rules.test.yml"
    static let alertmanagerFile = "alertmanager/alertmanager.yml"

    /// The lines of a file in the repository.
    static func lines(of path: String) throws -> [Substring] {
        let url = DeploymentTool.repositoryRoot.appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The value after `key:` on a line, trimmed, or `nil` when the line is not that key.
    static func value(of key: String, in line: Substring) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
        guard trimmed.hasPrefix(key + ":") else { return nil }
        return trimmed.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
    }

    /// Each alert of the rules file with the lines of its rule, in file order.
    static func alertRules() throws -> [(name: String, lines: [Substring])] {
        var rules: [(name: String, lines: [Substring])] = []
        var inAlert = false
        for line in try lines(of: rulesFile) {
            if let name = value(of: "alert", in: line) {
                rules.append((name, [line]))
                inAlert = true
            } else if value(of: "record", in: line) != nil || value(of: "name", in: line) != nil {
                inAlert = false
            } else if inAlert {
                rules[rules.count - 1].lines.append(line)
            }
        }
        return rules
    }

    @Test func promtoolAcceptsTheRules() throws {
        if let output = try DeploymentTool.promtool.expectSuccess(["check", "rules", Self.rulesFile]) {
            #expect(output.contains("SUCCESS: 16 rules found"), "\(output)")
        }
    }

    @Test func ruleUnitTestsPass() throws {
        try DeploymentTool.promtool.expectSuccess(["test", "rules", Self.rulesTestFile])
    }

    @Test func everyAlertIsTestedFiringAndQuiet() throws {
        var firing = Set<String>()
        var quiet = Set<String>()
        var alertName: String?
        for line in try Self.lines(of: Self.rulesTestFile) {
            if let name = Self.value(of: "alertname", in: line) {
                alertName = name
            } else if let expected = Self.value(of: "exp_alerts", in: line), let name = alertName {
                if expected == "[]" { quiet.insert(name) } else { firing.insert(name) }
                alertName = nil
            }
        }
        let alerts = try Self.alertRules().map(\.name)
        #expect(alerts.count == 11)
        for alert in alerts {
            #expect(firing.contains(alert), "\(alert) has no unit test in which it fires")
            #expect(quiet.contains(alert), "\(alert) has no unit test in which it stays quiet")
        }
    }

    @Test func everyAlertHasSeveritySummaryAndDescription() throws {
        for rule in try Self.alertRules() {
            let severity = rule.lines.compactMap { Self.value(of: "severity", in: $0) }
            #expect(severity.count == 1 && ["critical", "warning"].contains(severity.first ?? ""), "\(rule.name)")
            #expect(rule.lines.contains { Self.value(of: "summary", in: $0) != nil }, "\(rule.name) has no summary")
            #expect(
                rule.lines.contains { Self.value(of: "description", in: $0) != nil }, "\(rule.name) has no description")
        }
    }

    @Test func amtoolAcceptsTheAlertmanagerConfig() throws {
        try DeploymentTool.amtool.expectSuccess(["check-config", Self.alertmanagerFile])
    }

    /// Labels of an alert and the receivers Alertmanager must route it to, in route order.
    struct RouteCase: CustomTestStringConvertible, Sendable {
        let name: String
        let labels: [String]
        let receivers: String

        var testDescription: String { name }
    }

    static let routeCases: [RouteCase] = [
        RouteCase(
            name: "critical budget alert pages by email, Slack and the webhook",
            labels: ["alertname=LLMBudgetExceeded", "severity=critical", "budget=daily"],
            receivers: "oncall-email,slack-alerts,webhook"),
        RouteCase(
            name: "warning goes to Slack and the webhook",
            labels: ["alertname=LLMBudgetNearlyExhausted", "severity=warning", "budget=daily"],
            receivers: "slack-alerts,webhook"),
        RouteCase(
            name: "alert without severity reaches only the webhook",
            labels: ["alertname=Other"], receivers: "webhook"),
    ]

    @Test(arguments: routeCases)
    func alertmanagerRoutesBySeverity(_ testCase: RouteCase) throws {
        guard
            let output = try DeploymentTool.amtool.expectSuccess(
                ["config", "routes", "test", "--config.file=\(Self.alertmanagerFile)"] + testCase.labels
            )
        else { return }
        // amtool warns on stderr that --config.file overrides the server URL; keep stdout's line.
        let receivers = output.split(separator: "\n").filter { !$0.hasPrefix("Warning:") }
        #expect(receivers == [Substring(testCase.receivers)])
    }
}
