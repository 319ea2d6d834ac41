import CostBudgets
import CostRecords
import LogTailing
import ModelPricing
import PrometheusFormat

/// Every counter and histogram the exporter keeps, as plain values.
///
/// A value type on purpose: a scrape copies it under the lock (arrays are copy-on-write, so
/// the copy is cheap) and renders the copy outside it, while ingestion goes on. Memory
/// grows with series — bounded by the cardinality caps — and never with lines.
///
/// Columns are flat arrays indexed by a model's slot (its (provider, model) pair):
/// `slot * 2 + status` for the status-split families, `slot * 8 + error type` for errors —
/// except requests, cost and tokens, which carry the extra labels and are kept together in
/// `requestCounters`, indexed by `request slot * 2 + status` (a request slot is a model slot
/// plus extra label values, from `requestSeries`).
public struct CostMetricsState: Sendable {
    let limits: MetricLimits
    private(set) var pricing: CostPricing
    /// Labels on every sample of every family.
    let staticLabels: LabelSet
    private var providerTable = ByteStringTable()
    private var providerNames: [String] = []
    /// Per provider, how many models it has (`__other__` included).
    private var modelCounts: [Int] = []
    /// Every model, scoped by its provider's index; a model's index is its slot.
    private var modelTable = ByteStringTable()

    private(set) var models: [ModelSeries] = []
    private(set) var requestSeries: RequestSeriesTable
    private(set) var requestCounters: [RequestCounters] = []
    /// Per model slot, its price and the counters nearly every record touches.
    private(set) var modelCounters: [ModelCounters] = []
    private(set) var errors: [UInt64] = []
    private(set) var duration: HistogramColumns
    private(set) var requestCost: HistogramColumns

    private(set) var lines: UInt64 = 0
    private(set) var lineErrors = [UInt64](repeating: 0, count: StatusIndex.lineErrorReasons.count)
    private(set) var bytesRead: UInt64 = 0
    private(set) var providerOverflows: UInt64 = 0
    private(set) var tail = TailStats()
    private(set) var budgetLedger: BudgetLedger?
    private var budgetsByRequestSlot: [[Int]] = []
    /// The time budgets are kept at: when the ingest side last polled (or a scrape, on its copy).
    private(set) var now: Double = 0
    private(set) var recordsWithoutTimestamp: UInt64 = 0
    private(set) var hourlySpend = HourlySpend()
    private(set) var lastReloadSuccessful = true
    private(set) var lastReloadSuccessTimestamp: Double?
    private(set) var modelOverflows: UInt64 = 0
    /// The state file's health, when one is configured.
    private(set) var stateFileStatus: StateFileStatus?

