/// Substitutes Grafana's template variables in a panel query, as Grafana would before
/// sending it to Prometheus.
///
/// Built-in intervals get fixed values that suit a live test with 1 s scrapes; a dashboard
/// variable gets its "All" value (`.*` where the variable sets no `allValue`) or, for a
/// textbox or custom variable, its current value.
struct GrafanaTemplate: Sendable {
    /// Values of the built-in variables: windows of one minute hold ~60 samples at 1 s
    /// scrapes, so `rate` and `increase` always have the two samples they need.
    static let builtins: [String: String] = [
        "__rate_interval": "1m",
        "__interval": "1m",
        "__range": "1h",
        "__range_s": "3600",
        "__range_ms": "3600000",
        "__interval_ms": "60000",
    ]

    /// Every variable name and its value.
    var values: [String: String]

    /// A template with exactly these values.
    init(values: [String: String]) {
        self.values = values
    }

    /// Values for the built-ins and every variable of `dashboard`.
    init(dashboard: GrafanaDashboard) {
        var values = Self.builtins
        for variable in dashboard.variables {
            if variable.includeAll {
                values[variable.name] = variable.allValue ?? ".*"
            } else {
                values[variable.name] = variable.currentValue ?? variable.query
            }
        }
        self.values = values
    }

    /// `query` with every `$name`, `${name}` and `${name:format}` replaced.
    ///
    /// - Throws: `UnknownTemplateVariable` naming the first variable with no value, so a
    ///   typo in a query fails instead of reaching Prometheus as text.
    func expand(_ query: String) throws -> String {
        var output = ""
        var characters = Substring(query)
        while let dollar = characters.firstIndex(of: "$") {
            output += characters[..<dollar]
            var rest = characters[characters.index(after: dollar)...]
            let name: Substring
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                name = inner.split(separator: ":", maxSplits: 1).first ?? inner
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? rest.endIndex
                name = rest[..<end]
                rest = rest[end...]
            }
            guard let value = values[String(name)] else {
                throw UnknownTemplateVariable(name: String(name), query: query)
            }
            output += value
            characters = rest
        }
        return output + characters
    }
}

/// A query names a template variable the dashboard does not define.
struct UnknownTemplateVariable: Error, CustomStringConvertible {
    var name: String
    var query: String

    var description: String { "unknown template variable $\(name) in: \(query)" }
}
