import Foundation

/// The parts of a Grafana dashboard JSON file that the deployment tests check.
///
/// Read with `JSONSerialization` into plain values, so the tests see exactly what Grafana
/// would load; panels inside rows (collapsed rows keep their panels there) are flattened into
/// `panels` after the row itself.
struct GrafanaDashboard: Sendable {
    /// A rectangle on Grafana's 24-column grid.
    struct GridPos: Equatable, Sendable {
        var x: Int
        var y: Int
        var w: Int
        var h: Int

        /// Whether the two rectangles share any cell.
        func overlaps(_ other: GridPos) -> Bool {
            x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h
        }
    }

    /// One query of a panel.
    struct Target: Sendable {
        var refId: String
        /// The PromQL, or `nil` when the target has no `expr` string.
        var expr: String?
        /// The datasource uid the target names, or `nil` when it names none.
        var datasourceUID: String?
    }

    /// One panel, rows included.
    struct Panel: Sendable {
        var id: Int?
        var type: String
        var title: String
        var gridPos: GridPos?
        /// The datasource uid the panel names, or `nil` when it names none.
        var datasourceUID: String?
        /// `fieldConfig.defaults.unit`, or `nil` when unset.
        var unit: String?
        var targets: [Target]
        /// Every `url` of the panel's links and data links, anywhere in the panel.
        var linkURLs: [String]
    }

    /// One template variable.
    struct Variable: Sendable {
        var name: String
        var type: String
        /// The query text: a `label_values(…)` call, a datasource type, a textbox default.
        var query: String
        var datasourceUID: String?
        var includeAll: Bool
        var allValue: String?
        /// The value selected when the dashboard opens (the first one if several).
        var currentValue: String?
    }

    var uid: String?
    var title: String
    var schemaVersion: Int?
    var panels: [Panel]
    var variables: [Variable]
    /// Every `url` of the dashboard-level links.
    var linkURLs: [String]

    /// Reads a dashboard JSON file.
    ///
    /// - Parameter url: the `.json` file.
    /// - Throws: `DashboardFormatError` when the file is not a JSON object with a `panels`
    ///   array, or a file-system error when it cannot be read.
    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DashboardFormatError(file: url.lastPathComponent, problem: "the top level is not a JSON object")
        }
        guard let panelObjects = root["panels"] as? [[String: Any]] else {
            throw DashboardFormatError(file: url.lastPathComponent, problem: "no \"panels\" array")
        }
        uid = root["uid"] as? String
        title = root["title"] as? String ?? ""
        schemaVersion = root["schemaVersion"] as? Int
        panels = panelObjects.flatMap { object in
            [Self.panel(object)] + ((object["panels"] as? [[String: Any]]) ?? []).map(Self.panel)
        }
        let templating = root["templating"] as? [String: Any]
        variables = ((templating?["list"] as? [[String: Any]]) ?? []).map(Self.variable)
        linkURLs = Self.urls(in: root["links"] ?? [])
    }

    /// Every target of every panel, with the panel it belongs to.
    var targets: [(panel: Panel, target: Target)] {
        panels.flatMap { panel in panel.targets.map { (panel, $0) } }
    }

    private static func panel(_ object: [String: Any]) -> Panel {
        let grid = object["gridPos"] as? [String: Any]
        let fieldConfig = object["fieldConfig"] as? [String: Any]
        let defaults = fieldConfig?["defaults"] as? [String: Any]
        let targets = ((object["targets"] as? [[String: Any]]) ?? []).map { target in
            Target(
                refId: target["refId"] as? String ?? "",
                expr: target["expr"] as? String,
                datasourceUID: datasourceUID(target["datasource"])
            )
        }
        return Panel(
            id: object["id"] as? Int,
            type: object["type"] as? String ?? "",
            title: object["title"] as? String ?? "",
            gridPos: grid.flatMap { grid in
                guard let x = grid["x"] as? Int, let y = grid["y"] as? Int, let w = grid["w"] as? Int,
                    let h = grid["h"] as? Int
                else { return nil }
                return GridPos(x: x, y: y, w: w, h: h)
            },
            datasourceUID: datasourceUID(object["datasource"]),
            unit: defaults?["unit"] as? String,
            targets: targets,
            // A row's own panels are flattened separately; their links are theirs.
            linkURLs: urls(in: object.filter { $0.key != "panels" })
        )
    }

    private static func variable(_ object: [String: Any]) -> Variable {
        let query: String
        if let text = object["query"] as? String {
            query = text
        } else if let queryObject = object["query"] as? [String: Any], let text = queryObject["query"] as? String {
            query = text
        } else {
            query = ""
        }
        let current = (object["current"] as? [String: Any])?["value"]
        return Variable(
            name: object["name"] as? String ?? "",
            type: object["type"] as? String ?? "",
            query: query,
            datasourceUID: datasourceUID(object["datasource"]),
            includeAll: object["includeAll"] as? Bool ?? false,
            allValue: object["allValue"] as? String,
            currentValue: (current as? String) ?? (current as? [String])?.first
        )
    }

    /// The uid of a `datasource` field: either `{"type": …, "uid": …}` or, in old files, a name.
    private static func datasourceUID(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return object["uid"] as? String }
        return value as? String
    }

    private static func urls(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            let own = (object["url"] as? String).map { [$0] } ?? []
            return own + object.filter { $0.key != "url" }.values.flatMap(urls)
        }
        if let array = value as? [Any] { return array.flatMap(urls) }
        return []
    }
}

/// A dashboard file that is not shaped like a Grafana dashboard.
struct DashboardFormatError: Error, CustomStringConvertible {
    var file: String
    var problem: String

    var description: String { "\(file): \(problem)" }
}
