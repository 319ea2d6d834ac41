import CostRecords
import PrometheusFormat

extension CostMetricsState {
    /// The families of the cost metrics and the line self-metrics, ready to render.
    ///
    /// Call it on a snapshot: the closures read `self` as it is now.
    func exposedFamilies() -> [FamilySamples] {
        costFamilies() + selfFamilies() + budgetFamilies()
    }

    /// The budget gauges at `now`; none at all without budgets (never a `+Inf` limit).
    private func budgetFamilies() -> [FamilySamples] {
        guard var ledger = budgetLedger else { return [] }
        let statuses = ledger.snapshot(now: now).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let labels = statuses.map { LabelSet([("budget", $0.name), ("period", $0.period.rawValue)]) }
        return [
            FamilySamples(MetricCatalog.budgetLimit) { writer in
                for (status, labels) in zip(statuses, labels) { writer.writeSample(labels, status.limitUSD) }
            },
            FamilySamples(MetricCatalog.budgetSpend) { writer in
                for (status, labels) in zip(statuses, labels) { writer.writeSample(labels, status.spendUSD) }
            },
            FamilySamples(MetricCatalog.budgetPeriodEnd) { writer in
                for status in statuses { writer.writeSample(LabelSet([("budget", status.name)]), status.periodEnd) }
            },
        ]
    }

    private func selfFamilies() -> [FamilySamples] {
        var families = [
            FamilySamples(MetricCatalog.lines) { writer in
                writer.writeSample(.empty, lines)
            },
            FamilySamples(MetricCatalog.lineErrors) { writer in
                for (column, reason) in StatusIndex.lineErrorReasons.enumerated() {
                    writer.writeSample(.empty, extraLabel: ("reason", reason.rawValue), lineErrors[column])
                }
            },
            FamilySamples(MetricCatalog.bytesRead) { writer in
                writer.writeSample(.empty, bytesRead)
            },
            FamilySamples(MetricCatalog.recordsWithoutTimestamp) { writer in
                writer.writeSample(.empty, recordsWithoutTimestamp)
            },
            FamilySamples(MetricCatalog.labelOverflow) { writer in
                let counts =
                    [("model", modelOverflows), ("provider", providerOverflows)]
                    + zip(requestSeries.labelNames, requestSeries.overflows).map { ($0, $1) }
                for (label, count) in counts.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                    writer.writeSample(.empty, extraLabel: ("label", label), count)
                }
            },
        ]
        // Only a running service loads (and reloads) a config; `--once` output stays free of
        // wall-clock values.
        if let timestamp = lastReloadSuccessTimestamp {
            families.append(
                FamilySamples(MetricCatalog.configReloadSuccessful) { writer in
                    writer.writeSample(.empty, UInt64(lastReloadSuccessful ? 1 : 0))
                })
            families.append(
                FamilySamples(MetricCatalog.configReloadSuccessTimestamp) { writer in
                    writer.writeSample(.empty, timestamp)
                })
        }
        return families + tail.exposedFamilies() + (stateFileStatus?.exposedFamilies() ?? [])
    }

    private func costFamilies() -> [FamilySamples] {
        let order = models.indices.sorted { models[$0].precedes(models[$1]) }
        var rank = [Int](repeating: 0, count: models.count)
        for (position, slot) in order.enumerated() { rank[slot] = position }
        let requestOrder = requestSeries.series.indices.sorted { left, right in
            let a = requestSeries.series[left]
            let b = requestSeries.series[right]
            if a.model != b.model { return rank[a.model] < rank[b.model] }
            return a.extraValues.lexicographicallyPrecedes(b.extraValues) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        let statuses = StatusIndex.statuses.indices
        return [
            FamilySamples(MetricCatalog.requests) { writer in
                for slot in requestOrder {
                    for status in statuses {
                        writer.writeSample(
                            requestSeries.series[slot].statusLabels[status], requestCounters[slot * 2 + status].requests
                        )
                    }
                }
            },
            FamilySamples(MetricCatalog.cost) { writer in
                for slot in requestOrder {
                    for status in statuses {
                        writer.writeSample(
                            requestSeries.series[slot].statusLabels[status],
                            requestCounters[slot * 2 + status].cost.value)
                    }
                }
            },
            FamilySamples(MetricCatalog.tokens) { writer in
                for slot in requestOrder {
                    for status in statuses where requestCounters[slot * 2 + status].requests > 0 {
                        for tokenType in 0..<2 {
                            writer.writeSample(
                                requestSeries.series[slot].tokenLabels[status * 2 + tokenType],
                                requestCounters[slot * 2 + status].tokens(ofType: tokenType))
                        }
                    }
                }
            },
            FamilySamples(MetricCatalog.cacheTokens) { writer in
                for slot in order
                where modelCounters[slot].cacheReadTokens > 0 || modelCounters[slot].cacheWriteTokens > 0 {
                    for operation in 0..<2 {
                        writer.writeSample(
                            models[slot].cacheOperationLabels[operation],
                            modelCounters[slot].cacheTokens(ofOperation: operation))
                    }
                }
            },
            FamilySamples(MetricCatalog.requestDuration) { writer in
                for slot in order {
                    for status in statuses where duration.count(of: slot * 2 + status) > 0 {
                        let series = slot * 2 + status
                        writer.writeHistogram(
                            models[slot].statusLabels[status],
                            upperBounds: duration.upperBounds,
                            bucketCounts: duration.buckets(of: series),
                            count: duration.count(of: series),
                            sum: duration.sum(of: series)
                        )
                    }
                }
            },
            FamilySamples(MetricCatalog.requestCost) { writer in
                for slot in order where requestCost.count(of: slot) > 0 {
                    writer.writeHistogram(
                        models[slot].labels,
                        upperBounds: requestCost.upperBounds,
                        bucketCounts: requestCost.buckets(of: slot),
                        count: requestCost.count(of: slot),
                        sum: requestCost.sum(of: slot)
                    )
                }
            },
            FamilySamples(MetricCatalog.cachedRequests) { writer in
                for slot in order {
                    writer.writeSample(models[slot].labels, modelCounters[slot].cachedRequests)
                }
            },
            FamilySamples(MetricCatalog.unpricedRequests) { writer in
                for slot in order {
                    writer.writeSample(models[slot].labels, modelCounters[slot].unpricedRequests)
                }
            },
            FamilySamples(MetricCatalog.auditMismatches) { writer in
                for slot in order where modelCounters[slot].price != nil {
                    writer.writeSample(models[slot].labels, modelCounters[slot].auditMismatches)
                }
            },
            FamilySamples(MetricCatalog.errors) { writer in
                let width = StatusIndex.errorTypes.count
                for slot in order {
                    for (column, errorType) in StatusIndex.errorTypes.enumerated()
                    where errors[slot * width + column] > 0 {
                        writer.writeSample(
                            models[slot].labels,
                            extraLabel: ("error_type", errorType.rawValue),
                            errors[slot * width + column]
                        )
                    }
                }
            },
            FamilySamples(MetricCatalog.lastRequestTimestamp) { writer in
                for slot in order where modelCounters[slot].lastRequestTimestamp.isFinite {
                    writer.writeSample(models[slot].labels, modelCounters[slot].lastRequestTimestamp)
                }
            },
        ]
    }
}
