import ExporterTestSupport
import Foundation
import Testing

/// Starts the real processes of the live tests — the exporter and Alertmanager — on free
/// loopback ports in a test's temporary folder. Prometheus is `PrometheusServer.start` with
/// `jobName` and `shippedRules`; waits for them are `ProcessWait.until`.
///
/// Every start returns a `SpawnedProcess`, which the caller stops (its `deinit` stops it too).
enum LiveStack {
    /// The job name the shipped `prometheus.yml` and the alert rules use.
    static let jobName = "llm-cost-exporter"

    /// The shipped alert and recording rules, for Prometheus to evaluate.
    static var shippedRules: URL { DashboardRepository.url("alerts/llm-cost.rules.yml") }

    /// A live test cannot go on: an input it builds is not as expected, or a process did
    /// something it must not; the message says which.
    struct LiveStackError: Error, CustomStringConvertible {
        var description: String
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
}
