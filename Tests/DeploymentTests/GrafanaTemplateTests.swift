import Foundation
import Testing

/// Template substitution as the live test relies on it: every form Grafana accepts, and a
/// loud failure for a variable the dashboard does not define.
@Suite("Grafana template substitution")
struct GrafanaTemplateTests {
    static let template = GrafanaTemplate(
        values: GrafanaTemplate.builtins.merging(
            ["model": ".*", "group_by": "provider"], uniquingKeysWith: { $1 }))

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var query: String
        var expanded: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no variables", query: "sum(up)", expanded: "sum(up)"),
        Case(name: "rate interval", query: "rate(x[$__rate_interval])", expanded: "rate(x[1m])"),
        Case(
            name: "range and interval", query: "increase(x[$__range]) + increase(x[$__interval])",
            expanded: "increase(x[1h]) + increase(x[1m])"),
        Case(name: "braced with a format", query: #"x{model=~"${model:regex}"}"#, expanded: #"x{model=~".*"}"#),
        Case(name: "braced plain", query: "sum by (${group_by}) (x)", expanded: "sum by (provider) (x)"),
        Case(name: "dollar variable next to punctuation", query: #"x{model=~"$model"}"#, expanded: #"x{model=~".*"}"#),
    ]

    @Test("substitutes every variable form", arguments: cases)
    func expand(_ testCase: Case) throws {
        #expect(try Self.template.expand(testCase.query) == testCase.expanded)
    }

    @Test("an undefined variable is an error naming it")
    func undefinedVariable() {
        #expect(throws: UnknownTemplateVariable.self) { try Self.template.expand("rate(x[$__rate_intervall])") }
        do {
            _ = try Self.template.expand(#"x{provider=~"$provider"}"#)
        } catch let error as UnknownTemplateVariable {
            #expect(error.name == "provider")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a dashboard's All variables become their all-value, others their current value")
    func valuesFromDashboard() throws {
        let dashboard = try DashboardRepository.dashboard("llm-cost-overview.json")
        let template = GrafanaTemplate(dashboard: dashboard)
        #expect(template.values["provider"] == ".*")
        #expect(template.values["instance"] == ".*")
        #expect(template.values["group_by"] == "provider")
        #expect(template.values["__rate_interval"] == "1m")
    }
}
