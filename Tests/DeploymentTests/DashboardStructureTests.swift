import ExporterTestSupport
import Foundation
import Testing

/// The shape of the shipped dashboards and `prometheus.yml`, checked without a Grafana:
/// what Grafana needs to load them, and the query rules that keep them correct with several
/// exporter instances.
@Suite("Dashboard structure")
struct DashboardStructureTests {
    static let dashboardFiles = DashboardRepository.dashboardUIDs.keys.sorted()

    /// Panel types that show numbers and so must say in what unit.
    static let typesNeedingUnits: Set<String> = ["stat", "timeseries", "bargauge", "gauge", "piechart"]

    /// Aggregations that fold series of several instances into one answer.
    static let aggregations: Set<String> = [
        "sum", "min", "max", "avg", "count", "topk", "bottomk", "quantile", "group", "count_values",
    ]

    /// Windows a counter may be taken over: Grafana's own, which follow the scrape interval
    /// and the chosen time range.
    static let counterWindows: Set<String> = ["$__rate_interval", "$__range", "$__interval"]

    @Test("the dashboard folder holds exactly the known dashboards")
    func knownDashboards() throws {
        #expect(try DashboardRepository.dashboardFileNames() == Self.dashboardFiles)
    }

    @Test("uid is stable and schemaVersion pinned", arguments: dashboardFiles)
    func uidAndSchemaVersion(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        #expect(dashboard.uid == DashboardRepository.dashboardUIDs[file])
        #expect(dashboard.schemaVersion == DashboardRepository.schemaVersion)
        #expect(!dashboard.title.isEmpty)
    }

    @Test("panel ids are present and unique", arguments: dashboardFiles)
    func uniquePanelIDs(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        let missing = dashboard.panels.filter { $0.id == nil }.map(\.title)
        #expect(missing.isEmpty, "panels without an id: \(missing)")
        let ids = dashboard.panels.compactMap(\.id)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate panel ids: \(duplicates)")
    }