    /// Creates empty metrics.
    ///
    /// - Parameters:
    ///   - limits: Buckets and cardinality caps.
    ///   - pricing: How lines without a cost are priced and logged costs audited.
    ///   - extraLabels: Labels from record fields on requests, cost and tokens, in the order
    ///     the decoder's mapping delivers their values.
    ///   - staticLabels: Labels on every sample.
    public init(
        limits: MetricLimits = MetricLimits(),
        pricing: CostPricing = CostPricing(),
        extraLabels: [ExtraLabel] = [],
        staticLabels: [String: String] = [:]
    ) {
        self.limits = limits
        self.pricing = pricing
        self.requestSeries = RequestSeriesTable(labels: extraLabels)
        self.staticLabels = LabelSet(staticLabels.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
        duration = HistogramColumns(upperBounds: limits.durationBuckets)
        requestCost = HistogramColumns(upperBounds: limits.costBuckets)
    }

    /// Counts one record in every family it touches, and its line in `lines`.
    public mutating func record(_ record: CostRecord) {
        lines += 1
        let slot = slot(provider: record.provider, model: record.model)
        let request = requestSlot(model: slot, labels: record.labels)
        let status = StatusIndex.of(record.status)
        let series = slot * 2 + status
        let costUSD = modelCounters[slot].count(record, pricing: pricing)
        requestCounters.withUnsafeMutableBufferPointer { counters in
            let index = request * 2 + status
            counters[index].requests += 1
            if let costUSD { counters[index].cost.add(costUSD) }
            if let input = record.inputTokens { counters[index].inputTokens &+= input }
            if let output = record.outputTokens { counters[index].outputTokens &+= output }
        }
        hourlySpend.add(costUSD: costUSD, at: record.timestamp ?? now, slot: slot)
        if let costUSD {
            // Checked here, not in the call: most setups have no budgets.
            if budgetLedger != nil { chargeBudgets(costUSD, at: record.timestamp, requestSlot: request) }
            requestCost.observe(costUSD, series: slot)
        }
        if let latency = record.latencySeconds { duration.observe(latency, series: series) }
        if let errorType = record.errorType {
            errors[slot * StatusIndex.errorTypes.count + StatusIndex.of(errorType)] += 1
        }
        if record.timestamp == nil { recordsWithoutTimestamp += 1 }
    }

    /// The request slot of a record, creating its columns when new.
    @inline(__always)
    private mutating func requestSlot(model: Int, labels: UnsafeBufferPointer<UnsafeRawBufferPointer?>) -> Int {
        requestSeries.plainSlot(model: model) ?? labelledRequestSlot(model: model, labels: labels)
    }

    /// `requestSlot(model:labels:)` with extra labels, or for a model's first record.
    @inline(never)
    private mutating func labelledRequestSlot(model: Int, labels: UnsafeBufferPointer<UnsafeRawBufferPointer?>) -> Int {
        let (slot, isNew) = requestSeries.slot(model: model, of: models[model], values: labels)
        if isNew {
            requestCounters.append(contentsOf: repeatElement(RequestCounters(), count: StatusIndex.statuses.count))
            budgetsByRequestSlot.append(budgetIndices(forRequestSlot: slot))
        }
        return slot
    }

    /// Adds a priced record's cost to every budget whose scope covers its series.
    private mutating func chargeBudgets(_ costUSD: Double, at timestamp: Double?, requestSlot: Int) {
        guard !budgetsByRequestSlot[requestSlot].isEmpty, var ledger = budgetLedger else { return }
        // Take the ledger out while adding, so the array inside it stays uniquely referenced.
        budgetLedger = nil
        for budget in budgetsByRequestSlot[requestSlot] {
            ledger.add(costUSD: costUSD, at: timestamp, toBudget: budget, now: now)
        }
        budgetLedger = ledger
    }

    /// Sets the budgets; unchanged budgets keep their spend, changed ones start again at 0.
    ///
    /// - Returns: Why the budgets could not be set (duplicate names, an unusable `now`), in
    ///   which case none are in force; `nil` on success.
    public mutating func configureBudgets(_ budgets: [Budget], now: Double) -> BudgetError? {
        self.now = now
        guard budgets != budgetLedger?.budgets ?? [] else { return nil }
        defer { budgetsByRequestSlot = requestSeries.series.indices.map { budgetIndices(forRequestSlot: $0) } }
        do {
            guard !budgets.isEmpty else {
                budgetLedger = nil
                return nil
            }
            var ledger = try BudgetLedger(budgets: budgets, now: now)
            if let previous = budgetLedger { ledger.keepSpend(ofUnchangedBudgetsIn: previous) }
            budgetLedger = ledger
            return nil
        } catch {
            budgetLedger = nil
            return error
        }
    }

    /// Moves the clock budgets are kept by (records without a timestamp count at this time).
    public mutating func advanceClock(to now: Double) {
        self.now = now
    }

    private func budgetIndices(forRequestSlot slot: Int) -> [Int] {
        let request = requestSeries.series[slot]
        let model = models[request.model]
        return budgetLedger?.budgetIndices(
            matchingProvider: model.provider,
            model: model.model,
            labels: request.extraLabels(names: requestSeries.labelNames)
        ) ?? []
    }

    /// Replaces the pricing (a config reload); every model's price is looked up again.
    public mutating func configurePricing(_ pricing: CostPricing) {
        self.pricing = pricing
        for (slot, model) in models.enumerated() {
            modelCounters[slot].price = pricing.catalog.price(forModel: model.model, provider: model.provider)
        }
    }

    /// Counts one line that did not become a record, and the line in `lines`.
    public mutating func recordLineError(_ reason: LineErrorReason) {
        lines += 1
        lineErrors[StatusIndex.of(reason)] += 1
    }

    /// Replaces the tailer's statistics with those after its latest poll.
    public mutating func recordTailStats(_ stats: TailStats) {
        tail = stats
    }

    /// Records what happened to the state file: restored at start, a load or save failure, a save.
    mutating func recordStateFile(_ update: (inout StateFileStatus) -> Void) {
        var status = stateFileStatus ?? StateFileStatus()
        update(&status)
        stateFileStatus = status
    }

    /// Records the outcome of a config reload (SIGHUP).
    public mutating func recordConfigReload(successful: Bool, at timestamp: Double) {
        lastReloadSuccessful = successful
        if successful { lastReloadSuccessTimestamp = timestamp }
    }

    /// Counts bytes read from the log files.
    public mutating func recordBytesRead(_ count: Int) {
        bytesRead &+= UInt64(count)
    }

    /// The slot of a (provider, model) pair, creating it — or folding it into `__other__`
    /// once a cap is reached.
    @inline(__always)
    private mutating func slot(provider rawProvider: UnsafeRawBufferPointer, model rawModel: UnsafeRawBufferPointer)
        -> Int
    {
        let providerBytes = LabelValue.truncated(rawProvider)
        let modelBytes = LabelValue.truncated(rawModel)
        // Nearly every record is of a known pair: two lookups, no call.
        if let provider = providerTable.index(of: providerBytes),
            let slot = modelTable.index(of: modelBytes, scope: provider)
        {
            return slot
        }
        return newSlot(provider: providerBytes, model: modelBytes)
    }

    /// `slot(provider:model:)` for a pair not seen yet, or folded into `__other__`.
    @inline(never)
    private mutating func newSlot(
        provider providerBytes: UnsafeRawBufferPointer, model modelBytes: UnsafeRawBufferPointer
    )
        -> Int
    {
        let provider = providerIndex(providerBytes)
        if let slot = modelTable.index(of: modelBytes, scope: provider) { return slot }
        if modelCounts[provider] < limits.maxModelsPerProvider {
            return addSlot(provider: provider, modelBytes: modelBytes)
        }
        modelOverflows += 1
        return LabelValue.overflowBytes.withUnsafeBytes { overflow in
            modelTable.index(of: overflow, scope: provider) ?? addSlot(provider: provider, modelBytes: overflow)
        }
    }

    private mutating func providerIndex(_ bytes: UnsafeRawBufferPointer) -> Int {
        if let index = providerTable.index(of: bytes) { return index }
        if providerTable.count < limits.maxProviders {
            return addProvider(bytes)
        }
        providerOverflows += 1
        return LabelValue.overflowBytes.withUnsafeBytes { overflow in
            providerTable.index(of: overflow) ?? addProvider(overflow)
        }
    }

    private mutating func addProvider(_ bytes: UnsafeRawBufferPointer) -> Int {
        let index = providerTable.insert(bytes)
        providerNames.append(String(decoding: bytes, as: UTF8.self))
        modelCounts.append(0)
        return index
    }

    private mutating func addSlot(provider: Int, modelBytes: UnsafeRawBufferPointer) -> Int {
        let slot = modelTable.insert(modelBytes, scope: provider)
        modelCounts[provider] += 1
        models.append(
            ModelSeries(provider: providerNames[provider], model: String(decoding: modelBytes, as: UTF8.self)))
        let statusCount = StatusIndex.statuses.count
        let series = models[slot]
        modelCounters.append(
            ModelCounters(price: pricing.catalog.price(forModel: series.model, provider: series.provider)))
        hourlySpend.appendSlot()
        errors.append(contentsOf: repeatElement(0, count: StatusIndex.errorTypes.count))
        duration.ensureSeries(slot * statusCount + statusCount - 1)
        requestCost.ensureSeries(slot)
        return slot
    }

    // MARK: Restoring a saved state

    /// Puts back a saved state into these (empty) metrics: every series, counter, histogram
    /// and budget spend, so counters continue instead of resetting.
    ///
    /// Series are recreated through the same tables and caps as live records. Spend of budget
    /// periods that ended since the save is dropped as it would have been live.
    ///
    /// - Returns: Why the state does not fit these metrics (other buckets or extra labels),
    ///   or `nil` when it was restored.
    mutating func restore(_ saved: PersistedMetrics) -> String? {
        guard saved.durationBuckets == limits.durationBuckets, saved.costBuckets == limits.costBuckets else {
            return "the saved state has other histogram buckets"
        }
        guard saved.extraLabelNames == requestSeries.labelNames else {
            return "the saved state has other extra labels"
        }
        var slotOfSaved: [Int] = []
        for model in saved.models {
            let slot = Array(model.provider.utf8).withUnsafeBytes { provider in
                Array(model.model.utf8).withUnsafeBytes { self.slot(provider: provider, model: $0) }
            }
            slotOfSaved.append(slot)
            modelCounters[slot].cacheReadTokens = model.cacheTokens.first ?? 0
            modelCounters[slot].cacheWriteTokens = model.cacheTokens.dropFirst().first ?? 0
            modelCounters[slot].cachedRequests = model.cachedRequests
            modelCounters[slot].unpricedRequests = model.unpricedRequests
            modelCounters[slot].auditMismatches = model.auditMismatches
            for (column, type) in StatusIndex.errorTypes.enumerated() {
                errors[slot * StatusIndex.errorTypes.count + column] = model.errors[type.rawValue] ?? 0
            }
            modelCounters[slot].lastRequestTimestamp = model.lastRequestTimestamp ?? -.infinity
            for (status, histogram) in model.duration.prefix(StatusIndex.statuses.count).enumerated() {
                duration.restore(
                    series: slot * 2 + status, buckets: histogram.buckets, count: histogram.count, sum: histogram.sum)
            }
            requestCost.restore(
                series: slot, buckets: model.requestCost.buckets, count: model.requestCost.count,
                sum: model.requestCost.sum)
        }
        for series in saved.requestSeries where series.model < slotOfSaved.count {
            let joined = series.extraValues.flatMap { Array($0.utf8) }
            let slot = joined.withUnsafeBytes { all in
                var offset = 0
                var buffers: [UnsafeRawBufferPointer?] = []
                for value in series.extraValues {
                    let count = value.utf8.count
                    buffers.append(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]))
                    offset += count
                }
                return buffers.withUnsafeBufferPointer { requestSlot(model: slotOfSaved[series.model], labels: $0) }
            }
            for status in 0..<StatusIndex.statuses.count {
                let index = slot * 2 + status
                requestCounters[index].requests += series.requests.count > status ? series.requests[status] : 0
                requestCounters[index].cost.add(series.cost.count > status ? series.cost[status] : 0)
                if series.tokens.count > status * 2 {
                    requestCounters[index].inputTokens &+= series.tokens[status * 2]
                }
                if series.tokens.count > status * 2 + 1 {
                    requestCounters[index].outputTokens &+= series.tokens[status * 2 + 1]
                }
            }
        }
        lines = saved.lines
        for (column, reason) in StatusIndex.lineErrorReasons.enumerated() {
            lineErrors[column] = saved.lineErrors[reason.rawValue] ?? 0
        }
        bytesRead = saved.bytesRead
        providerOverflows = saved.providerOverflows
        modelOverflows = saved.modelOverflows
        requestSeries.restoreOverflows(saved.extraLabelOverflows)
        recordsWithoutTimestamp = saved.recordsWithoutTimestamp
        restoreBudgetSpend(saved.budgets)
        return nil
    }

    private mutating func restoreBudgetSpend(_ saved: [PersistedMetrics.BudgetSpend]) {
        guard var ledger = budgetLedger else { return }
        for spend in saved {
            guard let index = ledger.budgets.firstIndex(where: { $0.name == spend.name }) else { continue }
            // A time just before the saved period's start lies in the period before it.
            ledger.add(costUSD: spend.previousSpend, at: spend.periodStart - 0.5, toBudget: index, now: now)
            ledger.add(costUSD: spend.spend, at: spend.periodStart, toBudget: index, now: now)
        }
        budgetLedger = ledger
    }
}
