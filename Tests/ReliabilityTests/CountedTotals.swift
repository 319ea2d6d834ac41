import ExporterTestSupport

/// What a reliability test judges a scrape by: lines, requests and cost by model, line
/// errors by reason — each keyed series only when non-zero, so equality checks every series.
struct CountedTotals: Equatable, CustomStringConvertible {
    /// `llm_cost_exporter_lines_total`.
    var lines = 0
    /// `llm_requests_total` summed over every label but `model`.
    var requests: [String: Int] = [:]
    /// `llm_cost_usd_total` summed over every label but `model`.
    var costUSD: [String: Double] = [:]
    /// `llm_cost_exporter_line_errors_total` by reason.
    var lineErrors: [String: Int] = [:]

    /// The totals of `requests` lines written (`NumberedLine`s) plus `incomplete` unfinished
    /// lines dropped.
    init(requests: [String: Int], incomplete: Int = 0) {
        self.requests = requests.filter { $0.value != 0 }
        costUSD = self.requests.mapValues { Double($0) }.reduce(into: [:]) { costs, entry in
            costs[entry.key] = entry.value * (NumberedLine.costUSD[entry.key] ?? .nan)
        }
        lineErrors = incomplete == 0 ? [:] : ["incomplete": incomplete]
        lines = requests.values.reduce(0, +) + incomplete
    }

    /// The totals in `exposition`.
    init(_ exposition: Exposition) {
        lines = Self.integer(exposition.value("llm_cost_exporter_lines_total"))
        for sample in exposition.samples(named: "llm_requests_total") where sample.value != 0 {
            requests[sample.label("model") ?? "?", default: 0] += Self.integer(sample.value)
        }
        for sample in exposition.samples(named: "llm_cost_usd_total") where sample.value != 0 {
            costUSD[sample.label("model") ?? "?", default: 0] += sample.value
        }
        for sample in exposition.samples(named: "llm_cost_exporter_line_errors_total")
        where sample.value != 0 {
            lineErrors[sample.label("reason") ?? "?", default: 0] += Self.integer(sample.value)
        }
    }

    var description: String {
        func sorted<Value>(_ values: [String: Value]) -> String {
            "[" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
        }
        return "lines \(lines), requests \(sorted(requests)), cost \(sorted(costUSD)), "
            + "line errors \(sorted(lineErrors))"
    }

    /// A counter as an integer; -1 when missing or not whole, which no expected value is.
    private static func integer(_ value: Double?) -> Int {
        value.flatMap { Int(exactly: $0) } ?? -1
    }
}
