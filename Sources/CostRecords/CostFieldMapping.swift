/// Which JSON names feed each `CostField`, and which extra fields become labels.
///
/// A source is a key path: a dotted name such as `usage.prompt_tokens_details.cached_tokens`
/// matches the nested objects `{"usage":{"prompt_tokens_details":{"cached_tokens":…}}}`, the
/// literal flat key `"usage.prompt_tokens_details.cached_tokens"` and any mix of the two. For
/// each field the sources are tried in list order and the first one present in the line (not
/// absent, not `null`) wins, wherever it sits in the document. `CostLineDecoder` compiles a
/// mapping once, in its initializer.
public struct CostFieldMapping: Sendable, Equatable {
    /// An extra field whose value becomes a label of the record (`CostRecord.labels`).
    public struct LabelField: Sendable, Equatable {
        /// The label's name, for the caller; the decoder does not interpret it.
        public var name: String
        /// The JSON sources, tried in order like a `CostField`'s.
        public var sources: [String]

        /// Creates a label field.
        ///
        /// - Parameters:
        ///   - name: The label's name.
        ///   - sources: The key paths to read, first present wins.
        public init(name: String, sources: [String]) {
            self.name = name
            self.sources = sources
        }
    }

    /// The sources of every field that has any.
    private var sourcesByField: [CostField: [String]]

    /// The extra label fields, in the order their values appear in `CostRecord.labels`.
    public private(set) var labelFields: [LabelField]

    /// Creates a mapping from explicit source lists; fields not named have no sources.
    ///
    /// - Parameters:
    ///   - sources: The ordered source paths per field.
    ///   - labelFields: The extra label fields, in label order.
    public init(sources: [CostField: [String]], labelFields: [LabelField] = []) {
        self.sourcesByField = sources
        self.labelFields = labelFields
    }

    /// The ordered source paths of `field`.
    ///
    /// - Parameter field: The field to look up.
    /// - Returns: Its source paths, first present wins.
    public func sources(for field: CostField) -> [String] {
        sourcesByField[field] ?? []
    }

    /// Puts `names` before the existing sources of `field`, so that they win when present.
    ///
    /// A name already in the list moves to its new place instead of appearing twice.
    ///
    /// - Parameters:
    ///   - names: The key paths to try first, in order.
    ///   - field: The field they feed.
    public mutating func prepend(_ names: [String], to field: CostField) {
        var seen = Set<String>()
        let first = names.filter { seen.insert($0).inserted }
        sourcesByField[field] = first + sources(for: field).filter { !seen.contains($0) }
    }

    /// A copy of this mapping with `names` tried first for `field`.
    ///
    /// - Parameters:
    ///   - names: The key paths to try first, in order.
    ///   - field: The field they feed.
    /// - Returns: The extended mapping.
    public func prepending(_ names: [String], to field: CostField) -> CostFieldMapping {
        var copy = self
        copy.prepend(names, to: field)
        return copy
    }

    /// Appends an extra label field; its value lands at the next index of `CostRecord.labels`.
    ///
    /// - Parameter label: The label's name and sources.
    public mutating func addLabel(_ label: LabelField) {
        labelFields.append(label)
    }

    /// A copy of this mapping with `label` appended to the label fields.
    ///
    /// - Parameter label: The label's name and sources.
    /// - Returns: The extended mapping.
    public func addingLabel(_ label: LabelField) -> CostFieldMapping {
        var copy = self
        copy.addLabel(label)
        return copy
    }

    /// The built-in names, covering every documented record shape.
    ///
    /// These are the lists of issue 2 ("Field resolution"), plus the inputs of the error
    /// classification (`error.code`, `error.message`, LiteLLM's `error_str` and
    /// `error_information`, `status_code`…).
    public static let builtIn = CostFieldMapping(sources: [
        .model: ["model", "model_name", "response_model", "gen_ai.response.model", "gen_ai.request.model"],
        .provider: [
            "provider", "custom_llm_provider", "llm_provider", "api_provider", "gen_ai.provider.name", "gen_ai.system",
        ],
        .status: ["status"],
        .success: ["success"],
        .isError: ["is_error"],
        .errorEvidence: ["error", "error_message", "error_type", "exception"],
        .errorType: [
            "error_type", "error.type", "error.code", "error", "error.message", "error_message", "exception",
            "error_str", "error_information.error_class", "error_information.error_code", "status_code", "status",
        ],
        .totalCost: ["total_cost", "cost", "cost_usd", "total_cost_usd", "spend", "response_cost"],
        .inputCost: ["input_cost", "input_cost_usd"],
        .outputCost: ["output_cost", "output_cost_usd"],
        .inputTokens: [
            "input_tokens", "prompt_tokens", "usage.input_tokens", "usage.prompt_tokens", "usage.input",
            "gen_ai.usage.input_tokens",
        ],
        .outputTokens: [
            "output_tokens", "completion_tokens", "usage.output_tokens", "usage.completion_tokens", "usage.output",
            "gen_ai.usage.output_tokens",
        ],
        .cacheReadTokens: [
            "cache_read_input_tokens", "usage.cache_read_input_tokens", "usage.prompt_tokens_details.cached_tokens",
        ],
        .cacheWriteTokens: ["cache_creation_input_tokens", "usage.cache_creation_input_tokens"],
        .latencySeconds: ["latency", "latency_seconds", "latency_s", "duration", "duration_seconds", "elapsed"],
        .latencyMilliseconds: ["latency_ms", "duration_ms", "response_time_ms", "elapsed_ms"],
        .startTime: ["startTime", "start_time"],
        .endTime: ["endTime", "end_time"],
        .cached: ["cached", "cache_hit"],
        .timestamp: ["timestamp", "time", "ts", "created_at", "@timestamp", "startTime", "start_time"],
    ])
}
