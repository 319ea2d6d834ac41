/// Names the provider of a model that the line does not attribute, from the model's family.
///
/// Matching is by prefix and ignores ASCII case (`GPT-4o` is OpenAI's). The names returned
/// are static text, valid for the life of the process.
enum ProviderInference {
    /// The provider of models no family rule knows.
    static let unknown = StaticBytes("unknown")

    /// The provider whose model family `model` belongs to, or `unknown`.
    ///
    /// - Parameter model: The model name, without any `provider/` prefix.
    /// - Returns: The lower-case provider name.
    static func provider(ofModel model: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        for (prefixes, provider) in families {
            for prefix in prefixes where hasPrefix(model, prefix) {
                return provider.bytes
            }
        }
        return unknown.bytes
    }

    /// Model-name prefixes per provider, from the providers' own model lists.
    private static let families: [([StaticString], StaticBytes)] = [
        (["gpt-", "chatgpt-", "o1", "o3", "o4", "text-embedding-", "dall-e", "whisper", "tts-"], StaticBytes("openai")),
        (["claude-"], StaticBytes("anthropic")),
        (["gemini-", "gemma-"], StaticBytes("google")),
        (["mistral-", "mixtral-", "codestral-", "ministral-", "pixtral-"], StaticBytes("mistral")),
        (["command-"], StaticBytes("cohere")),
        (["deepseek-"], StaticBytes("deepseek")),
        (["grok-"], StaticBytes("xai")),
    ]

    /// Whether `text` starts with the lower-case ASCII `prefix`, ignoring the text's case.
    private static func hasPrefix(_ text: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard text.count >= count else {
            return false
        }
        for index in 0..<count where ASCII.lowercased(text[index]) != prefix.utf8Start[index] {
            return false
        }
        return true
    }
}
