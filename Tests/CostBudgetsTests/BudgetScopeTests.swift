import Testing

@testable import CostBudgets

/// A scope, a series, and whether the scope must match it.
struct ScopeCase: CustomTestStringConvertible, Sendable {
    let name: String
    let scope: BudgetScope
    let provider: String
    let model: String
    var labels: [String: String] = [:]
    let matches: Bool

    var testDescription: String { name }
}

@Suite struct BudgetScopeTests {
    static let cases: [ScopeCase] = [
        ScopeCase(
            name: "empty scope matches anything", scope: BudgetScope(),
            provider: "openai", model: "gpt-4o", labels: ["team": "a"], matches: true),
        ScopeCase(
            name: "provider matches", scope: BudgetScope(provider: "openai"),
            provider: "openai", model: "gpt-4o", matches: true),
        ScopeCase(
            name: "other provider", scope: BudgetScope(provider: "openai"),
            provider: "anthropic", model: "claude-3", matches: false),
        ScopeCase(
            name: "matching is case-sensitive", scope: BudgetScope(provider: "OpenAI"),
            provider: "openai", model: "gpt-4o", matches: false),
        ScopeCase(
            name: "provider and model both match", scope: BudgetScope(provider: "openai", model: "gpt-4o"),
            provider: "openai", model: "gpt-4o", matches: true),
        ScopeCase(
            name: "model differs", scope: BudgetScope(provider: "openai", model: "gpt-4o"),
            provider: "openai", model: "gpt-4o-mini", matches: false),
        ScopeCase(
            name: "label matches", scope: BudgetScope(labels: ["team": "search"]),
            provider: "openai", model: "gpt-4o", labels: ["team": "search", "env": "prod"], matches: true),
        ScopeCase(
            name: "label differs", scope: BudgetScope(labels: ["team": "search"]),
            provider: "openai", model: "gpt-4o", labels: ["team": "ads"], matches: false),
        ScopeCase(
            name: "label missing never matches", scope: BudgetScope(labels: ["team": ""]),
            provider: "openai", model: "gpt-4o", labels: [:], matches: false),
        ScopeCase(
            name: "every label must match", scope: BudgetScope(labels: ["team": "search", "env": "prod"]),
            provider: "openai", model: "gpt-4o", labels: ["team": "search", "env": "dev"], matches: false),
    ]

    @Test(arguments: cases)
    func matchesExactly(_ testCase: ScopeCase) {
        #expect(
            testCase.scope.matches(provider: testCase.provider, model: testCase.model, labels: testCase.labels)
                == testCase.matches
        )
    }
}
