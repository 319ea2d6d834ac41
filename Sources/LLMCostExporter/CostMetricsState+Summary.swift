import CostBudgets
import Foundation

extension CostMetricsState {
    /// The JSON summary served at `/api/v1/summary`, for scripts and health checks that do
    /// not speak PromQL: status, all-time totals, the last 24 hours by provider and by model,
    /// and the budgets.
    ///
    /// - Parameters:
    ///   - now: The time the last 24 hours and the budget periods are taken at.
    ///   - isReady: Whether the files' history has been read.
    /// - Returns: The document, keys sorted, UTF-8.
    func summaryJSON(now: Double, isReady: Bool) -> [UInt8] {
        var byProvider: [String: (cost: CompensatedSum, requests: UInt64)] = [:]
        var byModel: [String: [String: Any]] = [:]
        var dayCost = CompensatedSum()
        var dayRequests: UInt64 = 0
        for (slot, series) in models.enumerated() {
            let day = hourlySpend.lastDay(slot: slot, now: now)
            guard day.requests > 0 else { continue }
            byProvider[series.provider, default: (CompensatedSum(), 0)].cost.add(day.costUSD)
            byProvider[series.provider, default: (CompensatedSum(), 0)].requests += day.requests
            byModel[series.provider + "/" + series.model] = ["cost_usd": day.costUSD, "requests": day.requests]
            dayCost.add(day.costUSD)
            dayRequests += day.requests
        }
        var totalCost = CompensatedSum()
        for counters in requestCounters { totalCost.add(counters.cost.value) }
        let errorRequests = stride(
            from: StatusIndex.of(.error), to: requestCounters.count, by: StatusIndex.statuses.count
        ).reduce(0) { $0 + requestCounters[$1].requests }
        var document: [String: Any] = [
            "status": isReady ? "healthy" : "starting",
            "version": BuildInfo.version,
            "generated_at": now,
            "totals": [
                "requests": requestCounters.reduce(0) { $0 + $1.requests },
                "errors": errorRequests,
                "cost_usd": totalCost.value,
                "lines": lines,
                "line_errors": lineErrors.reduce(0, +),
            ],
            "last_24h": [
                "cost_usd": dayCost.value,
                "requests": dayRequests,
                "by_provider": byProvider.mapValues { ["cost_usd": $0.cost.value, "requests": $0.requests] },
                "by_model": byModel,
            ],
        ]
        if var ledger = budgetLedger {
            document["budgets"] = ledger.snapshot(now: now).map { status in
                [
                    "name": status.name,
                    "period": status.period.rawValue,
                    "limit_usd": status.limitUSD,
                    "spend_usd": status.spendUSD,
                    "ratio": status.spentFraction,
                    "period_end": status.periodEnd,
                ] as [String: Any]
            }
        } else {
            document["budgets"] = [Any]()
        }
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Array(data) + [UInt8(ascii: "\n")]
    }
}
