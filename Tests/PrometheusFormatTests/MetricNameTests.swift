import Testing

@testable import PrometheusFormat

struct MetricNameTests {
    @Test(arguments: ["a", "llm_cost_usd_total", "job:rate5m", "_x", "A9_b:c"])
    func acceptsValidMetricNames(_ name: String) {
        #expect(MetricName.isValidMetricName(name))
    }

    @Test(arguments: ["", "9abc", "a-b", "a b", "é", "a.b"])
    func rejectsInvalidMetricNames(_ name: String) {
        #expect(!MetricName.isValidMetricName(name))
    }

    @Test(arguments: ["user", "query_type", "_private", "t3am"])
    func acceptsValidLabelNames(_ name: String) {
        #expect(MetricName.isValidLabelName(name))
    }

    @Test(arguments: ["", "__reserved", "a:b", "1x", "team-name"])
    func rejectsInvalidLabelNames(_ name: String) {
        #expect(!MetricName.isValidLabelName(name))
    }
}