    @Test("panels sit inside the 24-column grid and never overlap", arguments: dashboardFiles)
    func gridPositions(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        var placed: [(title: String, grid: GrafanaDashboard.GridPos)] = []
        for panel in dashboard.panels {
            guard let grid = panel.gridPos else {
                Issue.record("\(panel.title): no gridPos")
                continue
            }
            #expect(
                grid.x >= 0 && grid.y >= 0 && grid.w > 0 && grid.h > 0 && grid.x + grid.w <= 24,
                "\(panel.title): gridPos \(grid) is outside the grid")
            for other in placed where other.grid.overlaps(grid) {
                Issue.record("\(panel.title) \(grid) overlaps \(other.title) \(other.grid)")
            }
            placed.append((panel.title, grid))
        }
    }

    @Test("every panel, target and query variable uses the datasource variable", arguments: dashboardFiles)
    func datasourceThroughVariable(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        let datasourceVariable = dashboard.variables.first { $0.name == "datasource" }
        #expect(datasourceVariable?.type == "datasource")
        #expect(datasourceVariable?.query == "prometheus")
        #expect(datasourceVariable?.currentValue == DashboardRepository.datasourceUID)
        for panel in dashboard.panels where panel.type != "row" {
            #expect(panel.datasourceUID == "${datasource}", "panel \(panel.title)")
        }
        for (panel, target) in dashboard.targets {
            #expect(target.datasourceUID == "${datasource}", "\(panel.title) target \(target.refId)")
        }
        for variable in dashboard.variables where variable.type == "query" {
            #expect(variable.datasourceUID == "${datasource}", "variable \(variable.name)")
        }
    }

    @Test("the provisioned datasource has the uid the dashboards default to")
    func provisionedDatasourceUID() throws {
        let provisioning = try String(
            contentsOf: DashboardRepository.url("grafana/provisioning/datasources/llm-cost-prometheus.yml"),
            encoding: .utf8
        )
        let uids = provisioning.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("uid:") }
            .map { $0.dropFirst("uid:".count).trimmingCharacters(in: .whitespaces) }
        #expect(uids == [DashboardRepository.datasourceUID])
    }

    @Test("the dashboard provider's path leads from the provisioning folder to grafana/dashboards")
    func dashboardProviderPath() throws {
        let provisioning = DashboardRepository.url("grafana/provisioning")
        let provider = try String(
            contentsOf: provisioning.appendingPathComponent("dashboards/llm-cost-exporter.yml"),
            encoding: .utf8
        )
        let paths = provider.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("path:") }
            .map { $0.dropFirst("path:".count).trimmingCharacters(in: .whitespaces) }
        try #require(paths.count == 1, "expected one `path:` in the dashboard provider, found \(paths)")
        // Grafana expands environment variables in provisioning files; the README tells
        // users to point GF_PATHS_PROVISIONING at grafana/provisioning.
        let resolved = paths[0].replacingOccurrences(of: "${GF_PATHS_PROVISIONING}", with: provisioning.path)
        #expect(
            URL(fileURLWithPath: resolved).standardizedFileURL.path
                == DashboardRepository.url("grafana/dashboards").standardizedFileURL.path
        )
    }

    @Test("every target has a query and every query names only defined variables", arguments: dashboardFiles)
    func targetsHaveQueries(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        let template = GrafanaTemplate(dashboard: dashboard)
        for (panel, target) in dashboard.targets {
            let expr = target.expr?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            #expect(!expr.isEmpty, "\(panel.title) target \(target.refId) has no expr")
            #expect(throws: Never.self, "\(panel.title) target \(target.refId)") { try template.expand(expr) }
        }
        for variable in dashboard.variables where variable.type == "query" {
            #expect(throws: Never.self, "variable \(variable.name)") { try template.expand(variable.query) }
        }
        #expect(!dashboard.targets.isEmpty)
    }

    @Test("every panel that shows numbers has a unit", arguments: dashboardFiles)
    func unitsSet(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        let needing = dashboard.panels.filter { Self.typesNeedingUnits.contains($0.type) }
        #expect(!needing.isEmpty)
        for panel in needing {
            #expect(!(panel.unit ?? "").isEmpty, "\(panel.type) panel \(panel.title) has no unit")
        }
    }

    @Test("counters are only read through rate() or increase() over a Grafana window", arguments: dashboardFiles)
    func countersThroughRate(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        for (panel, target) in dashboard.targets {
            for selector in PromQLSelectors.selectors(in: target.expr ?? "") where Self.isCounter(selector.name) {
                let function = selector.enclosingCalls.last ?? ""
                #expect(
                    ["rate", "increase"].contains(function),
                    "\(panel.title): \(selector) is inside \(function.isEmpty ? "nothing" : function)(), not rate() or increase()"
                )
                #expect(
                    Self.counterWindows.contains(selector.range ?? ""),
                    "\(panel.title): \(selector) is not over $__rate_interval, $__range or $__interval")
            }
        }
    }

    @Test("every series is aggregated, so several instances add up", arguments: dashboardFiles)
    func seriesAggregated(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        for (panel, target) in dashboard.targets {
            let selectors = PromQLSelectors.selectors(in: target.expr ?? "")
            #expect(!selectors.isEmpty, "\(panel.title) target \(target.refId) selects no series")
            for selector in selectors {
                #expect(
                    selector.enclosingCalls.contains(where: Self.aggregations.contains),
                    "\(panel.title): \(selector) is not under an aggregation")
            }
        }
    }

    @Test("every series is filtered by the dashboard's variables", arguments: dashboardFiles)
    func seriesFiltered(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        for (panel, target) in dashboard.targets {
            for selector in PromQLSelectors.selectors(in: target.expr ?? "") {
                var required = [#"job=~"$job""#, #"instance=~"$instance""#]
                if Self.hasProviderAndModel(selector.name) {
                    required += [#"provider=~"$provider""#, #"model=~"$model""#]
                }
                for matcher in required {
                    #expect(selector.matchers.contains(matcher), "\(panel.title): \(selector) lacks \(matcher)")
                }
            }
        }
    }

    @Test("links to dashboards name dashboards that exist", arguments: dashboardFiles)
    func linksResolve(file: String) throws {
        let dashboard = try DashboardRepository.dashboard(file)
        let uids = Set(DashboardRepository.dashboardUIDs.values)
        let linked = (dashboard.linkURLs + dashboard.panels.flatMap(\.linkURLs)).compactMap { url -> String? in
            guard let start = url.range(of: "/d/") else { return nil }
            return String(url[start.upperBound...].prefix { $0 != "/" && $0 != "?" })
        }
        for uid in linked {
            #expect(uids.contains(uid), "link to unknown dashboard uid \(uid)")
        }
    }

    @Test("prometheus.yml passes promtool check config")
    func prometheusConfigValid() throws {
        let result = try Self.promtool(["check", "config", "prometheus.yml"])
        #expect(result.status == 0, "promtool check config prometheus.yml failed:\n\(result.output)")
    }

    @Test("the several-instances example in prometheus.yml is a valid job once uncommented")
    func severalInstancesExampleValid() throws {
        let config = try String(contentsOf: DashboardRepository.url("prometheus.yml"), encoding: .utf8)
        let lines = config.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("--- example: several exporter instances") }),
            let end = lines.firstIndex(where: { $0.contains("--- end of example") }), start < end
        else {
            Issue.record("prometheus.yml has no several-instances example between the example markers")
            return
        }
        // The example is the commented lines from its `- job_name:` on, uncommented.
        let yamlLines = lines[(start + 1)..<end].compactMap { line -> String? in
            guard let hash = line.firstIndex(of: "#") else { return nil }
            let text = line[line.index(after: hash)...]
            return text.hasPrefix(" ") ? String(text.dropFirst()) : String(text)
        }
        guard let jobStart = yamlLines.firstIndex(where: { $0.hasPrefix("- job_name:") }) else {
            Issue.record("the example has no commented `- job_name:` line")
            return
        }
        let directory = try DashboardRepository.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("several-instances.yml")
        let example = "scrape_configs:\n" + yamlLines[jobStart...].map { "  " + $0 }.joined(separator: "\n") + "\n"
        try example.write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.promtool(["check", "config", file.path])
        #expect(result.status == 0, "the uncommented example is not a valid config:\n\(example)\n\(result.output)")
        #expect(example.contains(":10042"), "the example should scrape the exporter's default port")
    }

    /// Whether `name` is a counter of the contract: `_total`, or a histogram's `_sum`,
    /// `_count` or `_bucket`, which only ever grow too.
    static func isCounter(_ name: String) -> Bool {
        ["_total", "_sum", "_count", "_bucket"].contains { name.hasSuffix($0) }
    }

    /// Families of the metric contract that carry `provider` and `model` labels.
    static func hasProviderAndModel(_ name: String) -> Bool {
        name.hasPrefix("llm_") && !name.hasPrefix("llm_cost_exporter_") && !name.hasPrefix("llm_budget_")
    }

    /// Runs promtool from the repository root.
    ///
    /// Fails, never skips, when promtool is missing: the test script installs it.
    static func promtool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let promtool = try #require(
            SpawnedProcess.executable(named: "promtool"),
            "promtool is not on PATH: run the test script (scripts/test), which installs Debian's prometheus package"
        )
        return try SpawnedProcess.run(promtool, arguments, in: DashboardRepository.root)
    }
}
