import Testing

@testable import CostRecords

/// Error texts and codes into the closed `ErrorType` set.
@Suite struct ErrorClassifierTests {
    struct TextCase: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: ErrorType?
        var testDescription: String { text }
    }

    static let textCases: [TextCase] = [
        TextCase(text: "RateLimitError", expected: .rateLimit),
        TextCase(text: "rate_limit_exceeded", expected: .rateLimit),
        TextCase(text: "Rate limit reached for gpt-4", expected: .rateLimit),
        TextCase(text: "429 Too Many Requests", expected: .rateLimit),
        TextCase(text: "Too Many Requests", expected: .rateLimit),
        TextCase(text: "insufficient_quota", expected: .rateLimit),
        TextCase(text: "Throttling: slow down", expected: .rateLimit),
        TextCase(text: "429", expected: .rateLimit),
        TextCase(text: "Request timed out.", expected: .timeout),
        TextCase(text: "APITimeoutError", expected: .timeout),
        TextCase(text: "ReadTimeout", expected: .timeout),
        TextCase(text: "DEADLINE_EXCEEDED", expected: .timeout),
        TextCase(text: "timeout", expected: .timeout),
        TextCase(text: "504 Gateway Timeout", expected: .timeout),
        TextCase(text: "AuthenticationError", expected: .auth),
        TextCase(text: "Incorrect API key provided: sk-abc", expected: .auth),
        TextCase(text: "401 Unauthorized", expected: .auth),
        TextCase(text: "PermissionDeniedError", expected: .auth),
        TextCase(text: "Error code: 403", expected: .auth),
        TextCase(text: "This model's maximum context length is 8192 tokens", expected: .contextLength),
        TextCase(text: "context_length_exceeded", expected: .contextLength),
        TextCase(text: "prompt is too long: 210000 tokens > 200000 maximum", expected: .contextLength),
        TextCase(text: "Too many tokens in the request", expected: .contextLength),
        TextCase(text: "ContextWindowExceededError", expected: .contextLength),
        TextCase(text: "BadRequestError", expected: .invalidRequest),
        TextCase(text: "invalid_request_error", expected: .invalidRequest),
        TextCase(text: "Error code: 400 - {'error': 'bad'}", expected: .invalidRequest),
        TextCase(text: "NotFoundError: model does not exist", expected: .invalidRequest),
        TextCase(text: "422", expected: .invalidRequest),
        TextCase(text: "InternalServerError", expected: .serverError),
        TextCase(text: "overloaded_error", expected: .serverError),
        TextCase(text: "Service Unavailable", expected: .serverError),
        TextCase(text: "502 Bad Gateway", expected: .serverError),
        TextCase(text: "Error code: 500", expected: .serverError),
        TextCase(text: "server_error", expected: .serverError),
        TextCase(text: "APIConnectionError: Connection error.", expected: .network),
        TextCase(text: "Network is unreachable", expected: .network),
        TextCase(text: "DNS resolution failed", expected: .network),
        TextCase(text: "ECONNRESET", expected: .network),
        TextCase(text: "something odd", expected: nil),
        TextCase(text: "", expected: nil),
        TextCase(text: "error", expected: nil),
        TextCase(text: "llama-3-405b failed", expected: nil),
        TextCase(text: "code 4290", expected: nil),
        TextCase(text: "HTTP 302", expected: nil),
    ]

    @Test(arguments: textCases)
    func text(_ testCase: TextCase) {
        let bytes = Array(testCase.text.utf8)
        var scratch = [UInt8](repeating: 0, count: bytes.count)
        let type = bytes.withUnsafeBytes { text in
            scratch.withUnsafeMutableBytes { ErrorClassifier.errorType(text: text, scratch: $0) }
        }
        #expect(type == testCase.expected)
    }

    @Test(arguments: [
        (429, ErrorType.rateLimit as ErrorType?), (408, .timeout), (504, .timeout), (401, .auth), (403, .auth),
        (413, .contextLength), (400, .invalidRequest), (404, .invalidRequest), (422, .invalidRequest),
        (500, .serverError), (503, .serverError), (200, nil), (302, nil), (0, nil), (600, nil),
    ])
    func statusCode(_ code: Int, _ expected: ErrorType?) {
        #expect(ErrorClassifier.errorType(statusCode: code) == expected)
    }
}
