/// Gives a plain (unquoted) scalar its type, or says why it must be quoted.
///
/// The rule: a plain scalar is accepted only when YAML 1.1 as PyYAML implements it
/// (`yaml.safe_load`) and YAML 1.2's core schema give it the same type and value, and that type
/// is one `YAMLScalar` models. Everything else (`yes`/`no`/`on`/`off`/`y`/`n`, `0x1F`, `0o17`,
/// `012`, `1_000`, `1:30`, `1e5`, `.inf`, `.nan`, `2024-01-01`, `<<`, `=`) is an error that
/// asks for quotes, because one reader or another would take it for something the user did
/// not mean. The patterns below are PyYAML's resolver table (`resolver.py`) and the YAML 1.2
/// core schema's, spelled out so the two can be compared line by line.
enum PlainScalarResolver {
    /// The outcome of resolving one plain scalar.
    enum Resolution: Equatable {
        /// The scalar's type and value.
        case scalar(YAMLScalar)
        /// The scalar must be quoted or rewritten; the message says why.
        case rejected(String)
    }

    /// Resolves `text`, a non-empty plain scalar as it appears in the document.
    static func resolve(_ text: String) -> Resolution {
        if text.wholeMatch(of: Pattern.null) != nil {
            return .scalar(.null)
        }
        if text.wholeMatch(of: Pattern.true) != nil {
            return .scalar(.bool(true))
        }
        if text.wholeMatch(of: Pattern.false) != nil {
            return .scalar(.bool(false))
        }
        if text.wholeMatch(of: Pattern.int) != nil {
            guard let value = Int(text) else {
                return .rejected("integer '\(text)' does not fit in 64 bits; quote it for a string")
            }
            return .scalar(.int(value))
        }
        if text.wholeMatch(of: Pattern.float) != nil {
            guard let value = Double(text), value.isFinite else {
                return .rejected("number '\(text)' is out of range; quote it for a string")
            }
            return .scalar(.float(value))
        }
        if let reason = rejection(of: text) {
            return .rejected(reason)
        }
        return .scalar(.string(text))
    }

    /// Why a scalar that is not one of the accepted forms cannot stay a plain string, or `nil`.
    private static func rejection(of text: String) -> String? {
        // YAML 1.1 booleans PyYAML knows, plus the single letters the 1.1 spec lists (other
        // YAML 1.1 readers, such as Go's yaml.v2, take `y` and `n` for booleans).
        if text.wholeMatch(of: Pattern.yaml11Bool) != nil {
            return "'\(text)' is a boolean in YAML 1.1 but a string in YAML 1.2; "
                + "write true or false, or quote it for a string"
        }
        if text.wholeMatch(of: Pattern.timestamp) != nil {
            return "'\(text)' is a timestamp in YAML 1.1; quote it for a string"
        }
        if text.wholeMatch(of: Pattern.yaml11Int) != nil || text.wholeMatch(of: Pattern.yaml11Float) != nil
            || text.wholeMatch(of: Pattern.yaml12Int) != nil || text.wholeMatch(of: Pattern.yaml12Float) != nil
        {
            return "'\(text)' is a number that YAML 1.1 and 1.2 read differently or that is not supported; "
                + "write a plain decimal such as 42, -0.5 or 1.5e+3, or quote it for a string"
        }
        if text == "<<" || text == "=" {
            return "'\(text)' has a special meaning in YAML 1.1; quote it for a string"
        }
        return nil
    }

    /// The resolver's patterns, each built once.
    ///
    /// A regex literal inside a function is built and compiled again at every evaluation,
    /// which cost about 3 ms per scalar (0.1 s for an 880-byte config, and under 40 inputs a
    /// second for the fuzzer); built once, a match takes microseconds.
    ///
    /// `nonisolated(unsafe)` is sound: `Regex` is an immutable value whose only mutable state
    /// is its lazily compiled program, which the standard library stores with an atomic
    /// initialise-once (`Regex.Program.loweredProgram` in swift-experimental-string-processing),
    /// so matching the same regex from several threads is safe.
    private enum Pattern {
        nonisolated(unsafe) static let null = /~|null|Null|NULL/
        nonisolated(unsafe) static let `true` = /true|True|TRUE/
        nonisolated(unsafe) static let `false` = /false|False|FALSE/
        nonisolated(unsafe) static let int = /[-+]?(?:0|[1-9][0-9]*)/
        nonisolated(unsafe) static let float =
            /[-+]?(?:0|[1-9][0-9]*)\.[0-9]*(?:[eE][-+][0-9]+)?|\.[0-9]+(?:[eE][-+][0-9]+)?/
        nonisolated(unsafe) static let yaml11Bool = /yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N/
        nonisolated(unsafe) static let timestamp =
            /[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?/
        nonisolated(unsafe) static let yaml11Int =
            /[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+/
        nonisolated(unsafe) static let yaml11Float =
            /[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/
        nonisolated(unsafe) static let yaml12Int = /[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+/
        nonisolated(unsafe) static let yaml12Float =
            /[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/
    }
}
