import Foundation
import ModelPricing
import Testing

@testable import LLMCostExporter

struct ExporterConfigurationTests {
    private func parse(_ text: String) throws(ConfigError) -> ExporterConfiguration {
        try ExporterConfiguration.parse(Array(text.utf8), fileName: "exporter.yml")
    }

    @Test func readsEveryFlagKey() throws {
        let configuration = try parse(
            """
            # every flag has a key
            files:
              - logs/*.jsonl
              - 'other/app.jsonl'
            once: true
            format: openmetrics
            listen: "127.0.0.1:9999"
            max_line_bytes: 4096
            max_providers: 5
            max_models_per_provider: 7
            duration_buckets: [0.5, 1, 2.5]
            cost_buckets: [0.001, 0.1]
            poll_interval: 100
            start_at: end
            log_level: debug
            """)
        var expected = ExporterOptions()
        expected.filePatterns = ["logs/*.jsonl", "other/app.jsonl"]
        expected.isOnce = true
        expected.onceFormat = .openmetrics
        expected.listenAddress = "127.0.0.1:9999"
        expected.maxLineBytes = 4096
        expected.limits = MetricLimits(
            durationBuckets: [0.5, 1, 2.5], costBuckets: [0.001, 0.1], maxProviders: 5, maxModelsPerProvider: 7)
        expected.pollIntervalMilliseconds = 100
        expected.startsAtEnd = true
        expected.logLevel = .debug
        #expect(configuration.options == expected)
    }

    @Test func anEmptyFileKeepsTheDefaults() throws {
        #expect(try parse("# nothing set\n").options == ExporterOptions())
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let error: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(
            name: "unknown top-level key", text: "listen: ':1'\nlisen: ':2'\n",
            error:
                "exporter.yml:2:1: unknown key 'lisen' in the config file; expected one of: files, once, format, listen, max_line_bytes, max_providers, max_models_per_provider, duration_buckets, cost_buckets, poll_interval, start_at, log_level, budgets, fields, labels, static_labels, pricing, state_file, state_save_interval"
        ),
        BadCase(
            name: "string where a number belongs", text: "max_line_bytes: lots\n",
            error: "exporter.yml:1:17: max_line_bytes must be a positive whole number"),
        BadCase(
            name: "zero limit", text: "max_providers: 0\n",
            error: "exporter.yml:1:16: max_providers must be a positive whole number"),
        BadCase(
            name: "bad choice", text: "log_level: loud\n",
            error: "exporter.yml:1:12: log_level must be one of debug, info, warn, error, not 'loud'"),
        BadCase(
            name: "descending buckets", text: "duration_buckets: [1, 0.5]\n",
            error: "exporter.yml:1:23: duration_buckets must be strictly ascending"),
        BadCase(
            name: "repeated bucket in a block list", text: "cost_buckets:\n  - 0.01\n  - 0.1\n  - 0.1\n",
            error: "exporter.yml:4:5: cost_buckets must be strictly ascending"),
        BadCase(
            name: "mapping where a list belongs", text: "files:\n  a: b\n",
            error: "exporter.yml:2:3: files must be a list"),
        BadCase(name: "bool as a string", text: "once: 'yes'\n", error: "exporter.yml:1:7: once must be true or false"),
        BadCase(
            name: "the document is a list", text: "- a\n", error: "exporter.yml:1:1: the config file must be a mapping"),
        BadCase(
            name: "bad start_at", text: "start_at: middle\n",
            error: "exporter.yml:1:11: start_at must be beginning or end, not 'middle'"),
        BadCase(
            name: "reserved label name", text: "labels:\n  - name: model\n    from: m\n",
            error:
                "exporter.yml:2:11: 'model' cannot be a label name: use [a-zA-Z_][a-zA-Z0-9_]* and not one the exporter uses itself"
        ),
        BadCase(
            name: "label without from", text: "labels:\n  - name: user\n",
            error: "exporter.yml:2:5: a label needs name and from"),
        BadCase(
            name: "duplicate label", text: "labels:\n  - name: u\n    from: a\n  - name: u\n    from: b\n",
            error: "exporter.yml:4:11: label 'u' is defined twice"),
        BadCase(
            name: "unknown field", text: "fields:\n  price: [p]\n",
            error:
                "exporter.yml:2:3: unknown key 'price' in fields; expected one of: model, provider, status, success, is_error, error_evidence, error_type, total_cost, input_cost, output_cost, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, latency_seconds, latency_milliseconds, start_time, end_time, cached, timestamp"
        ),
        BadCase(
            name: "invalid static label", text: "static_labels:\n  bad-name: x\n",
            error:
                "exporter.yml:2:3: 'bad-name' cannot be a static label: use a valid label name the exporter does not use itself"
        ),
        BadCase(
            name: "price without output", text: "pricing:\n  models:\n    m:\n      input: 1\n",
            error: "exporter.yml:3:5: pricing.models.m needs input and output prices (USD per 1M tokens)"),
        BadCase(
            name: "missing price file", text: "pricing:\n  file: /nonexistent/prices.json\n",
            error:
                "exporter.yml:2:9: pricing.file: /nonexistent/prices.json: cannot read the file: The operation could not be completed. The file doesn’t exist."
        ),
        BadCase(
            name: "budget with unknown zone",
            text: "budgets:\n  - name: b\n    amount_usd: 1\n    period: day\n    timezone: Mars/Olympus\n",
            error:
                #"exporter.yml:2:5: budget "b": unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Berlin)"#
        ),
        BadCase(
            name: "budget with bad period", text: "budgets:\n  - name: b\n    amount_usd: 1\n    period: year\n",
            error: "exporter.yml:4:13: period must be one of day, week, month, not 'year'"),
    ])
    func rejectsWithPosition(_ testCase: BadCase) {
        do {
            _ = try parse(testCase.text)
            Issue.record("expected \(testCase.error)")
        } catch {
            #expect(error.description == testCase.error)
        }
    }

    /// The price file is read once, with the config: what was read stays in force even if the
    /// file changes or vanishes afterwards (a reload reads it again, with the whole config).
    @Test func thePriceFileIsReadOnceWithTheConfig() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("prices-\(UUID()).json").path
        try Data(#"{"house-model": {"input_cost_per_token": 1e-06, "output_cost_per_token": 4e-06}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let configuration = try parse("pricing:\n  file: \(path)\n  audit_tolerance: 0.05\n")
        try FileManager.default.removeItem(atPath: path)

        let pricing = configuration.options.pricing
        #expect(
            pricing.catalog.price(forModel: "house-model")
                == ModelPrice(inputPerMillion: 1, outputPerMillion: 4, cacheReadPerMillion: nil))
        #expect(pricing.auditTolerance == 0.05)
    }

    @Test func yamlSyntaxErrorsKeepTheirPosition() {
        do {
            _ = try parse("listen: &anchor ':1'\n")
            Issue.record("an anchor must be rejected")
        } catch {
            #expect(error.description.hasPrefix("exporter.yml:1:9: "))
        }
    }
}
