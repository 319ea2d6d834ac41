import Testing

/// The selector scanner the dashboard rules stand on: if it misread a query, the structure
/// tests would pass for the wrong reason.
@Suite("PromQL selectors")
struct PromQLSelectorsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var expression: String
        var expected: [PromQLSelector]

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "bare metric", expression: "up",
            expected: [
                PromQLSelector(name: "up", matchers: "", range: nil, enclosingCalls: [])
            ]),
        Case(
            name: "raw counter, no rate", expression: #"llm_cost_usd_total{job="a"}"#,
            expected: [
                PromQLSelector(name: "llm_cost_usd_total", matchers: #"job="a""#, range: nil, enclosingCalls: [])
            ]),
        Case(
            name: "aggregation with prefix by clause",
            expression: #"sum by (provider) (rate(llm_cost_usd_total{model=~"$model"}[$__rate_interval]))"#,
            expected: [
                PromQLSelector(
                    name: "llm_cost_usd_total", matchers: #"model=~"$model""#,
                    range: "$__rate_interval", enclosingCalls: ["sum", "rate"])
            ]),
        Case(
            name: "aggregation with postfix by clause",
            expression: "sum(increase(x_total[1h])) by (le, model)",
            expected: [
                PromQLSelector(name: "x_total", matchers: "", range: "1h", enclosingCalls: ["sum", "increase"])
            ]),
        Case(
            name: "histogram quantile over sum by le",
            expression: "histogram_quantile(0.95, sum by (le, model) (rate(d_bucket{le!=\"x)\"}[5m])))",
            expected: [
                PromQLSelector(
                    name: "d_bucket", matchers: "le!=\"x)\"", range: "5m",
                    enclosingCalls: ["histogram_quantile", "sum", "rate"])
            ]),
        Case(
            name: "vector matching, grouping and offset",
            expression: "(a + on (budget) group_left sum by (budget) (b) * on(budget) c offset 5m) / ignoring(x) d",
            expected: [
                PromQLSelector(name: "a", matchers: "", range: nil, enclosingCalls: []),
                PromQLSelector(name: "b", matchers: "", range: nil, enclosingCalls: ["sum"]),
                PromQLSelector(name: "c", matchers: "", range: nil, enclosingCalls: []),
                PromQLSelector(name: "d", matchers: "", range: nil, enclosingCalls: []),
            ]),
        Case(
            name: "keywords, numbers and functions without selectors",
            expression: "time() - max(t) > bool 1e3 and vector(1) or up unless nan",
            expected: [
                PromQLSelector(name: "t", matchers: "", range: nil, enclosingCalls: ["max"]),
                PromQLSelector(name: "up", matchers: "", range: nil, enclosingCalls: []),
            ]),
        Case(
            name: "string containing braces and a metric-like word",
            expression: #"label_replace(m, "dst", "not_a_metric{}", "src", "(.*)")"#,
            expected: [
                PromQLSelector(name: "m", matchers: "", range: nil, enclosingCalls: ["label_replace"])
            ]),
        Case(
            name: "template variable in a by clause",
            expression: "sum by ($group_by) (increase(c_total[$__range]))",
            expected: [
                PromQLSelector(name: "c_total", matchers: "", range: "$__range", enclosingCalls: ["sum", "increase"])
            ]),
    ]

    @Test("finds each selector with its matchers, range and enclosing calls", arguments: cases)
    func selectors(_ testCase: Case) {
        #expect(PromQLSelectors.selectors(in: testCase.expression) == testCase.expected)
    }

    @Test("instant query form keeps the matchers and drops the range")
    func instantQuery() {
        let selector = PromQLSelector(name: "x_total", matchers: #"a="b""#, range: "5m", enclosingCalls: ["rate"])
        #expect(selector.instantQuery == #"x_total{a="b"}"#)
        #expect(PromQLSelector(name: "up", matchers: "", range: nil, enclosingCalls: []).instantQuery == "up")
    }
}
