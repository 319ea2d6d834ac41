/// Sorts what a log says about a failure into the closed `ErrorType` set.
///
/// Text is compared after folding it to lower-case letters and digits only, so
/// `RateLimitError`, `rate_limit_exceeded` and "Rate limit reached" all contain `ratelimit`.
/// Phrases are tried from the most specific class to the least, then an HTTP status code
/// standing alone in the text (`Error code: 429 - …`), then the generic "invalid": a 400
/// whose message says "maximum context length" is a context-length error, not merely an
/// invalid request.
enum ErrorClassifier {
    /// The class of an HTTP status code, or nil for codes that name no class (2xx, 3xx…).
    ///
    /// - Parameter code: The status code.
    /// - Returns: 429 rate limit; 408 and 504 timeout; 401 and 403 auth; 413 context length;
    ///   other 4xx invalid request; other 5xx server error.
    static func errorType(statusCode code: Int) -> ErrorType? {
        switch code {
        case 429: .rateLimit
        case 408, 504: .timeout
        case 401, 403: .auth
        case 413: .contextLength
        case 400...499: .invalidRequest
        case 500...599: .serverError
        default: nil
        }
    }

    /// The class of an error text, or nil when nothing in it names one.
    ///
    /// - Parameters:
    ///   - text: The text's UTF-8 bytes (an exception message, an error type or code…).
    ///   - scratch: Room for the folded text, at least `text.count` bytes.
    /// - Returns: The class.
    static func errorType(text: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer) -> ErrorType? {
        var folded = 0
        for byte in text where folded < scratch.count {
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") {
                scratch[folded] = lower
                folded += 1
            } else if JSONNumberGrammar.isDigit(byte) {
                scratch[folded] = byte
                folded += 1
            }
        }
        let haystack = UnsafeRawBufferPointer(rebasing: scratch[0..<folded])
        for (type, phrases) in phrases {
            for phrase in phrases where contains(haystack, phrase) {
                return type
            }
        }
        if let code = standaloneStatusCode(in: text), let type = errorType(statusCode: code) {
            return type
        }
        for phrase in invalidRequestPhrases where contains(haystack, phrase) {
            return .invalidRequest
        }
        return nil
    }

    /// Folded phrases per class, most specific class first.
    private static let phrases: [(ErrorType, [StaticString])] = [
        (.contextLength, ["contextlength", "maximumcontext", "contextwindow", "toomanytokens", "promptistoolong"]),
        (.rateLimit, ["ratelimit", "toomanyrequests", "quota", "throttl"]),
        (.timeout, ["timeout", "timedout", "deadlineexceeded"]),
        (.auth, ["auth", "apikey", "permission", "forbidden", "credential"]),
        (
            .serverError,
            [
                "overloaded", "internalserver", "servererror", "serviceunavailable", "badgateway",
                "internalerror",
            ]
        ),
        (.network, ["connection", "network", "dns", "unreachable", "socket", "econnre"]),
    ]

    /// Folded phrases of an invalid request, tried after any status code in the text.
    private static let invalidRequestPhrases: [StaticString] = [
        "invalid", "badrequest", "notfound", "validation", "unprocessable",
    ]

    /// Whether the folded `haystack` contains `phrase`.
    private static func contains(_ haystack: UnsafeRawBufferPointer, _ phrase: StaticString) -> Bool {
        let needle = UnsafeRawBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
        guard haystack.count >= needle.count else {
            return false
        }
        // Error texts are short and only failed calls get here: a plain search is enough.
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if (1..<needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) {
                return true
            }
        }
        return false
    }

    /// The first run of exactly three digits that no letter or digit touches, in 400...599.
    private static func standaloneStatusCode(in text: UnsafeRawBufferPointer) -> Int? {
        func isAlphanumeric(_ index: Int) -> Bool {
            guard index >= 0, index < text.count else {
                return false
            }
            let lower = text[index] | 0x20
            return JSONNumberGrammar.isDigit(text[index]) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
        }
        var index = 0
        while index + 3 <= text.count {
            let isCode =
                (0..<3).allSatisfy { JSONNumberGrammar.isDigit(text[index + $0]) }
                && !isAlphanumeric(index - 1) && !isAlphanumeric(index + 3)
            if isCode {
                let code = (0..<3).reduce(0) { $0 * 10 + Int(text[index + $1] - UInt8(ascii: "0")) }
                if (400...599).contains(code) {
                    return code
                }
            }
            index += 1
        }
        return nil
    }
}
