/// How a provider's usage numbers relate cached prompt tokens to input tokens.
///
/// Providers disagree, and charging cache tokens twice or not at all is a silent billing error:
/// - OpenAI (and Azure OpenAI), Google Gemini, DeepSeek, xAI, Mistral and Cohere report cached
///   tokens *inside* the prompt/input count (`prompt_tokens_details.cached_tokens`,
///   `cached_content_token_count`, `prompt_cache_hit_tokens`): `.includedInInput`.
/// - Anthropic (directly, on Bedrock and on Vertex AI) reports `cache_read_input_tokens` and
///   `cache_creation_input_tokens` *beside* `input_tokens`, which excludes them:
///   `.separateFromInput`.
public enum CacheAccounting: Sendable, Hashable {
    /// Cache-read and cache-write tokens are part of the input count; only the rest of the
    /// input is charged at the input price.
    case includedInInput
    /// Cache-read and cache-write tokens come on top of the input count.
    case separateFromInput

    /// The accounting a provider's logs follow: `.separateFromInput` when the provider or the
    /// model names Anthropic or Claude (so `bedrock` + `anthropic.claude-…` too), otherwise
    /// `.includedInInput`.
    ///
    /// - Parameters:
    ///   - provider: the provider as logged or as LiteLLM names it, any case; may be empty.
    ///   - model: the model name, any case.
    public init(provider: String, model: String) {
        let isAnthropic = provider.lowercased().contains("anthropic") || model.lowercased().contains("claude")
        self = isAnthropic ? .separateFromInput : .includedInInput
    }
}
