import PrometheusFormat

/// The series of the families that carry the configured extra labels — requests, cost and
/// tokens — one per (model slot, extra label values).
///
/// Each extra label has its own cardinality cap: a new value past it is recorded as
/// `__other__` and counted, so sums stay exact and memory stays bounded by
/// models × Π caps. Without extra labels there is exactly one request series per model.
struct RequestSeriesTable: Sendable {
    /// One request series: its model, its extra label values and its rendered label sets.
    struct Series: Sendable {
        /// The model slot it belongs to.
        let model: Int
        /// The extra label values, in `labelNames` order (`""` where the line had none).
        let extraValues: [String]
        /// provider, model, extras, status — indexed by `StatusIndex`.
        let statusLabels: [LabelSet]
        /// provider, model, extras, status, token_type — indexed by status × 2 + token type.
        let tokenLabels: [LabelSet]
    }

    private struct Key: Hashable {
        let model: Int32
        let values: [Int32]
    }

    /// The extra labels' names, in the decoder mapping's label order.
    let labelNames: [String]
    private let caps: [Int]
    private var valueTables: [ByteStringTable]
    private var valueNames: [[String]]
    private var slotByKey: [Key: Int] = [:]
    private var plainSlotByModel: [Int] = []
    /// Every series, by request slot.
    private(set) var series: [Series] = []
    /// Per extra label, the records whose value was folded into `__other__`.
    private(set) var overflows: [UInt64]

    /// Creates an empty table for the given extra labels and their caps.
    init(labels: [ExtraLabel]) {
        labelNames = labels.map(\.name)
        caps = labels.map(\.maxValues)
        valueTables = labels.map { _ in ByteStringTable() }
        valueNames = labels.map { _ in [] }
        overflows = labels.map { _ in 0 }
    }

    /// The request slot of a model's records when there are no extra labels and the model
    /// has had one before: nearly every record, found without the general lookup.
    @inline(__always)
    func plainSlot(model: Int) -> Int? {
        labelNames.isEmpty && model < plainSlotByModel.count ? plainSlotByModel[model] : nil
    }

    /// The request slot of a record, creating the series when new.
    ///
    /// - Parameters:
    ///   - model: The record's model slot.
    ///   - modelSeries: That model's identity, to render new label sets (evaluated only then).
    ///   - values: The record's extra label values, in `labelNames` order.
    /// - Returns: The slot, and whether it was created by this call.
    mutating func slot(
        model: Int,
        of modelSeries: @autoclosure () -> ModelSeries,
        values: UnsafeBufferPointer<UnsafeRawBufferPointer?>
    ) -> (slot: Int, isNew: Bool) {
        if labelNames.isEmpty {
            if model < plainSlotByModel.count { return (plainSlotByModel[model], false) }
            plainSlotByModel.append(series.count)
            return (append(Series(model: model, of: modelSeries(), names: [], values: [])), true)
        }
        var indices: [Int32] = []
        indices.reserveCapacity(labelNames.count)
        for label in labelNames.indices {
            let raw = label < values.count ? values[label] : nil
            indices.append(Int32(valueIndex(label: label, raw.map(LabelValue.truncated))))
        }
        let key = Key(model: Int32(model), values: indices)
        if let slot = slotByKey[key] { return (slot, false) }
        let names = zip(labelNames.indices, indices).map { valueNames[$0][Int($1)] }
        let slot = append(Series(model: model, of: modelSeries(), names: labelNames, values: names))
        slotByKey[key] = slot
        return (slot, true)
    }

    /// Sets the per-label overflow counts (restored from a saved state).
    mutating func restoreOverflows(_ saved: [UInt64]) {
        for index in overflows.indices where index < saved.count {
            overflows[index] = saved[index]
        }
    }

    private mutating func append(_ newSeries: Series) -> Int {
        series.append(newSeries)
        return series.count - 1
    }

    /// The index of a label value, inserting it (or `__other__` past the cap).
    private mutating func valueIndex(label: Int, _ raw: UnsafeRawBufferPointer?) -> Int {
        let empty: [UInt8] = []
        return empty.withUnsafeBytes { emptyBytes in
            let bytes = raw ?? emptyBytes
            if let index = valueTables[label].index(of: bytes) { return index }
            if valueTables[label].count < caps[label] {
                valueNames[label].append(String(decoding: bytes, as: UTF8.self))
                return valueTables[label].insert(bytes)
            }
            overflows[label] += 1
            return LabelValue.overflowBytes.withUnsafeBytes { overflow in
                if let index = valueTables[label].index(of: overflow) { return index }
                valueNames[label].append(LabelValue.overflow)
                return valueTables[label].insert(overflow)
            }
        }
    }
}

extension RequestSeriesTable.Series {
    /// Renders a request series' label sets.
    init(model: Int, of modelSeries: ModelSeries, names: [String], values: [String]) {
        self.model = model
        self.extraValues = values
        let base: [(name: String, value: String)] =
            [("provider", modelSeries.provider), ("model", modelSeries.model)]
            + zip(names, values).map { (name: $0, value: $1) }
        statusLabels = StatusIndex.statuses.map { LabelSet(base + [("status", $0.rawValue)]) }
        tokenLabels = StatusIndex.statuses.flatMap { status in
            ["input", "output"].map { LabelSet(base + [("status", status.rawValue), ("token_type", $0)]) }
        }
    }

    /// The extra labels as a dictionary, for budget scopes.
    func extraLabels(names: [String]) -> [String: String] {
        Dictionary(zip(names, extraValues).filter { !$0.1.isEmpty }, uniquingKeysWith: { first, _ in first })
    }
}
