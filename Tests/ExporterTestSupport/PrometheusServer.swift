import Foundation

/// A real Prometheus server (Debian's `prometheus` package) scraping one target, for live tests.
///
/// It listens on a free loopback port, keeps its TSDB in the caller's work folder and scrapes
/// the target at `scrapeInterval`. The process is stopped when the value goes away.
package struct PrometheusServer: Sendable {
    /// Prometheus could not be started.
    package struct StartError: Error, CustomStringConvertible {
        /// What went wrong, with how to fix it.
        package var description: String
    }

    /// The running server.
    package let process: SpawnedProcess
    /// A client for its HTTP API.
    package let api: PrometheusAPI

    /// Starts Prometheus scraping `target` (`host:port`) under `jobName`.
    ///
    /// - Parameters:
    ///   - target: The `host:port` to scrape.
    ///   - jobName: The scrape job's name, which becomes the `job` label.
    ///   - scrapeInterval: How often to scrape, in Prometheus duration syntax (`1s`, `500ms`);
    ///     also the scrape and rule evaluation timeout.
    ///   - ruleFiles: Rule files to load, by absolute path.
    ///   - alertmanager: `host:port` of an Alertmanager to send firing alerts to, if any.
    ///   - work: A folder for the config, the TSDB and the log.
    /// - Throws: `StartError` when `prometheus` is not on `PATH` or no port is free, or the
    ///   `Process` error when it cannot be started.
    package static func start(
        scraping target: String,
        jobName: String,
        scrapeInterval: String = "1s",
        ruleFiles: [String] = [],
        alertmanager: String? = nil,
        in work: URL
    ) throws -> PrometheusServer {
        guard let binary = SpawnedProcess.executable(named: "prometheus") else {
            throw StartError(
                description:
                    "prometheus is not on PATH: run the test script (scripts/test), which installs Debian's prometheus package"
            )
        }
        guard let port = LoopbackPort.free() else { throw StartError(description: "no free loopback port") }
        let config = work.appendingPathComponent("prometheus.yml")
        let rules = ruleFiles.isEmpty ? "" : "rule_files:\n" + ruleFiles.map { "  - \($0)\n" }.joined()
        let alerting =
            alertmanager.map { "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [\"\($0)\"]\n" }
            ?? ""
        try """
        global:
          scrape_interval: \(scrapeInterval)
          scrape_timeout: \(scrapeInterval)
          evaluation_interval: \(scrapeInterval)
        \(rules)\(alerting)scrape_configs:
          - job_name: \(jobName)
            static_configs:
              - targets: ["\(target)"]

        """.write(to: config, atomically: true, encoding: .utf8)
        let process = try SpawnedProcess(
            binary,
            [
                "--config.file=\(config.path)",
                "--storage.tsdb.path=\(work.appendingPathComponent("data").path)",
                "--web.listen-address=127.0.0.1:\(port)",
                "--log.level=warn",
            ],
            in: work,
            outputFile: work.appendingPathComponent("prometheus.log")
        )
        guard let url = URL(string: "http://127.0.0.1:\(port)") else {
            throw StartError(description: "cannot build the URL of port \(port)")
        }
        return PrometheusServer(process: process, api: PrometheusAPI(baseURL: url))
    }
}
