import ConfigYAML
import CostBudgets

extension ExporterConfiguration {
    /// Reads the `budgets:` list: each a name, `amount_usd`, `period`, and optionally
    /// `timezone`, `week_start` and a `scope` of `provider`, `model` and `labels`.
    static func readBudgets(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) -> [Budget] {
        var budgets: [Budget] = []
        var names = Set<String>()
        for item in try reader.sequence(node, named: "budgets") {
            let entries = try reader.mapping(
                item, named: "a budget",
                allowedKeys: ["name", "amount_usd", "period", "timezone", "week_start", "scope"])
            let values = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard let nameNode = values["name"], let amountNode = values["amount_usd"],
                let periodNode = values["period"]
            else {
                throw reader.error("a budget needs name, amount_usd and period", at: item.mark)
            }
            let name = try reader.string(nameNode, named: "name")
            guard names.insert(name).inserted else {
                throw reader.error("budget name '\(name)' is used twice", at: nameNode.mark)
            }
            let amount = try reader.number(amountNode, named: "amount_usd")
            let period = try reader.choice(periodNode, named: "period", as: BudgetPeriod.self)
            let timeZone =
                try values["timezone"].map { node throws(ConfigError) in try reader.string(node, named: "timezone") }
                ?? "UTC"
            let weekStart =
                try values["week_start"].map { node throws(ConfigError) in
                    try reader.choice(node, named: "week_start", as: Weekday.self)
                } ?? .monday
            let scope =
                try values["scope"].map { node throws(ConfigError) in try readScope(node, with: reader) }
                ?? BudgetScope()
            do {
                budgets.append(
                    try Budget(
                        name: name, amountUSD: amount, period: period, timeZoneIdentifier: timeZone,
                        weekStart: weekStart, scope: scope))
            } catch {
                throw reader.error(error.description, at: item.mark)
            }
        }
        return budgets
    }

    private static func readScope(_ node: YAMLNode, with reader: ConfigReader) throws(ConfigError) -> BudgetScope {
        var scope = BudgetScope()
        for entry in try reader.mapping(node, named: "scope", allowedKeys: ["provider", "model", "labels"]) {
            switch entry.key {
            case "provider": scope.provider = try reader.string(entry.value, named: "provider")
            case "model": scope.model = try reader.string(entry.value, named: "model")
            default:
                for label in try reader.mapping(entry.value, named: "labels") {
                    scope.labels[label.key] = try reader.string(label.value, named: "the value of label '\(label.key)'")
                }
            }
        }
        return scope
    }
}
