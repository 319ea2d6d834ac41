import Foundation
import Testing

/// Starts the real processes of the live tests — the exporter, Prometheus, Alertmanager — on
/// free loopback ports in a test's temporary folder, and waits for them with deadlines.
///
/// Every start returns a `SpawnedProcess`, which the caller stops (its `deinit` stops it too).
enum LiveStack {
    /// The job name the shipped `prometheus.yml` and the alert rules use.
    static let jobName = "llm-cost-exporter"

    /// The live stack failed to come up or to reach a state in time; the message carries the
    /// processes' own output.
    struct LiveStackError: Error, CustomStringConvertible {
        var description: String
    }

    /// The exporter binary: `LLM_COST_EXPORTER_BIN`, else the one `swift test` built beside
    /// the test bundle.
    static func exporterBinary() -> URL? {
        if let path = ProcessInfo.processInfo.environment["LLM_COST_EXPORTER_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [bundleFolder, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("llm-cost-exporter") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the exporter in server mode on a free loopback port, in the repository root.
    ///
    /// - Parameters:
    ///   - files: the `--file` pattern.
    ///   - config: the `--config` file, if any.
    ///   - extraArguments: further flags, e.g. `--poll-interval`.
    /// - Returns: the process, its `host:port`, and a client for it.
    static func startExporter(
        _ binary: URL, files: String, config: URL?, extraArguments: [String] = [], work: URL
    ) throws -> (process: SpawnedProcess, address: String, api: PrometheusAPI) {
        let port = try #require(LoopbackPort.free(), "no free loopback port")
        let address = "127.0.0.1:\(port)"
        let arguments =
            ["--file", files, "--listen", address] + (config.map { ["--config", $0.path] } ?? []) + extraArguments
        let process = try SpawnedProcess(
            binary, arguments, in: DashboardRepository.root, outputFile: work.appendingPathComponent("exporter.log")
        )
        let url = try #require(URL(string: "http://\(address)"))
        return (process, address, PrometheusAPI(baseURL: url))
    }

    /// Starts Prometheus on a free loopback port with a temporary storage folder, scraping
    /// `target` every second under the shipped job name and evaluating the shipped rules
    /// (`alerts/llm-cost.rules.yml`) every second.
    ///
    /// - Parameter alertmanager: `host:port` of an Alertmanager to send alerts to, if any.
    static func startPrometheus(
        _ binary: URL,
        scraping target: String,
        alertmanager: String? = nil,
        work: URL
    ) throws -> (process: SpawnedProcess, api: PrometheusAPI) {
        let port = try #require(LoopbackPort.free(), "no free loopback port")
        let config = work.appendingPathComponent("prometheus.yml")
        let alerting =
            alertmanager.map { address in
                """
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["\(address)"]

                """
            } ?? ""
        try """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - \(DashboardRepository.url("alerts/llm-cost.rules.yml").path)
        scrape_configs:
          - job_name: \(jobName)
            static_configs:
              - targets: ["\(target)"]
        \(alerting)
        """.write(to: config, atomically: true, encoding: .utf8)
        let process = try SpawnedProcess(
            binary,
            [
                "--config.file=\(config.path)",
                "--storage.tsdb.path=\(work.appendingPathComponent("prometheus-data").path)",
                "--web.listen-address=127.0.0.1:\(port)",
                "--log.level=warn",
            ],
            in: work,
            outputFile: work.appendingPathComponent("prometheus.log")
        )
        let url = try #require(URL(string: "http://127.0.0.1:\(port)"))
        return (process, PrometheusAPI(baseURL: url))
    }

    /// Starts Alertmanager with `config` on a free loopback port, with a temporary storage
    /// folder and clustering off (so it binds no port but its web port).
    ///
    /// - Returns: the process, its `host:port`, and a client for its `/-/ready`.
    static func startAlertmanager(_ binary: URL, config: URL, work: URL) throws
        -> (process: SpawnedProcess, address: String, api: PrometheusAPI)
    {
        let port = try #require(LoopbackPort.free(), "no free loopback port")
        let address = "127.0.0.1:\(port)"
        let process = try SpawnedProcess(
            binary,
            [
                "--config.file=\(config.path)",
                "--storage.path=\(work.appendingPathComponent("alertmanager-data").path)",
                "--web.listen-address=\(address)",
                "--cluster.listen-address=",
                "--log.level=warn",
            ],
            in: work,
            outputFile: work.appendingPathComponent("alertmanager.log")
        )
        let url = try #require(URL(string: "http://\(address)"))
        return (process, address, PrometheusAPI(baseURL: url))
    }

    /// Polls `condition` every 200 ms until it holds, for up to `timeout` seconds.
    ///
    /// - Parameter processes: the processes the condition depends on; one that exits ends the
    ///   wait at once, and the failure quotes what each of them wrote.
    /// - Throws: `LiveStackError` when a process exits first or the deadline passes.
    static func waitUntil(
        _ what: String,
        timeout: TimeInterval = 30,
        watching processes: [SpawnedProcess],
        condition: () async -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if await condition() { return }
            if let exited = processes.first(where: { !$0.isRunning }) {
                throw LiveStackError(
                    description: """
                        waiting until \(what): \(exited.commandLine) exited with status \(exited.exitStatus ?? -1):
                        \(exited.outputTail())
                        """)
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        let outputs = processes.map { "\($0.commandLine) wrote:\n\($0.outputTail())" }
        throw LiveStackError(
            description: """
                waiting until \(what): not so after \(Int(timeout)) s
                \(outputs.joined(separator: "\n"))
                """)
    }
}
