import Testing

@testable import CostRecords

/// Providers from model families.
@Suite struct ProviderInferenceTests {
    @Test(arguments: [
        ("gpt-4o", "openai"), ("GPT-4o", "openai"), ("chatgpt-4o-latest", "openai"), ("o1", "openai"),
        ("o1-mini", "openai"), ("o3-mini", "openai"), ("o4-mini", "openai"), ("text-embedding-3-small", "openai"),
        ("dall-e-3", "openai"), ("whisper-1", "openai"), ("tts-1-hd", "openai"),
        ("claude-3-5-sonnet-20241022", "anthropic"), ("Claude-3-opus", "anthropic"),
        ("gemini-1.5-pro", "google"), ("gemma-2-9b", "google"),
        ("mistral-large-latest", "mistral"), ("mixtral-8x7b", "mistral"), ("codestral-latest", "mistral"),
        ("ministral-8b", "mistral"), ("pixtral-12b", "mistral"),
        ("command-r-plus", "cohere"), ("deepseek-chat", "deepseek"), ("grok-2", "xai"),
        ("llama-3-70b", "unknown"), ("gpt4", "unknown"), ("claude", "unknown"), ("o", "unknown"), ("", "unknown"),
        ("x-gpt-4", "unknown"),
    ])
    func family(_ model: String, _ provider: String) {
        let inferred = Array(model.utf8).withUnsafeBytes { ProviderInference.provider(ofModel: $0) }
        #expect(String(decoding: inferred, as: UTF8.self) == provider)
    }
}
