import Glibc

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
        let best = bestRank(in: UnsafeRawBufferPointer(rebasing: scratch[0..<folded]))
        if best < phrases.count {
            return phrases[best].0
        }
        if let code = standaloneStatusCode(in: text), let type = errorType(statusCode: code) {
            return type
        }
        return best == phrases.count ? .invalidRequest : nil
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

    /// A phrase and its rank: the index of its class in `phrases`, or `phrases.count` for the
    /// invalid-request phrases.
    private struct RankedPhrase {
        /// The folded phrase.
        let text: StaticString
        /// Lower ranks win.
        let rank: Int
    }

    /// Every phrase, ordered by first letter; `firstLetterStarts[l] ..< firstLetterStarts[l + 1]`
    /// are those starting with letter `l` (`a` is 0), so that one pass over a text tries at
    /// each position only the phrases that can start there.
    private static let phrasesByFirstLetter: [RankedPhrase] =
        (phrases.enumerated().flatMap { rank, entry in entry.1.map { RankedPhrase(text: $0, rank: rank) } }
        + invalidRequestPhrases.map { RankedPhrase(text: $0, rank: phrases.count) }).sorted {
            $0.text.utf8Start.pointee < $1.text.utf8Start.pointee
        }

    /// Where each first letter's phrases start in `phrasesByFirstLetter`, and its count last.
    private static let firstLetterStarts: [Int] = (0...26).map { letter in
        phrasesByFirstLetter.firstIndex { Int($0.text.utf8Start.pointee - UInt8(ascii: "a")) >= letter }
            ?? phrasesByFirstLetter.count
    }

    /// The lowest rank of a phrase the folded `haystack` contains; above `phrases.count` when
    /// it contains none.
    ///
    /// One pass, instead of a search per phrase: the text of a failed call is read once, and
    /// the search stops at the first phrase of the most specific class.
    private static func bestRank(in haystack: UnsafeRawBufferPointer) -> Int {
        var best = phrases.count + 1
        guard let base = haystack.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return best
        }
        phrasesByFirstLetter.withUnsafeBufferPointer { ranked in
            firstLetterStarts.withUnsafeBufferPointer { starts in
                for start in 0..<haystack.count {
                    let letter = Int(base[start] &- UInt8(ascii: "a"))
                    guard letter < 26 else {
                        continue
                    }
                    let remaining = haystack.count - start
                    for index in starts[letter]..<starts[letter + 1] where ranked[index].rank < best {
                        let phrase = ranked[index].text
                        let length = phrase.utf8CodeUnitCount
                        // Every phrase has at least three letters: the second is compared first.
                        if length <= remaining, base[start + 1] == phrase.utf8Start[1],
                            memcmp(base + start, phrase.utf8Start, length) == 0
                        {
                            best = ranked[index].rank
                        }
                    }
                    if best == 0 {
                        return
                    }
                }
            }
        }
        return best
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
