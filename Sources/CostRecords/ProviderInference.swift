/// Names the provider of a model that the line does not attribute, from the model's family.
///
/// Matching is by prefix and ignores ASCII case (`GPT-4o` is OpenAI's). The names returned
/// are static text, valid for the life of the process.
enum ProviderInference {
    /// The provider of models no family rule knows.
    ///
    /// Computed, like the other names below, so that using it costs no lazy initialisation.
    static var unknown: StaticBytes { StaticBytes("unknown") }

    /// The provider whose model family `model` belongs to, or `unknown`.
    ///
    /// - Parameter model: The model name, without any `provider/` prefix.
    /// - Returns: The lower-case provider name.
    static func provider(ofModel model: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        func starts(_ prefix: StaticString) -> Bool {
            hasPrefix(model, prefix)
        }
        // Dispatch on the first letter so that a model costs a comparison or two, not a scan
        // of every family.
        let provider: StaticBytes? =
            switch model.first.map(ASCII.lowercased) {
            case UInt8(ascii: "g"):
                starts("gpt-") ? openai : starts("gemini-") || starts("gemma-") ? google : starts("grok-") ? xai : nil
            case UInt8(ascii: "c"):
                starts("claude-")
                    ? anthropic
                    : starts("chatgpt-")
                        ? openai
                        : starts("codestral-")
                            ? mistral
                            : starts("command-") ? cohere : nil
            case UInt8(ascii: "o"): starts("o1") || starts("o3") || starts("o4") ? openai : nil
            case UInt8(ascii: "t"): starts("text-embedding-") || starts("tts-") ? openai : nil
            case UInt8(ascii: "d"): starts("dall-e") ? openai : starts("deepseek-") ? deepseek : nil
            case UInt8(ascii: "w"): starts("whisper") ? openai : nil
            case UInt8(ascii: "m"): starts("mistral-") || starts("mixtral-") || starts("ministral-") ? mistral : nil
            case UInt8(ascii: "p"): starts("pixtral-") ? mistral : nil
            default: nil
            }
        return (provider ?? unknown).bytes
    }

    // Computed rather than stored: a stored static costs a lazy-initialisation call per
    // use, and the literal folds to a constant.
    private static var openai: StaticBytes { StaticBytes("openai") }
    private static var anthropic: StaticBytes { StaticBytes("anthropic") }
    private static var google: StaticBytes { StaticBytes("google") }
    private static var mistral: StaticBytes { StaticBytes("mistral") }
    private static var cohere: StaticBytes { StaticBytes("cohere") }
    private static var deepseek: StaticBytes { StaticBytes("deepseek") }
    private static var xai: StaticBytes { StaticBytes("xai") }

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
