import Foundation

extension PriceTable {
    /// Loads a price file in the format of LiteLLM's `model_prices_and_context_window.json`.
    ///
    /// - Parameter path: the file's path.
    /// - Throws: `PriceFileError` when the file cannot be read or is not in the format (see
    ///   `init(liteLLMJSON:fileName:)`).
    public init(liteLLMFileAtPath path: String) throws(PriceFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PriceFileError(fileName: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(liteLLMJSON: data, fileName: path)
    }

    /// Reads prices from JSON in the format of LiteLLM's `model_prices_and_context_window.json`.
    ///
    /// The top level is an object mapping model names (some provider-qualified, such as
    /// `gemini/gemini-2.5-flash`) to objects. From each, `input_cost_per_token`,
    /// `output_cost_per_token`, `cache_read_input_token_cost` and
    /// `cache_creation_input_token_cost` (USD per token, turned into USD per million) and
    /// `litellm_provider` are read; other keys are ignored. The `sample_spec` entry and entries
    /// with neither an input nor an output cost per token (images, audio, rerank) are skipped;
    /// when only one of the two is given, the other is 0 (embeddings have no output). Cache
    /// accounting follows the provider (`CacheAccounting(provider:model:)`).
    ///
    /// - Parameters:
    ///   - data: the JSON.
    ///   - fileName: the name to put in error messages.
    /// - Throws: `PriceFileError` for invalid JSON, a top level that is not an object, an
    ///   entry that is not an object, or a cost that is not a finite, non-negative number.
    public init(liteLLMJSON data: Data, fileName: String) throws(PriceFileError) {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PriceFileError(fileName: fileName, message: "not valid JSON: \(error.localizedDescription)")
        }
        guard let models = json as? [String: Any] else {
            throw PriceFileError(fileName: fileName, message: "the top level must be an object of model names")
        }
        var entries: [PriceEntry] = []
        // Sorted, so that names differing only in case resolve the same way on every load.
        for (model, value) in models.sorted(by: { $0.key < $1.key }) where model != "sample_spec" {
            guard let fields = value as? [String: Any] else {
                throw PriceFileError(fileName: fileName, message: "entry '\(model)' must be an object")
            }
            func perMillion(_ key: String) throws(PriceFileError) -> Double? {
                guard let raw = fields[key], !(raw is NSNull) else { return nil }
                guard let number = raw as? NSNumber, String(cString: number.objCType) != "c",
                    number.doubleValue.isFinite, number.doubleValue >= 0
                else {
                    throw PriceFileError(
                        fileName: fileName,
                        message: "entry '\(model)': '\(key)' must be a non-negative number")
                }
                return number.doubleValue * 1_000_000
            }
            let input = try perMillion("input_cost_per_token")
            let output = try perMillion("output_cost_per_token")
            guard input != nil || output != nil else { continue }
            let provider = fields["litellm_provider"] as? String
            entries.append(
                PriceEntry(
                    model: model, provider: provider,
                    price: ModelPrice(
                        inputPerMillion: input ?? 0,
                        outputPerMillion: output ?? 0,
                        cacheReadPerMillion: try perMillion("cache_read_input_token_cost"),
                        cacheWritePerMillion: try perMillion("cache_creation_input_token_cost"),
                        cacheAccounting: CacheAccounting(provider: provider ?? "", model: model))))
        }
        self.init(entries)
    }
}
