/// One source of prices (the built-in table, a LiteLLM file, or the config's overrides),
/// looked up by model name.
///
/// Names match without regard to case. A lookup tries exact names first, then the model's
/// family: the longest table name that the model name starts with, followed by nothing but a
/// version suffix. So `gpt-4o-2024-08-06`, `claude-3-5-sonnet-20241022`,
/// `claude-3-5-sonnet@20240620`, `mistral-large-latest` and `gemini-1.5-pro-002` take their
/// family's price, while `gpt-4o-mini` never takes `gpt-4o`'s and `o1-mini` never takes
/// `o1`'s: a suffix that names another model is never stripped (see `isVersionSuffix`).
public struct PriceTable: Sendable, Equatable {
    /// Entries by lower-cased name.
    private var entries: [String: PriceEntry] = [:]

    /// Creates a table; when two entries have the same name (in any case), the later one wins.
    public init(_ entries: [PriceEntry]) {
        for entry in entries {
            self.entries[entry.model.lowercased()] = entry
        }
    }

    /// Creates the table of the config's overrides; a later override of the same model wins.
    public init(overrides: [PriceOverride]) {
        self.init(overrides.map(\.entry))
    }

    /// How many names the table prices.
    public var count: Int { entries.count }

    /// The entry that prices `model`, or `nil` when this table has none.
    ///
    /// Tried in order, each time first as `provider/name` when a provider is known (LiteLLM
    /// files key some prices that way) and then as `name`:
    /// 1. the whole model name, as given (`openai/gpt-4o` included);
    /// 2. the part after the last `/` (`gemini/gemini-2.5-flash` → `gemini-2.5-flash`), the
    ///    part before the first `/` serving as provider when none is given;
    /// 3. for Claude models, the name with dots as dashes (`claude-3.5-sonnet`, as OpenRouter
    ///    writes it, → `claude-3-5-sonnet`);
    /// 4. the family, as described on the type.
    /// The provider never rules a match out: Azure's `gpt-4o` is priced as OpenAI's.
    ///
    /// - Parameters:
    ///   - model: the model name as logged.
    ///   - provider: the provider as logged, or `nil`.
    public func entry(forModel model: String, provider: String? = nil) -> PriceEntry? {
        let name = model.lowercased()
        var provider = provider?.lowercased()
        if let found = exactEntry(name, provider: provider) {
            return found
        }
        var bare = name
        if let lastSlash = name.lastIndex(of: "/"), let firstSlash = name.firstIndex(of: "/") {
            bare = String(name[name.index(after: lastSlash)...])
            provider = provider ?? String(name[..<firstSlash])
            if let found = exactEntry(bare, provider: provider) {
                return found
            }
        }
        if bare.hasPrefix("claude") {
            bare = String(bare.map { $0 == "." ? "-" : $0 })
            if let found = exactEntry(bare, provider: provider) {
                return found
            }
        }
        return familyEntry(bare, provider: provider)
    }

    private func exactEntry(_ name: String, provider: String?) -> PriceEntry? {
        if let provider, let found = entries[provider + "/" + name] {
            return found
        }
        return entries[name]
    }

    /// The entry of the longest name that `name` starts with, followed by a version suffix.
    private func familyEntry(_ name: String, provider: String?) -> PriceEntry? {
        var cut = name.endIndex
        while let separator = name[..<cut].lastIndex(where: { $0 == "-" || $0 == "@" || $0 == ":" }) {
            cut = separator
            guard Self.isVersionSuffix(name[separator...]) else { continue }
            if let found = exactEntry(String(name[..<separator]), provider: provider) {
                return found
            }
        }
        return nil
    }

    /// Whether `suffix` (starting with `-`, `@` or `:`) only says which version of a model
    /// this is, so that the name before it prices it.
    ///
    /// Its parts (split on `-`, `@`, `:`) must each be `latest`, `preview`, `exp`, `beta`,
    /// `v` with digits (Bedrock's `-v2:0`), or digits; the first all-digit part needs at least
    /// three digits (`-0613`, `-002`, `-20241022`, `-2024-08-06`) so that `claude-opus-4-5` is
    /// not read as version 5 of `claude-opus-4`. Words such as `mini`, `nano`, `turbo`, `pro`,
    /// `lite`, `audio` or `realtime` name other models and are never version suffixes.
    static func isVersionSuffix(_ suffix: Substring) -> Bool {
        // A predicate, not a regex literal: building the regex cost more than the rest of a lookup.
        let parts = suffix.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "@" || $0 == ":" }.dropFirst()
        guard !parts.isEmpty else { return false }
        var hasVersion = false
        for part in parts {
            let isNumber = !part.isEmpty && part.allSatisfy(\.isASCIIDigit)
            if ["latest", "preview", "exp", "beta"].contains(part) {
                hasVersion = true
            } else if isNumber && (hasVersion || part.count >= 3) {
                hasVersion = true
            } else if part.count > 1 && part.first == "v" && part.dropFirst().allSatisfy(\.isASCIIDigit) {
                hasVersion = true
            } else {
                return false
            }
        }
        return true
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
