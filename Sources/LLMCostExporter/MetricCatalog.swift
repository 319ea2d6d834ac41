import PrometheusFormat

/// Every metric family the exporter exposes: the contract dashboards and alert rules use.
enum MetricCatalog {
    static let requests = MetricFamily(
        name: "llm_requests_total",
        help: "LLM API calls read from the logs, by provider, model and status.",
        type: .counter
    )
    static let cost = MetricFamily(
        name: "llm_cost_usd_total",
        help: "Cost of LLM API calls in US dollars, by provider, model and status.",
        type: .counter,
        unit: "usd"
    )
    static let tokens = MetricFamily(
        name: "llm_tokens_total",
        help: "Tokens used by LLM API calls as logged, by provider, model, status and token type (input, output).",
        type: .counter
    )
    static let cacheTokens = MetricFamily(
        name: "llm_cache_tokens_total",
        help:
            "Prompt-cache tokens, by provider, model and operation (read, write); kept apart from llm_tokens_total because providers count them differently.",
        type: .counter
    )
    static let requestDuration = MetricFamily(
        name: "llm_request_duration_seconds",
        help: "Latency of LLM API calls in seconds, by provider, model and status.",
        type: .histogram,
        unit: "seconds"
    )
    static let requestCost = MetricFamily(
        name: "llm_request_cost_usd",
        help: "Cost of single LLM API calls in US dollars, by provider and model.",
        type: .histogram,
        unit: "usd"
    )
    static let cachedRequests = MetricFamily(
        name: "llm_cached_requests_total",
        help: "LLM API calls answered from a cache, by provider and model.",
        type: .counter
    )
    static let unpricedRequests = MetricFamily(
        name: "llm_unpriced_requests_total",
        help: "LLM API calls with no cost logged and no known price, by provider and model.",
        type: .counter
    )
    static let auditMismatches = MetricFamily(
        name: "llm_cost_audit_mismatch_total",
        help:
            "LLM API calls whose logged cost differs from the price table's by more than the audit tolerance, by provider and model.",
        type: .counter
    )
    static let errors = MetricFamily(
        name: "llm_errors_total",
        help: "Failed LLM API calls, by provider, model and error type.",
        type: .counter
    )
    static let lastRequestTimestamp = MetricFamily(
        name: "llm_last_request_timestamp_seconds",
        help: "Time of the newest LLM API call read, from the record's own timestamp, in seconds since the epoch.",
        type: .gauge,
        unit: "seconds"
    )
    static let lines = MetricFamily(
        name: "llm_cost_exporter_lines_total",
        help: "Non-blank log lines read; equals the sum of llm_requests_total and llm_cost_exporter_line_errors_total.",
        type: .counter
    )
    static let lineErrors = MetricFamily(
        name: "llm_cost_exporter_line_errors_total",
        help: "Log lines that did not become a record, by reason.",
        type: .counter
    )
    static let bytesRead = MetricFamily(
        name: "llm_cost_exporter_bytes_read_total",
        help: "Bytes read from the log files.",
        type: .counter
    )
    static let labelOverflow = MetricFamily(
        name: "llm_cost_exporter_label_overflow_total",
        help:
            "Records whose label value was recorded as __other__ because the label's cardinality cap was reached, by label.",
        type: .counter
    )
    static let filesWatched = MetricFamily(
        name: "llm_cost_exporter_files_watched",
        help: "Log files being tailed now, including rotated-away files still being drained.",
        type: .gauge
    )
    static let rotations = MetricFamily(
        name: "llm_cost_exporter_rotations_total",
        help: "Log file rotations seen: a file left its path or was replaced in place.",
        type: .counter
    )
    static let truncations = MetricFamily(
        name: "llm_cost_exporter_truncations_total",
        help: "Log file truncations seen: a file shrank or was rewritten from its start.",
        type: .counter
    )
    static let readErrors = MetricFamily(
        name: "llm_cost_exporter_read_errors_total",
        help: "Failed opens and reads of log files, by reason; the file keeps its position and is retried.",
        type: .counter
    )
    static let unreadBytes = MetricFamily(
        name: "llm_cost_exporter_unread_bytes",
        help: "Bytes written to the log files but not read yet, summed over files, at the last poll.",
        type: .gauge,
        unit: "bytes"
    )
    static let configReloadSuccessful = MetricFamily(
        name: "llm_cost_exporter_config_last_reload_successful",
        help: "Whether the last config (re)load succeeded (1) or was rejected (0).",
        type: .gauge
    )
    static let configReloadSuccessTimestamp = MetricFamily(
        name: "llm_cost_exporter_config_last_reload_success_timestamp_seconds",
        help: "Time of the last successful config load, in seconds since the epoch.",
        type: .gauge,
        unit: "seconds"
    )
    static let budgetLimit = MetricFamily(
        name: "llm_budget_limit_usd",
        help: "The configured spend limit of a budget per period, in US dollars.",
        type: .gauge,
        unit: "usd"
    )
    static let budgetSpend = MetricFamily(
        name: "llm_budget_spend_usd",
        help: "Spend counted toward a budget in its current period, by the records' own timestamps, in US dollars.",
        type: .gauge,
        unit: "usd"
    )
    static let budgetPeriodEnd = MetricFamily(
        name: "llm_budget_period_end_timestamp_seconds",
        help: "When a budget's current period ends, in seconds since the epoch.",
        type: .gauge,
        unit: "seconds"
    )
    static let recordsWithoutTimestamp = MetricFamily(
        name: "llm_cost_exporter_records_without_timestamp_total",
        help: "Records without a usable timestamp; budgets count them at the time they are read.",
        type: .counter
    )
    static let stateRestored = MetricFamily(
        name: "llm_cost_exporter_state_restored",
        help: "Whether the counters were restored from the state file at start (1) or read from the files (0).",
        type: .gauge
    )
    static let stateErrors = MetricFamily(
        name: "llm_cost_exporter_state_errors_total",
        help: "State file loads and saves that failed, by operation.",
        type: .counter
    )
    static let stateLastSave = MetricFamily(
        name: "llm_cost_exporter_state_last_save_timestamp_seconds",
        help: "When the state file was last saved, in seconds since the epoch.",
        type: .gauge,
        unit: "seconds"
    )
    static let buildInfo = MetricFamily(
        name: "llm_cost_exporter_build_info",
        help: "A constant 1, labelled with the exporter's version and the Swift version that built it.",
        type: .gauge
    )
}
