import Testing

@testable import CostRecords

/// A record of model `m` from an unknown provider with the given changes.
private func rec(_ provider: String = "unknown", _ model: String = "m", _ change: (inout Decoded) -> Void = { _ in })
    -> Outcome
{
    var decoded = Decoded(provider: provider, model: model)
    change(&decoded)
    return .record(decoded)
}

/// Field resolution by the rules of issue 2, one table per field.
@Suite struct RecordResolverTests {
    static let modelCases: [LineCase] = [
        LineCase("model", #"{"model":"gpt-4o"}"#, rec("openai", "gpt-4o")),
        LineCase("model_name", #"{"model_name":"claude-3-haiku"}"#, rec("anthropic", "claude-3-haiku")),
        LineCase("response_model", #"{"response_model":"m"}"#, rec()),
        LineCase("gen_ai.response.model nested", #"{"gen_ai":{"response":{"model":"m"}}}"#, rec()),
        LineCase("gen_ai.response.model flat", #"{"gen_ai.response.model":"m"}"#, rec()),
        LineCase("gen_ai.response.model half flat", #"{"gen_ai":{"response.model":"m"}}"#, rec()),
        LineCase("gen_ai.request.model", #"{"gen_ai.request.model":"m"}"#, rec()),
        LineCase("list order beats document order", #"{"response_model":"b","model_name":"a"}"#, rec("unknown", "a")),
        LineCase(
            "response model beats request model",
            #"{"gen_ai":{"request":{"model":"req"},"response":{"model":"resp"}}}"#, rec("unknown", "resp")),
        LineCase("empty model falls through", #"{"model":"","model_name":"m"}"#, rec()),
        LineCase("null model falls through", #"{"model":null,"model_name":"m"}"#, rec()),
        LineCase("numeric model is no model", #"{"model":4}"#, .failure(.missingModel)),
        LineCase("only an empty model", #"{"model":""}"#, .failure(.missingModel)),
        LineCase("no model", #"{"cost":1}"#, .failure(.missingModel)),
        LineCase("empty object", "{}", .failure(.missingModel)),
        LineCase("model only nested in an unmapped object", #"{"x":{"model":"m"}}"#, .failure(.missingModel)),
        LineCase("escaped model", #"{"model":"gpt\u002d4o"}"#, rec("openai", "gpt-4o")),
        LineCase("escaped key", #"{"mod\u0065l":"m"}"#, rec()),
        LineCase("unicode model", #"{"model":"modèle-\u00e9\ud83d\ude00"}"#, rec("unknown", "modèle-é😀")),
        LineCase("escaped slash", #"{"model":"a\/b"}"#, rec("a", "b")),
        LineCase("duplicate model: last wins", #"{"model":"a","model":"b"}"#, rec("unknown", "b")),
        LineCase("model missing although the line is otherwise bad-valued", #"{"cost":-1}"#, .failure(.missingModel)),
    ]

    @Test(arguments: modelCases)
    func model(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let providerCases: [LineCase] = [
        LineCase("provider", #"{"model":"m","provider":"openai"}"#, rec("openai")),
        LineCase("custom_llm_provider", #"{"model":"m","custom_llm_provider":"azure"}"#, rec("azure")),
        LineCase("llm_provider", #"{"model":"m","llm_provider":"bedrock"}"#, rec("bedrock")),
        LineCase("api_provider", #"{"model":"m","api_provider":"groq"}"#, rec("groq")),
        LineCase(
            "gen_ai.provider.name", #"{"model":"m","gen_ai":{"provider":{"name":"aws.bedrock"}}}"#,
            rec("aws.bedrock")),
        LineCase("gen_ai.system", #"{"model":"m","gen_ai.system":"openai"}"#, rec("openai")),
        LineCase("list order", #"{"model":"m","gen_ai.system":"b","custom_llm_provider":"a"}"#, rec("a")),
        LineCase("lower-cased", #"{"model":"m","provider":"OpenAI"}"#, rec("openai")),
        LineCase(
            "empty provider falls through to inference", #"{"model":"gpt-4o","provider":""}"#,
            rec("openai", "gpt-4o")),
        LineCase("numeric provider falls through", #"{"model":"m","provider":7,"llm_provider":"x"}"#, rec("x")),
        LineCase("prefix names the provider", #"{"model":"openai/gpt-4o-mini"}"#, rec("openai", "gpt-4o-mini")),
        LineCase("prefix lower-cased", #"{"model":"Anthropic/claude-3"}"#, rec("anthropic", "claude-3")),
        LineCase(
            "only the first slash splits", #"{"model":"openrouter/anthropic/claude-3"}"#,
            rec("openrouter", "anthropic/claude-3")),
        LineCase(
            "explicit provider equal to the prefix strips it",
            #"{"model":"openai/gpt-4o","provider":"openai"}"#, rec("openai", "gpt-4o")),
        LineCase("equality ignores case", #"{"model":"OpenAI/gpt-4o","provider":"openai"}"#, rec("openai", "gpt-4o")),
        LineCase(
            "explicit provider different from the prefix keeps the model",
            #"{"model":"meta-llama/Llama-3-70b","provider":"together"}"#,
            rec("together", "meta-llama/Llama-3-70b")),
        LineCase("empty prefix does not split", #"{"model":"/gpt-4o"}"#, rec("unknown", "/gpt-4o")),
        LineCase("empty rest does not split", #"{"model":"openai/"}"#, rec("unknown", "openai/")),
        LineCase(
            "family inference", #"{"model":"claude-3-5-sonnet-20241022"}"#,
            rec("anthropic", "claude-3-5-sonnet-20241022")),
        LineCase("unknown family", #"{"model":"llama-3-70b"}"#, rec("unknown", "llama-3-70b")),
    ]

    @Test(arguments: providerCases)
    func provider(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let statusCases: [LineCase] = [
        LineCase("no status is success", #"{"model":"m"}"#, rec()),
        LineCase("success", #"{"model":"m","status":"success"}"#, rec()),
        LineCase("ok", #"{"model":"m","status":"ok"}"#, rec()),
        LineCase("OK upper case", #"{"model":"m","status":"OK"}"#, rec()),
        LineCase("succeeded", #"{"model":"m","status":"succeeded"}"#, rec()),
        LineCase("completed", #"{"model":"m","status":"Completed"}"#, rec()),
        LineCase("stop", #"{"model":"m","status":"stop"}"#, rec()),
        LineCase(
            "error", #"{"model":"m","status":"error"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "failed", #"{"model":"m","status":"failed"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "failure", #"{"model":"m","status":"FAILURE"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "fail", #"{"model":"m","status":"fail"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "timeout", #"{"model":"m","status":"timeout"}"#,
            rec {
                $0.status = .error; $0.errorType = .timeout
            }),
        LineCase(
            "cancelled", #"{"model":"m","status":"cancelled"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("200", #"{"model":"m","status":200}"#, rec()),
        LineCase("204", #"{"model":"m","status":204}"#, rec()),
        LineCase("299", #"{"model":"m","status":299}"#, rec()),
        LineCase("200.0", #"{"model":"m","status":200.0}"#, rec()),
        LineCase("2.5e2 is an integral code", #"{"model":"m","status":2.5e2}"#, rec()),
        LineCase(
            "-250", #"{"model":"m","status":-250}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "-0", #"{"model":"m","status":-0}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "200.5", #"{"model":"m","status":200.5}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "20-digit code", #"{"model":"m","status":20000000000000000000}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("upper-case 8-byte word", #"{"model":"m","status":"SUCCEEDED"}"#, rec()),
        LineCase(
            "300", #"{"model":"m","status":300}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "199", #"{"model":"m","status":199}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "429", #"{"model":"m","status":429}"#,
            rec {
                $0.status = .error; $0.errorType = .rateLimit
            }),
        LineCase(
            "503", #"{"model":"m","status":503}"#,
            rec {
                $0.status = .error; $0.errorType = .serverError
            }),
        LineCase(
            "status code as string", #"{"model":"m","status":"404"}"#,
            rec {
                $0.status = .error; $0.errorType = .invalidRequest
            }),
        LineCase(
            "unknown word falls through to success flag", #"{"model":"m","status":"done","success":false}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("unknown word and nothing else is success", #"{"model":"m","status":"pending"}"#, rec()),
        LineCase(
            "bool status falls through", #"{"model":"m","status":true,"is_error":true}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("status beats success flag", #"{"model":"m","status":"ok","success":false}"#, rec()),
        LineCase("success true", #"{"model":"m","success":true,"error":"x"}"#, rec()),
        LineCase(
            "success false", #"{"model":"m","success":false}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "success as string", #"{"model":"m","success":"False"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("success of wrong type", #"{"model":"m","success":1}"#, .failure(.invalidValue)),
        LineCase(
            "is_error true", #"{"model":"m","is_error":true}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("is_error false beats error text", #"{"model":"m","is_error":false,"error":"boom"}"#, rec()),
        LineCase(
            "error text", #"{"model":"m","error":"boom"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("empty error text", #"{"model":"m","error":""}"#, rec()),
        LineCase("null error", #"{"model":"m","error":null}"#, rec()),
        LineCase("false error", #"{"model":"m","error":false}"#, rec()),
        LineCase("empty error object", #"{"model":"m","error":{}}"#, rec()),
        LineCase(
            "error object", #"{"model":"m","error":{"message":"boom"}}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase(
            "error_message", #"{"model":"m","error_message":"boom"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("null error_message (seed 003)", #"{"model":"m","success":true,"error_message":null}"#, rec()),
        LineCase(
            "error_type", #"{"model":"m","error_type":"timeout"}"#,
            rec {
                $0.status = .error; $0.errorType = .timeout
            }),
        LineCase(
            "exception", #"{"model":"m","exception":"ConnectionError: reset"}"#,
            rec {
                $0.status = .error; $0.errorType = .network
            }),
        LineCase(
            "non-zero error code", #"{"model":"m","error":500}"#,
            rec {
                $0.status = .error; $0.errorType = .serverError
            }),
        LineCase("zero error code", #"{"model":"m","error":0}"#, rec()),
    ]

    @Test(arguments: statusCases)
    func status(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let errorTypeCases: [LineCase] = [
        LineCase(
            "error_type RateLimitError", #"{"model":"m","status":"error","error_type":"RateLimitError"}"#,
            rec {
                $0.status = .error; $0.errorType = .rateLimit
            }),
        LineCase(
            "OpenAI error object type",
            #"{"model":"m","error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
            rec {
                $0.status = .error; $0.errorType = .invalidRequest
            }),
        LineCase(
            "OpenAI rate limit object: type names no class, code does",
            #"{"model":"m","error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#,
            rec {
                $0.status = .error; $0.errorType = .rateLimit
            }),
        LineCase(
            "Anthropic overloaded",
            #"{"model":"m","type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
            rec {
                $0.status = .error; $0.errorType = .serverError
            }),
        LineCase(
            "flat error.type", #"{"model":"m","status":"error","error.type":"authentication_error"}"#,
            rec {
                $0.status = .error; $0.errorType = .auth
            }),
        LineCase(
            "error_type beats error.type", #"{"model":"m","error":{"type":"timeout"},"error_type":"auth"}"#,
            rec {
                $0.status = .error; $0.errorType = .auth
            }),
        LineCase(
            "unclassifiable error_type falls through to the text",
            #"{"model":"m","error_type":"APIError","error":"Request timed out."}"#,
            rec {
                $0.status = .error; $0.errorType = .timeout
            }),
        LineCase(
            "python exception text with status code",
            #"{"model":"m","error":"Error code: 429 - {'error': {'message': 'You exceeded your current quota'}}"}"#,
            rec {
                $0.status = .error; $0.errorType = .rateLimit
            }),
        LineCase(
            "context length beats 400",
            #"{"model":"m","error":"Error code: 400 - This model's maximum context length is 8192 tokens"}"#,
            rec {
                $0.status = .error; $0.errorType = .contextLength
            }),
        LineCase(
            "status_code", #"{"model":"m","success":false,"status_code":401}"#,
            rec {
                $0.status = .error; $0.errorType = .auth
            }),
        LineCase(
            "nothing classifiable", #"{"model":"m","error":"something odd"}"#,
            rec {
                $0.status = .error; $0.errorType = .other
            }),
        LineCase("success has no error type", #"{"model":"m","error_type":"timeout","success":true}"#, rec()),
        LineCase(
            "escaped error text", #"{"model":"m","error":"rate\u0020limit"}"#,
            rec {
                $0.status = .error; $0.errorType = .rateLimit
            }),
    ]

    @Test(arguments: errorTypeCases)
    func errorType(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let costCases: [LineCase] = [
        LineCase("total_cost", #"{"model":"m","total_cost":0.0015}"#, rec { $0.costUSD = 0.0015 }),
        LineCase("cost", #"{"model":"m","cost":0.25}"#, rec { $0.costUSD = 0.25 }),
        LineCase("cost_usd", #"{"model":"m","cost_usd":1}"#, rec { $0.costUSD = 1 }),
        LineCase("total_cost_usd", #"{"model":"m","total_cost_usd":2.5}"#, rec { $0.costUSD = 2.5 }),
        LineCase("spend", #"{"model":"m","spend":0.000123}"#, rec { $0.costUSD = 0.000123 }),
        LineCase("response_cost", #"{"model":"m","response_cost":3e-5}"#, rec { $0.costUSD = 3e-5 }),
        LineCase("exponent form", #"{"model":"m","cost":7.5e-06}"#, rec { $0.costUSD = 7.5e-06 }),
        LineCase("capital exponent", #"{"model":"m","cost":7.5E-6}"#, rec { $0.costUSD = 7.5e-06 }),
        LineCase("positive exponent", #"{"model":"m","cost":1.5e+2}"#, rec { $0.costUSD = 150 }),
        LineCase(
            "python float artefact", #"{"model":"m","cost":0.00045000000000000004}"#,
            rec { $0.costUSD = 0.00045000000000000004 }),
        LineCase(
            "many digits", #"{"model":"m","cost":0.123456789012345678901234567890}"#,
            rec { $0.costUSD = 0.123456789012345678901234567890 }),
        LineCase("numeric string", #"{"model":"m","cost":"0.0042"}"#, rec { $0.costUSD = 0.0042 }),
        LineCase("numeric string with exponent", #"{"model":"m","cost":"1e-7"}"#, rec { $0.costUSD = 1e-7 }),
        LineCase("zero", #"{"model":"m","cost":0}"#, rec { $0.costUSD = 0 }),
        LineCase("negative zero", #"{"model":"m","cost":-0.0}"#, rec { $0.costUSD = 0 }),
        LineCase(
            "list order: total_cost beats cost", #"{"model":"m","cost":1,"total_cost":2}"#, rec { $0.costUSD = 2 }),
        LineCase(
            "total beats parts", #"{"model":"m","input_cost":1,"output_cost":2,"total_cost":0.5}"#,
            rec { $0.costUSD = 0.5 }),
        LineCase(
            "input + output", #"{"model":"m","input_cost":0.00075,"output_cost":0.0015}"#,
            rec { $0.costUSD = 0.00075 + 0.0015 }),
        LineCase(
            "usd pair", #"{"model":"m","input_cost_usd":0.1,"output_cost_usd":0.2}"#,
            rec { $0.costUSD = 0.1 + 0.2 }),
        LineCase("input part only", #"{"model":"m","input_cost":0.1}"#, rec { $0.costUSD = 0.1 }),
        LineCase(
            "output part only, as a string", #"{"model":"m","output_cost_usd":"0.2"}"#,
            rec { $0.costUSD = 0.2 }),
        LineCase("null cost is absent", #"{"model":"m","cost":null}"#, rec()),
        LineCase(
            "null total falls back to parts", #"{"model":"m","total_cost":null,"input_cost":1}"#,
            rec { $0.costUSD = 1 }),
        LineCase("duplicate cost: last wins", #"{"model":"m","cost":1,"cost":2}"#, rec { $0.costUSD = 2 }),
        LineCase("duplicate cost ending in null", #"{"model":"m","cost":1,"cost":null}"#, rec()),
        LineCase("negative cost", #"{"model":"m","cost":-0.01}"#, .failure(.invalidValue)),
        LineCase("negative part", #"{"model":"m","input_cost":1,"output_cost":-1}"#, .failure(.invalidValue)),
        LineCase("overflowing cost", #"{"model":"m","cost":1e400}"#, .failure(.invalidValue)),
        LineCase(
            "largest finite cost", #"{"model":"m","cost":1.7976931348623157e308}"#,
            rec { $0.costUSD = .greatestFiniteMagnitude }),
        LineCase("negative subnormal cost", #"{"model":"m","cost":-5e-324}"#, .failure(.invalidValue)),
        LineCase("negative zero string cost", #"{"model":"m","cost":"-0"}"#, rec { $0.costUSD = 0 }),
        LineCase("overflowing string cost", #"{"model":"m","cost":"1e309"}"#, .failure(.invalidValue)),
        LineCase(
            "sum overflows", #"{"model":"m","input_cost":1.7e308,"output_cost":1.7e308}"#,
            .failure(.invalidValue)),
        LineCase("tiny cost underflows to zero", #"{"model":"m","cost":1e-400}"#, rec { $0.costUSD = 0 }),
        LineCase("non-numeric string", #"{"model":"m","cost":"abc"}"#, .failure(.invalidValue)),
        LineCase("string NaN", #"{"model":"m","cost":"NaN"}"#, .failure(.invalidValue)),
        LineCase("string Infinity", #"{"model":"m","cost":"Infinity"}"#, .failure(.invalidValue)),
        LineCase("string with dollar sign", #"{"model":"m","cost":"$0.01"}"#, .failure(.invalidValue)),
        LineCase("string with spaces", #"{"model":"m","cost":" 0.01"}"#, .failure(.invalidValue)),
        LineCase("empty string", #"{"model":"m","cost":""}"#, .failure(.invalidValue)),
        LineCase("bool cost", #"{"model":"m","cost":true}"#, .failure(.invalidValue)),
        LineCase("object cost", #"{"model":"m","cost":{"usd":1}}"#, .failure(.invalidValue)),
        LineCase(
            "unused bad cost alias is ignored", #"{"model":"m","total_cost":1,"cost":"abc"}"#,
            rec { $0.costUSD = 1 }),
    ]

    @Test(arguments: costCases)
    func cost(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let tokenCases: [LineCase] = [
        LineCase(
            "input_tokens / output_tokens", #"{"model":"m","input_tokens":50,"output_tokens":25}"#,
            rec {
                $0.inputTokens = 50; $0.outputTokens = 25
            }),
        LineCase(
            "prompt_tokens / completion_tokens", #"{"model":"m","prompt_tokens":100,"completion_tokens":50}"#,
            rec {
                $0.inputTokens = 100; $0.outputTokens = 50
            }),
        LineCase(
            "usage.input_tokens / usage.output_tokens",
            #"{"model":"m","usage":{"input_tokens":1,"output_tokens":2}}"#,
            rec {
                $0.inputTokens = 1; $0.outputTokens = 2
            }),
        LineCase(
            "usage.prompt_tokens / usage.completion_tokens",
            #"{"model":"m","usage":{"prompt_tokens":3,"completion_tokens":4}}"#,
            rec {
                $0.inputTokens = 3; $0.outputTokens = 4
            }),
        LineCase(
            "usage.input / usage.output (seed 002)", #"{"model":"m","usage":{"input":5,"output":6,"total":11}}"#,
            rec {
                $0.inputTokens = 5; $0.outputTokens = 6
            }),
        LineCase(
            "gen_ai.usage nested", #"{"model":"m","gen_ai":{"usage":{"input_tokens":7,"output_tokens":8}}}"#,
            rec {
                $0.inputTokens = 7; $0.outputTokens = 8
            }),
        LineCase(
            "gen_ai.usage flat", #"{"model":"m","gen_ai.usage.input_tokens":5,"gen_ai.usage.output_tokens":6}"#,
            rec {
                $0.inputTokens = 5; $0.outputTokens = 6
            }),
        LineCase("flat usage key", #"{"model":"m","usage.prompt_tokens":9}"#, rec { $0.inputTokens = 9 }),
        LineCase(
            "list order beats document order", #"{"model":"m","usage":{"input_tokens":1},"input_tokens":2}"#,
            rec { $0.inputTokens = 2 }),
        LineCase(
            "top-level beats usage regardless of position",
            #"{"model":"m","prompt_tokens":3,"usage":{"input_tokens":1}}"#, rec { $0.inputTokens = 3 }),
        LineCase(
            "cache read top level", #"{"model":"m","cache_read_input_tokens":10}"#,
            rec { $0.cacheReadTokens = 10 }),
        LineCase(
            "cache read in usage", #"{"model":"m","usage":{"cache_read_input_tokens":11}}"#,
            rec { $0.cacheReadTokens = 11 }),
        LineCase(
            "cache read OpenAI details",
            #"{"model":"m","usage":{"prompt_tokens_details":{"cached_tokens":12,"audio_tokens":0}}}"#,
            rec { $0.cacheReadTokens = 12 }),
        LineCase(
            "cache read OpenAI details flat", #"{"model":"m","usage.prompt_tokens_details.cached_tokens":13}"#,
            rec { $0.cacheReadTokens = 13 }),
        LineCase(
            "cache write top level", #"{"model":"m","cache_creation_input_tokens":14}"#,
            rec { $0.cacheWriteTokens = 14 }),
        LineCase(
            "cache write in usage", #"{"model":"m","usage":{"cache_creation_input_tokens":15}}"#,
            rec { $0.cacheWriteTokens = 15 }),
        LineCase("integral float", #"{"model":"m","input_tokens":100.0}"#, rec { $0.inputTokens = 100 }),
        LineCase("integral exponent", #"{"model":"m","input_tokens":1.5e3}"#, rec { $0.inputTokens = 1_500 }),
        LineCase("negative zero count", #"{"model":"m","input_tokens":-0}"#, rec { $0.inputTokens = 0 }),
        LineCase(
            "largest count", #"{"model":"m","input_tokens":18446744073709551615}"#,
            rec { $0.inputTokens = .max }),
        LineCase("count overflow", #"{"model":"m","input_tokens":18446744073709551616}"#, .failure(.invalidValue)),
        LineCase("exponent overflow", #"{"model":"m","input_tokens":1e20}"#, .failure(.invalidValue)),
        LineCase("fractional count", #"{"model":"m","input_tokens":1.5}"#, .failure(.invalidValue)),
        LineCase(
            "tiny fraction", #"{"model":"m","output_tokens":100.000000000000000000001}"#,
            .failure(.invalidValue)),
        LineCase("negative count", #"{"model":"m","output_tokens":-1}"#, .failure(.invalidValue)),
        LineCase("string count", #"{"model":"m","input_tokens":"5"}"#, .failure(.invalidValue)),
        LineCase("bool count", #"{"model":"m","cache_read_input_tokens":true}"#, .failure(.invalidValue)),
        LineCase(
            "null count is absent", #"{"model":"m","input_tokens":null,"prompt_tokens":4}"#,
            rec { $0.inputTokens = 4 }),
        LineCase(
            "duplicate usage object: the last replaces the first",
            #"{"model":"m","usage":{"input_tokens":1,"output_tokens":2},"usage":{"output_tokens":3}}"#,
            rec { $0.outputTokens = 3 }),
        LineCase("duplicate usage then null", #"{"model":"m","usage":{"input_tokens":1},"usage":null}"#, rec()),
        LineCase("usage not an object", #"{"model":"m","usage":5}"#, rec()),
    ]

    @Test(arguments: tokenCases)
    func tokens(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let latencyCases: [LineCase] = [
        LineCase("latency", #"{"model":"m","latency":2.3}"#, rec { $0.latencySeconds = 2.3 }),
        LineCase("latency_seconds", #"{"model":"m","latency_seconds":1.25}"#, rec { $0.latencySeconds = 1.25 }),
        LineCase("latency_s", #"{"model":"m","latency_s":1}"#, rec { $0.latencySeconds = 1 }),
        LineCase("duration", #"{"model":"m","duration":0.5}"#, rec { $0.latencySeconds = 0.5 }),
        LineCase("duration_seconds", #"{"model":"m","duration_seconds":3}"#, rec { $0.latencySeconds = 3 }),
        LineCase("elapsed", #"{"model":"m","elapsed":0.25}"#, rec { $0.latencySeconds = 0.25 }),
        LineCase("latency_ms", #"{"model":"m","latency_ms":1500}"#, rec { $0.latencySeconds = 1.5 }),
        LineCase(
            "duration_ms", #"{"model":"m","duration_ms":1672.688605483038}"#,
            rec { $0.latencySeconds = 1672.688605483038 / 1000 }),
        LineCase("response_time_ms", #"{"model":"m","response_time_ms":250}"#, rec { $0.latencySeconds = 0.25 }),
        LineCase("elapsed_ms", #"{"model":"m","elapsed_ms":10}"#, rec { $0.latencySeconds = 0.01 }),
        LineCase(
            "seconds beat milliseconds", #"{"model":"m","latency_ms":9000,"latency":2}"#,
            rec { $0.latencySeconds = 2 }),
        LineCase(
            "endTime - startTime (ISO)",
            #"{"model":"m","startTime":"2024-06-01T12:00:00.250","endTime":"2024-06-01T12:00:02.750"}"#,
            rec {
                $0.latencySeconds = 2.5; $0.timestamp = 1_717_243_200 + 0.25
            }),
        LineCase(
            "end_time - start_time (epoch)", #"{"model":"m","start_time":1717243200.5,"end_time":1717243203}"#,
            rec {
                $0.latencySeconds = 2.5; $0.timestamp = 1_717_243_200.5
            }),
        LineCase(
            "endTime before startTime gives no latency",
            #"{"model":"m","startTime":"2024-06-01T12:00:05","endTime":"2024-06-01T12:00:00"}"#,
            rec { $0.timestamp = 1_717_243_205 }),
        LineCase(
            "unparsable endTime gives no latency", #"{"model":"m","startTime":10,"endTime":"soon"}"#,
            rec { $0.timestamp = 10 }),
        LineCase(
            "logged latency beats start/end", #"{"model":"m","latency":1,"start_time":0,"end_time":5}"#,
            rec {
                $0.latencySeconds = 1; $0.timestamp = 0
            }),
        LineCase("zero latency", #"{"model":"m","latency":0}"#, rec { $0.latencySeconds = 0 }),
        LineCase("negative latency", #"{"model":"m","latency":-0.1}"#, .failure(.invalidValue)),
        LineCase("negative milliseconds", #"{"model":"m","duration_ms":-5}"#, .failure(.invalidValue)),
        LineCase("overflowing latency", #"{"model":"m","latency":2e308}"#, .failure(.invalidValue)),
        LineCase("negative zero latency", #"{"model":"m","latency":-0}"#, rec { $0.latencySeconds = 0 }),
        LineCase(
            "largest finite latency", #"{"model":"m","latency":1.7976931348623157e308}"#,
            rec { $0.latencySeconds = .greatestFiniteMagnitude }),
        LineCase("string latency", #"{"model":"m","latency":"2.3"}"#, .failure(.invalidValue)),
        LineCase(
            "null latency is absent", #"{"model":"m","latency":null,"latency_ms":100}"#,
            rec { $0.latencySeconds = 0.1 }),
    ]

    /// `-0` is stored as `0`: a negative zero would be exported as `-0`.
    @Test(arguments: [#"{"model":"m","cost":-0.0,"latency":-0}"#, #"{"model":"m","cost":"-0e5","duration_ms":-0.0}"#])
    func negativeZeroIsStoredAsZero(_ line: String) {
        guard case .record(let record) = decode(line) else {
            Issue.record("not a record: \(line)")
            return
        }
        #expect(record.costUSD?.sign == .plus)
        #expect(record.latencySeconds?.sign == .plus)
    }

    @Test(arguments: latencyCases)
    func latency(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let cachedCases: [LineCase] = [
        LineCase("cached true", #"{"model":"m","cached":true}"#, rec { $0.isCached = true }),
        LineCase("cached false", #"{"model":"m","cached":false}"#, rec()),
        LineCase("cache_hit", #"{"model":"m","cache_hit":true}"#, rec { $0.isCached = true }),
        LineCase("cache_hit string True (LiteLLM)", #"{"model":"m","cache_hit":"True"}"#, rec { $0.isCached = true }),
        LineCase("cache_hit string FALSE", #"{"model":"m","cache_hit":"FALSE"}"#, rec()),
        LineCase("cached beats cache_hit", #"{"model":"m","cache_hit":true,"cached":false}"#, rec()),
        LineCase("null cached", #"{"model":"m","cached":null}"#, rec()),
        LineCase("numeric cached", #"{"model":"m","cached":1}"#, .failure(.invalidValue)),
        LineCase("other string", #"{"model":"m","cached":"yes"}"#, .failure(.invalidValue)),
    ]

    @Test(arguments: cachedCases)
    func cached(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    static let timestampCases: [LineCase] = [
        LineCase(
            "timestamp ISO Z", #"{"model":"m","timestamp":"2024-12-19T18:59:02.123456Z"}"#,
            rec { $0.timestamp = 1_734_634_742 + 0.123456 }),
        LineCase("time", #"{"model":"m","time":"2024-12-19T18:59:02Z"}"#, rec { $0.timestamp = 1_734_634_742 }),
        LineCase("ts epoch seconds", #"{"model":"m","ts":1734634742}"#, rec { $0.timestamp = 1_734_634_742 }),
        LineCase(
            "created_at epoch milliseconds", #"{"model":"m","created_at":1734634742500}"#,
            rec { $0.timestamp = 1_734_634_742.5 }),
        LineCase(
            "@timestamp", #"{"model":"m","@timestamp":"2024-12-19T18:59:02+00:00"}"#,
            rec { $0.timestamp = 1_734_634_742 }),
        LineCase(
            "startTime as timestamp", #"{"model":"m","startTime":"2024-12-19 18:59:02"}"#,
            rec { $0.timestamp = 1_734_634_742 }),
        LineCase("list order", #"{"model":"m","ts":1,"timestamp":2}"#, rec { $0.timestamp = 2 }),
        LineCase(
            "unparsable string keeps the record", #"{"model":"m","timestamp":"yesterday","cost":1}"#,
            rec {
                $0.hasUnparsableTimestamp = true; $0.costUSD = 1
            }),
        LineCase(
            "object timestamp is unparsable", #"{"model":"m","timestamp":{"s":1}}"#,
            rec { $0.hasUnparsableTimestamp = true }),
        LineCase(
            "negative epoch is unparsable", #"{"model":"m","timestamp":-5}"#,
            rec { $0.hasUnparsableTimestamp = true }),
        LineCase("null timestamp is absent", #"{"model":"m","timestamp":null}"#, rec()),
    ]

    @Test(arguments: timestampCases)
    func timestamp(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    @Test func labels() {
        let mapping = CostFieldMapping.builtIn
            .addingLabel(.init(name: "user", sources: ["user_id", "user", "metadata.user_api_key_alias"]))
            .addingLabel(.init(name: "team", sources: ["team"]))
            .addingLabel(.init(name: "primary", sources: ["is_primary"]))
            .addingLabel(.init(name: "endpoint", sources: ["request.endpoint"]))
        let decoder = CostLineDecoder(mapping: mapping)
        #expect(
            decode(
                #"{"model":"m","user_id":"u\u00e9","team":42,"is_primary":true,"request":{"endpoint":"/v1"}}"#,
                with: decoder)
                == rec { $0.labels = ["ué", "42", "true", "/v1"] }
        )
        #expect(
            decode(
                #"{"model":"m","metadata":{"user_api_key_alias":"alias"},"team":[1],"is_primary":false}"#,
                with: decoder)
                == rec { $0.labels = ["alias", nil, "false", nil] }
        )
        #expect(
            decode(#"{"model":"m","user":null,"team":-1.5e3}"#, with: decoder)
                == rec { $0.labels = [nil, "-1.5e3", nil, nil] })
    }

    @Test func prependedNamesWin() {
        let mapping = CostFieldMapping.builtIn
            .prepending(["llm.model"], to: .model)
            .prepending(["price"], to: .totalCost)
        let decoder = CostLineDecoder(mapping: mapping)
        #expect(
            decode(#"{"model":"a","llm":{"model":"b"},"cost":1,"price":"2"}"#, with: decoder)
                == rec("unknown", "b") { $0.costUSD = 2 })
        #expect(decode(#"{"model":"a","cost":1}"#, with: decoder) == rec("unknown", "a") { $0.costUSD = 1 })
    }

    @Test func recordTextStaysValidUntilTheNextCall() {
        let decoder = CostLineDecoder()
        let line = Array(#"{"model":"GPT\u002d4o","provider":"OpenAI"}"#.utf8)
        line.withUnsafeBytes { buffer in
            guard case .record(let record) = decoder.decode(buffer) else {
                Issue.record("expected a record")
                return
            }
            #expect(String(decoding: record.model, as: UTF8.self) == "GPT-4o")
            #expect(String(decoding: record.provider, as: UTF8.self) == "openai")
        }
    }
}
