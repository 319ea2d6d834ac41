/// The samples a tailing scenario is judged by, read from one live scrape.
///
/// Counters keyed by label hold only their non-zero series, so comparing two values checks
/// every series exactly: one expected to be zero must be zero. Requests and costs are keyed
/// by model, which the scenarios use to name the phase a line was written in, so a lost or
/// doubled line shows which phase it came from.
package struct TailingTotals: Equatable, CustomStringConvertible {
    /// `llm_cost_exporter_lines_total`.
    package var lines = 0
    /// `llm_requests_total` by `model/status`.
    package var requests: [String: Int] = [:]
    /// `llm_cost_usd_total` summed over statuses, by model.
    package var costUSD: [String: Double] = [:]
    /// `llm_cost_exporter_line_errors_total` by reason.
    package var lineErrors: [String: Int] = [:]
    /// `llm_cost_exporter_rotations_total`.
    package var rotations = 0
    /// `llm_cost_exporter_truncations_total`.
    package var truncations = 0
    /// `llm_cost_exporter_files_watched`.
    package var filesWatched = 0
    /// The reasons of `llm_cost_exporter_read_errors_total` with a non-zero count: how many
    /// retries fail depends on the backoff's timing, whether any failed does not.
    package var readErrorReasons: Set<String> = []
    /// `llm_cost_exporter_unread_bytes`.
    package var unreadBytes = 0

    /// The totals of `requests` lines per model, each costing `CostLine.costUSD`, all successful.
    package init(
        lines: Int,
        successfulRequests: [String: Int],
        lineErrors: [String: Int] = [:],
        rotations: Int = 0,
        truncations: Int = 0,
        filesWatched: Int,
        readErrorReasons: Set<String> = [],
        unreadBytes: Int = 0
    ) {
        self.lines = lines
        self.requests = Dictionary(
            uniqueKeysWithValues: successfulRequests.map { ("\($0.key)/success", $0.value) })
        self.costUSD = successfulRequests.mapValues { Double($0) * CostLine.costUSD }
        self.lineErrors = lineErrors
        self.rotations = rotations
        self.truncations = truncations
        self.filesWatched = filesWatched
        self.readErrorReasons = readErrorReasons
        self.unreadBytes = unreadBytes
    }

    /// The totals in `exposition`.
    package init(_ exposition: Exposition) {
        lines = Self.integer(exposition.value("llm_cost_exporter_lines_total"))
        for sample in exposition.samples(named: "llm_requests_total") where sample.value != 0 {
            requests["\(sample.label("model") ?? "?")/\(sample.label("status") ?? "?")", default: 0] +=
                Self.integer(sample.value)
        }
        for sample in exposition.samples(named: "llm_cost_usd_total") where sample.value != 0 {
            costUSD[sample.label("model") ?? "?", default: 0] += sample.value
        }
        lineErrors = Self.nonZero(exposition, "llm_cost_exporter_line_errors_total")
        rotations = Self.integer(exposition.value("llm_cost_exporter_rotations_total"))
        truncations = Self.integer(exposition.value("llm_cost_exporter_truncations_total"))
        filesWatched = Self.integer(exposition.value("llm_cost_exporter_files_watched"))
        readErrorReasons = Set(Self.nonZero(exposition, "llm_cost_exporter_read_errors_total").keys)
        unreadBytes = Self.integer(exposition.value("llm_cost_exporter_unread_bytes"))
    }

    /// Every total, maps sorted by key, for failure messages.
    package var description: String {
        func sorted<Value>(_ values: [String: Value]) -> String {
            "[" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
        }
        return """
            lines \(lines), requests \(sorted(requests)), cost \(sorted(costUSD)), line errors \(sorted(lineErrors)), \
            rotations \(rotations), truncations \(truncations), files watched \(filesWatched), \
            read errors \(readErrorReasons.sorted()), unread bytes \(unreadBytes)
            """
    }

    /// The non-zero series of a family with one `reason` label, by reason.
    private static func nonZero(_ exposition: Exposition, _ name: String) -> [String: Int] {
        var values: [String: Int] = [:]
        for sample in exposition.samples(named: name) where sample.value != 0 {
            values[sample.label("reason") ?? "?", default: 0] += integer(sample.value)
        }
        return values
    }

    /// A counter or gauge as an integer; -1 when it is missing or not a whole number, which
    /// no expected value is.
    private static func integer(_ value: Double?) -> Int {
        value.flatMap { Int(exactly: $0) } ?? -1
    }
}
