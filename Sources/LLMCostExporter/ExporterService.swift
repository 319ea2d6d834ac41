import Dispatch
import Foundation
import LogTailing
import MetricsHTTP

/// The exporter as a service: tails the files and serves `/metrics` until SIGTERM or SIGINT;
/// SIGHUP re-reads the config file.
///
/// The lifecycle owner: it starts the ingest thread and the HTTP server, turns signals into
/// stop and reload requests, and stops both within a second.
public final class ExporterService {
    private let options: ExporterOptions
    private let logger: Logger
    private let loadOptions: @Sendable () throws -> ExporterOptions

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - options: The options in force at start.
    ///   - logger: Where events are logged.
    ///   - loadOptions: Reads the options again (config file plus command line) on SIGHUP.
    public init(options: ExporterOptions, logger: Logger, loadOptions: @escaping @Sendable () throws -> ExporterOptions)
    {
        self.options = options
        self.logger = logger
        self.loadOptions = loadOptions
    }

    /// Runs until SIGTERM or SIGINT.
    ///
    /// - Returns: The exit code: 0 after a clean stop, 1 when the server cannot start.
    public func run() -> Int32 {
        // Signals are taken over first, so a SIGTERM or SIGHUP that comes early is handled,
        // never the default action that would end the process without saving its state.
        let signals = SignalWaiter()
        let server: HTTPServer
        let metrics = CostMetrics(options: options, pricing: options.pricing)
        metrics.update { $0.recordConfigReload(successful: true, at: Date().timeIntervalSince1970) }
        // Restored before the server starts, so no scrape ever sees counters at 0 that a saved
        // state would continue (Prometheus would read that as a counter reset).
        let stateFile = options.stateFilePath.map(StateFile.init(path:))
        let positions = stateFile.flatMap { restoreState(from: $0, into: metrics) }
        let endpoint = MetricsEndpoint(metrics: metrics)
        do {
            let address = try ListenAddress(parsing: options.listenAddress)
            let logger = self.logger
            server = try HTTPServer(
                configuration: HTTPServerConfiguration(listenAddress: address),
                logger: { level, message in
                    logger.log(level >= .warning ? .warn : .debug, message)
                }, handler: endpoint.respond(to:))
            try server.start()
        } catch {
            logger.log(.error, "cannot serve", ["listen": options.listenAddress, "error": "\(error)"])
            return 1
        }
        logger.log(
            .info, "serving metrics",
            [
                "listen": options.listenAddress, "port": server.boundPort.map(String.init) ?? "?",
                "version": BuildInfo.version,
            ])

        let loop = IngestLoop(patterns: options.filePatterns)
        let startOptions = options
        let logger = self.logger
        var saveState: (@Sendable (IngestPipeline) -> Void)?
        if let stateFile {
            saveState = { pipeline in Self.save(pipeline, to: stateFile, metrics: metrics, logger: logger) }
        }
        loop.start(
            makePipeline: {
                IngestPipeline(options: startOptions, logger: logger, metrics: metrics, restoring: positions)
            },
            interval: .milliseconds(options.pollIntervalMilliseconds),
            didFirstPoll: {
                endpoint.markReady()
                logger.log(.info, "history read; ready")
            },
            reload: { pipeline, newOptions in
                pipeline.reloaded(with: newOptions, previous: startOptions, logger: logger)
            },
            saveState: saveState,
            saveInterval: .seconds(options.stateSaveIntervalSeconds)
        )

        while true {
            switch signals.next() {
            case .stop:
                logger.log(.info, "stopping")
                server.stop()
                if !loop.stop(timeout: .seconds(1)) {
                    logger.log(.warn, "the ingest thread did not stop within a second")
                }
                return 0
            case .reload:
                reload(loop: loop, metrics: metrics)
            }
        }
    }

    /// Restores the saved counters into `metrics`.
    ///
    /// - Returns: The saved file positions to resume from, or `nil` to start from the files
    ///   (no state yet, or a state that cannot be used — logged and counted, never fatal).
    private func restoreState(from file: StateFile, into metrics: CostMetrics) -> [TailPosition]? {
        let now = Date().timeIntervalSince1970
        if let error = metrics.update({ $0.configureBudgets(options.budgets, now: now) }) {
            logger.log(.error, "budgets not in force", ["error": error.description])
        }
        do {
            guard let saved = try file.load() else {
                metrics.update { $0.recordStateFile { _ in } }
                logger.log(.info, "no state file yet; reading the files from the start", ["path": file.path])
                return nil
            }
            if let problem = metrics.update({ $0.restore(saved.metrics) }) {
                metrics.update { $0.recordStateFile { $0.loadErrors += 1 } }
                logger.log(
                    .warn, "state file not used; reading the files from the start",
                    ["path": file.path, "reason": problem])
                return nil
            }
            metrics.update { $0.recordStateFile { $0.isRestored = true } }
            logger.log(
                .info, "state restored; resuming each file where it stopped",
                ["path": file.path, "files": String(saved.positions.count)])
            return saved.positions
        } catch {
            metrics.update { $0.recordStateFile { $0.loadErrors += 1 } }
            logger.log(.warn, "state file not used; reading the files from the start", ["reason": error.description])
            return nil
        }
    }

    private static func save(_ pipeline: IngestPipeline, to file: StateFile, metrics: CostMetrics, logger: Logger) {
        let state = pipeline.persistedState()
        do {
            try file.save(state)
            metrics.update { $0.recordStateFile { $0.lastSave = state.savedAt } }
        } catch {
            metrics.update { $0.recordStateFile { $0.saveErrors += 1 } }
            logger.log(.error, "cannot save the state file", ["reason": error.description])
        }
    }

    private func reload(loop: IngestLoop, metrics: CostMetrics) {
        let now = Date().timeIntervalSince1970
        do {
            let newOptions = try loadOptions()
            loop.requestReload(newOptions)
            metrics.update { $0.recordConfigReload(successful: true, at: now) }
            logger.log(.info, "config reloaded", ["path": options.configPath ?? "-"])
        } catch {
            metrics.update { $0.recordConfigReload(successful: false, at: now) }
            logger.log(.error, "config reload failed; the old config stays in force", ["error": "\(error)"])
        }
    }
}
