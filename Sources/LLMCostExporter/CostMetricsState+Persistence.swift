extension CostMetricsState {
    /// The state in its saved form (see `restore(_:)` for the way back).
    func persisted() -> PersistedMetrics {
        var budgets: [PersistedMetrics.BudgetSpend] = []
        if var ledger = budgetLedger {
            budgets = ledger.snapshot(now: now).map {
                PersistedMetrics.BudgetSpend(
                    name: $0.name, periodStart: $0.periodStart, spend: $0.spendUSD, previousSpend: $0.previousSpendUSD)
            }
        }
        let width = StatusIndex.errorTypes.count
        let savedModels = models.indices.map { slot in
            PersistedMetrics.Model(
                provider: models[slot].provider,
                model: models[slot].model,
                cacheTokens: [modelCounters[slot].cacheReadTokens, modelCounters[slot].cacheWriteTokens],
                cachedRequests: modelCounters[slot].cachedRequests,
                unpricedRequests: modelCounters[slot].unpricedRequests,
                auditMismatches: modelCounters[slot].auditMismatches,
                errors: Dictionary(
                    uniqueKeysWithValues: StatusIndex.errorTypes.enumerated().compactMap { column, type in
                        errors[slot * width + column] > 0 ? (type.rawValue, errors[slot * width + column]) : nil
                    }),
                lastRequestTimestamp: modelCounters[slot].lastRequestTimestamp.isFinite
                    ? modelCounters[slot].lastRequestTimestamp : nil,
                duration: StatusIndex.statuses.indices.map { persisted(duration, series: slot * 2 + $0) },
                requestCost: persisted(requestCost, series: slot)
            )
        }
        let savedRequestSeries = requestSeries.series.indices.map { slot in
            PersistedMetrics.RequestSeries(
                model: self.requestSeries.series[slot].model,
                extraValues: self.requestSeries.series[slot].extraValues,
                requests: requestCounters[(slot * 2)..<(slot * 2 + 2)].map(\.requests),
                cost: requestCounters[(slot * 2)..<(slot * 2 + 2)].map(\.cost.value),
                tokens: requestCounters[(slot * 2)..<(slot * 2 + 2)].flatMap { [$0.inputTokens, $0.outputTokens] }
            )
        }
        return PersistedMetrics(
            durationBuckets: limits.durationBuckets,
            costBuckets: limits.costBuckets,
            extraLabelNames: self.requestSeries.labelNames,
            models: savedModels,
            requestSeries: savedRequestSeries,
            lines: lines,
            lineErrors: Dictionary(uniqueKeysWithValues: zip(StatusIndex.lineErrorReasons.map(\.rawValue), lineErrors)),
            bytesRead: bytesRead,
            providerOverflows: providerOverflows,
            modelOverflows: modelOverflows,
            extraLabelOverflows: self.requestSeries.overflows,
            recordsWithoutTimestamp: recordsWithoutTimestamp,
            budgets: budgets
        )
    }

    private func persisted(_ histogram: HistogramColumns, series: Int) -> PersistedMetrics.Histogram {
        PersistedMetrics.Histogram(
            buckets: Array(histogram.buckets(of: series)),
            count: histogram.count(of: series),
            sum: histogram.sum(of: series)
        )
    }
}
