import Testing

@testable import CostRecords

/// Whole records from every documented shape: each seed's example lines, OpenAI raw usage
/// objects and LiteLLM spend logs.
@Suite struct CostLineDecoderTests {
    static let shapeCases: [LineCase] = [
        // Seed 001: the proxy's cost-tracking record, verbatim (as one line).
        LineCase(
            "seed 001 cost-tracking record",
            #"{"timestamp": "2024-12-19T18:59:02.123456Z", "request_id": "chatcmpl-abc123", "user_id": "token:sk-abc123", "ip_address": "192.168.1.1", "provider": "openai", "model": "gpt-4o", "endpoint": "/openai/v1/chat/completions", "is_streaming": false, "input_tokens": 50, "output_tokens": 25, "total_tokens": 75, "input_cost": 0.00075, "output_cost": 0.00075, "total_cost": 0.0015, "finish_reason": "stop"}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4o", costUSD: 0.0015, inputTokens: 50, outputTokens: 25,
                    timestamp: 1_734_634_742 + 0.123456))
        ),
        // Seed 000: the course guide's success entry (json.dumps of log_entry).
        LineCase(
            "seed 000 success",
            #"{"timestamp": "2024-05-01T14:30:12.345678", "user_id": "user_123", "query_type": "faq", "prompt_length": 1234, "status": "success", "model": "gpt-4o-mini", "input_tokens": 1500, "output_tokens": 300, "cost": 0.0067, "latency": 2.3, "cached": false}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4o-mini", costUSD: 0.0067, inputTokens: 1_500,
                    outputTokens: 300, latencySeconds: 2.3, timestamp: 1_714_573_812 + 0.345678))
        ),
        // Seed 000: the error entry has no model; `call_llm` failed before one was known. A failed
        // call still counts (under model `unknown`), so the error rate sees it.
        LineCase(
            "seed 000 error without model",
            #"{"timestamp": "2024-05-01T14:30:12.345678", "user_id": null, "query_type": null, "prompt_length": 12, "status": "error", "error": "Request timed out.", "latency": 30.01}"#,
            .record(
                Decoded(
                    provider: "unknown", model: "unknown", status: .error, errorType: .timeout,
                    latencySeconds: 30.01, timestamp: 1_714_573_812 + 0.345678))
        ),
        LineCase(
            "success without model is still missing its model",
            #"{"status": "success", "cost": 0.5}"#,
            .failure(.missingModel)
        ),
        LineCase(
            "latency from start and end times is exact to the microsecond",
            #"{"model": "m", "startTime": "2024-06-01T12:00:02.000000", "endTime": "2024-06-01T12:00:02.010000"}"#,
            .record(Decoded(provider: "unknown", model: "m", latencySeconds: 0.01, timestamp: 1_717_243_202))
        ),
        LineCase(
            "seed 000 error with model",
            #"{"timestamp": "2024-05-01T14:30:12", "status": "error", "model": "gpt-4o", "error": "Request timed out.", "latency": 30.01}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4o", status: .error, errorType: .timeout,
                    latencySeconds: 30.01, timestamp: 1_714_573_812))
        ),
        // Seed 002: the cost calculator's observability metadata.
        LineCase(
            "seed 002 prefixed model",
            #"{"model": "openai/gpt-4o-mini", "cost_usd": 0.00045, "input_cost_usd": 0.00015, "output_cost_usd": 0.0003, "latency_seconds": 1.42, "is_primary": true, "usage": {"input": 1000, "output": 500, "total": 1500}}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4o-mini", costUSD: 0.00045, inputTokens: 1_000,
                    outputTokens: 500, latencySeconds: 1.42))
        ),
        LineCase(
            "seed 002 free-tier model",
            #"{"model": "google/gemini-2.0-flash-exp:free", "cost_usd": 0.0, "input_cost_usd": 0.0, "output_cost_usd": 0.0, "latency_seconds": 0.8, "is_primary": false, "usage": {"input": 10, "output": 20, "total": 30}}"#,
            .record(
                Decoded(
                    provider: "google", model: "gemini-2.0-flash-exp:free", costUSD: 0, inputTokens: 10,
                    outputTokens: 20, latencySeconds: 0.8))
        ),
        // Seed 003: the database tracker's columns, success and failure.
        LineCase(
            "seed 003 success",
            #"{"model": "gpt-4", "provider": "openai", "input_tokens": 120, "output_tokens": 80, "total_tokens": 200, "input_cost": 0.0036, "output_cost": 0.0048, "total_cost": 0.0084, "user_id": 7, "endpoint": "/chat", "prompt_hash": "5d41402abc4b2a76b9719d911017c592", "timestamp": "2024-03-05T10:00:00", "duration_ms": 812.5, "success": true, "error_message": null}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4", costUSD: 0.0084, inputTokens: 120, outputTokens: 80,
                    latencySeconds: 0.8125, timestamp: 1_709_632_800))
        ),
        LineCase(
            "seed 003 failure",
            #"{"model": "gpt-4", "provider": "openai", "input_tokens": 0, "output_tokens": 0, "total_tokens": 0, "input_cost": 0.0, "output_cost": 0.0, "total_cost": 0.0, "user_id": 7, "endpoint": "/chat", "timestamp": "2024-03-05T10:00:00", "duration_ms": 30000.0, "success": false, "error_message": "Rate limit reached for gpt-4 in organization org-123 on tokens per min."}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4", status: .error, errorType: .rateLimit, costUSD: 0,
                    inputTokens: 0, outputTokens: 0, latencySeconds: 30, timestamp: 1_709_632_800))
        ),
        // Seed 004: the tutorial's `asdict(LLMCost)` with `default=str` timestamps.
        LineCase(
            "seed 004 costs.jsonl",
            #"{"model": "gpt-3.5-turbo", "prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150, "cost_usd": 0.00025, "timestamp": "2024-06-01 12:00:00.123456", "request_id": "req_123"}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-3.5-turbo", costUSD: 0.00025, inputTokens: 100,
                    outputTokens: 50, timestamp: 1_717_243_200 + 0.123456))
        ),
        // OpenAI's raw chat completion object with its usage block.
        LineCase(
            "OpenAI raw usage",
            #"{"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1741570283,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"Hi \u2014 how can I help?","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":1117,"completion_tokens":46,"total_tokens":1163,"prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_fc9f1d7035"}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4o-2024-08-06", inputTokens: 1_117, outputTokens: 46,
                    cacheReadTokens: 1_024))
        ),
        // Anthropic's raw message usage.
        LineCase(
            "Anthropic raw usage",
            #"{"id":"msg_01","type":"message","role":"assistant","model":"claude-3-5-sonnet-20241022","content":[{"type":"text","text":"Hello"}],"stop_reason":"end_turn","usage":{"input_tokens":2095,"cache_creation_input_tokens":2048,"cache_read_input_tokens":0,"output_tokens":503}}"#,
            .record(
                Decoded(
                    provider: "anthropic", model: "claude-3-5-sonnet-20241022", inputTokens: 2_095,
                    outputTokens: 503, cacheReadTokens: 0, cacheWriteTokens: 2_048))
        ),
        // LiteLLM's SpendLogs row.
        LineCase(
            "LiteLLM spend log",
            #"{"request_id":"chatcmpl-7d1c","call_type":"acompletion","api_key":"88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b","spend":0.000213,"total_tokens":94,"prompt_tokens":31,"completion_tokens":63,"startTime":"2024-06-01T12:00:00.000000","endTime":"2024-06-01T12:00:01.750000","model":"gpt-3.5-turbo","model_group":"gpt-3.5-turbo","custom_llm_provider":"azure","api_base":"https://x.openai.azure.com/","user":"","metadata":{"user_api_key_alias":null,"spend_logs_metadata":null},"cache_hit":"False","cache_key":"","request_tags":[]}"#,
            .record(
                Decoded(
                    provider: "azure", model: "gpt-3.5-turbo", costUSD: 0.000213, inputTokens: 31,
                    outputTokens: 63, latencySeconds: 1.75, timestamp: 1_717_243_200))
        ),
        // LiteLLM's StandardLoggingPayload: epoch floats, response_cost, a failure.
        LineCase(
            "LiteLLM standard logging payload failure",
            #"{"id":"x","call_type":"completion","response_cost":0,"total_tokens":0,"prompt_tokens":0,"completion_tokens":0,"startTime":1717243200.25,"endTime":1717243230.5,"model":"claude-3-opus-20240229","custom_llm_provider":"anthropic","status":"failure","error_str":"x","error_information":{"error_code":"429"},"cache_hit":false}"#,
            .record(
                Decoded(
                    provider: "anthropic", model: "claude-3-opus-20240229", status: .error,
                    errorType: .rateLimit, costUSD: 0, inputTokens: 0, outputTokens: 0, latencySeconds: 30.25,
                    timestamp: 1_717_243_200.25))
        ),
        // OpenTelemetry GenAI attributes flattened into one object.
        LineCase(
            "OpenTelemetry GenAI attributes",
            #"{"gen_ai.system":"openai","gen_ai.request.model":"gpt-4o","gen_ai.response.model":"gpt-4o-2024-05-13","gen_ai.usage.input_tokens":97,"gen_ai.usage.output_tokens":52,"duration_ms":1234}"#,
            .record(
                Decoded(
                    provider: "openai", model: "gpt-4o-2024-05-13", inputTokens: 97, outputTokens: 52,
                    latencySeconds: 1.234))
        ),
    ]

    @Test(arguments: shapeCases)
    func shapes(_ testCase: LineCase) {
        #expect(decode(bytes: testCase.bytes) == testCase.expected)
    }

    @Test func oneDecoderDecodesManyLinesIndependently() {
        let decoder = CostLineDecoder()
        #expect(
            decode(#"{"model":"a","cost":1,"usage":{"input":3}}"#, with: decoder)
                == .record(Decoded(provider: "unknown", model: "a", costUSD: 1, inputTokens: 3)))
        // Nothing of the previous line may leak into the next one.
        #expect(decode(#"{"model":"b"}"#, with: decoder) == .record(Decoded(provider: "unknown", model: "b")))
        #expect(decode(#"{"model":"a","cost":"x"}"#, with: decoder) == .failure(.invalidValue))
        #expect(
            decode(#"{"model":"c","usage":{}}"#, with: decoder) == .record(Decoded(provider: "unknown", model: "c")))
    }

    @Test func emptyBufferIsInvalidJSON() {
        let decoder = CostLineDecoder()
        let outcome = decoder.decode(UnsafeRawBufferPointer(start: nil, count: 0))
        guard case .failure(let reason) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason == .invalidJSON)
    }
}
