/// One series selector found in a PromQL expression, with what surrounds it.
///
/// Enough of PromQL's shape to check dashboard rules ("a counter only inside `rate` or
/// `increase`", "every series under an aggregation") and to say which selector of an empty
/// query matched nothing. Not a PromQL parser: it does not check that the expression is valid
/// (Prometheus itself does that in the live test).
struct PromQLSelector: Equatable, Sendable, CustomStringConvertible {
    /// The metric name, e.g. `llm_cost_usd_total`.
    var name: String
    /// The label matchers between the braces, verbatim, without the braces; empty when none.
    var matchers: String
    /// The range between the brackets after the selector (`$__rate_interval`, `5m`), if any.
    var range: String?
    /// Names of the function calls and aggregations that enclose the selector, outermost
    /// first; an unnamed grouping parenthesis is not listed.
    var enclosingCalls: [String]

    /// The selector as an instant-vector query: `name{matchers}`.
    var instantQuery: String {
        matchers.isEmpty ? name : "\(name){\(matchers)}"
    }

    var description: String {
        instantQuery + (range.map { "[\($0)]" } ?? "")
    }
}

/// Finds the series selectors of a PromQL expression.
///
/// A small tokenizer that knows strings, label-matcher braces, range brackets, function calls
/// and the label lists after `by`, `without`, `on`, `ignoring`, `group_left` and `group_right`
/// (whose names are labels, not metrics).
enum PromQLSelectors {
    /// Words that are operators or modifiers, never metric names.
    private static let keywords: Set<String> = [
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
        "group_left", "group_right", "inf", "nan", "atan2",
    ]

    /// Keywords followed by a parenthesised list of label names.
    private static let labelListKeywords: Set<String> = [
        "by", "without", "on", "ignoring", "group_left", "group_right",
    ]

    /// The selectors of `expression`, in order of appearance.
    ///
    /// - Parameter expression: a PromQL expression, template variables already substituted
    ///   or not (`$name` is read as part of a word or a range).
    /// - Returns: every metric selector; bare label-matcher selectors (`{job="x"}`) are not
    ///   reported.
    static func selectors(in expression: String) -> [PromQLSelector] {
        let tokens = tokenize(expression)
        var result: [PromQLSelector] = []
        var callStack: [String] = []
        // The aggregation whose `by (...)` clause came before its own parenthesis, e.g. the
        // `sum` of `sum by (le) (…)`.
        var pendingCall: String?
        var index = 0
        while index < tokens.count {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch tokens[index] {
            case .word(let word) where labelListKeywords.contains(word):
                // Skip the label list, keeping `pendingCall`: an aggregation's own
                // parenthesis may follow it.
                if case .open = next {
                    index = closingIndex(tokens, from: index + 1)
                }
            case .word(let word):
                if case .open = next {
                    pendingCall = word
                } else if case .word(let following) = next, following == "by" || following == "without" {
                    pendingCall = word
                } else if !keywords.contains(word), word.first.map(isMetricNameStart) == true {
                    var selector = PromQLSelector(name: word, matchers: "", range: nil, enclosingCalls: callStack)
                    if case .braces(let matchers) = next {
                        selector.matchers = matchers
                        index += 1
                    }
                    if index + 1 < tokens.count, case .brackets(let range) = tokens[index + 1] {
                        selector.range = range
                        index += 1
                    }
                    result.append(selector)
                    pendingCall = nil
                } else {
                    pendingCall = nil
                }
            case .open:
                callStack.append(pendingCall ?? "")
                pendingCall = nil
            case .close:
                _ = callStack.popLast()
                pendingCall = nil
            case .braces, .brackets, .other:
                pendingCall = nil
            }
            index += 1
        }
        return result.map { selector in
            var cleaned = selector
            cleaned.enclosingCalls = selector.enclosingCalls.filter { !$0.isEmpty }
            return cleaned
        }
    }

    private enum Token {
        case word(String)
        case open
        case close
        case braces(String)
        case brackets(String)
        case other
    }

    private static func isMetricNameStart(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == ":"
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == ":" || character == "$"
    }

    /// The index of the `.close` that matches the `.open` at `start`.
    private static func closingIndex(_ tokens: [Token], from start: Int) -> Int {
        var depth = 0
        for index in start..<tokens.count {
            switch tokens[index] {
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return tokens.count - 1
    }

    private static func tokenize(_ expression: String) -> [Token] {
        let characters = Array(expression)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "#" {
                // A comment runs to the end of the line.
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "\"" || character == "'" || character == "`" {
                index = endOfString(characters, from: index)
                tokens.append(.other)
            } else if character == "{" || character == "[" {
                let closer: Character = character == "{" ? "}" : "]"
                var end = index + 1
                while end < characters.count, characters[end] != closer {
                    end =
                        characters[end] == "\"" || characters[end] == "'" ? endOfString(characters, from: end) : end + 1
                }
                let inner = String(characters[(index + 1)..<min(end, characters.count)])
                    .trimmingCharacters(in: .whitespaces)
                tokens.append(character == "{" ? .braces(inner) : .brackets(inner))
                index = end + 1
            } else if character == "(" {
                tokens.append(.open)
                index += 1
            } else if character == ")" {
                tokens.append(.close)
                index += 1
            } else if character.isNumber
                || (character == "." && index + 1 < characters.count
                    && characters[index + 1].isNumber)
            {
                // Numbers and durations (0.95, 1e3, 5m) are not names.
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "."
                {
                    index += 1
                }
                tokens.append(.other)
            } else if isWordCharacter(character) {
                var end = index
                while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
                tokens.append(.word(String(characters[index..<end])))
                index = end
            } else {
                tokens.append(.other)
                index += 1
            }
        }
        return tokens
    }

    /// The index just past the string literal that starts at `start`.
    private static func endOfString(_ characters: [Character], from start: Int) -> Int {
        let quote = characters[start]
        var index = start + 1
        while index < characters.count, characters[index] != quote {
            index += characters[index] == "\\" && quote != "`" ? 2 : 1
        }
        return index + 1
    }
}
