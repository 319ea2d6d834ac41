import Testing

@testable import CostRecords

/// Recognising a key by its predicted bytes gives exactly the outcome of scanning it.
@Suite struct KeyPredictorTests {
    /// Lines of the shapes the predictor learns, each with keys that mutations can alter.
    static let templates: [String] = [
        #"{"timestamp": "2024-06-01T00:00:00.019565", "user_id": "u", "status": "success", "model": "gpt-4o", "input_tokens": 521, "output_tokens": 184, "cost": 0.0031425000000000003, "latency": 1.28, "cached": false}"#,
        #"{"model": "gpt-4o-mini", "usage": {"prompt_tokens": 334, "completion_tokens": 44, "prompt_tokens_details": {"cached_tokens": 7}}, "object": "chat.completion"}"#,
        #"{"model":"openai/gpt-4.1","cost_usd":0.002456,"input_cost_usd":0.000512,"latency_seconds":0.81,"usage":{"input":256,"output":243}}"#,
        #"{"request_id":"r","spend":0.0,"startTime":"2024-06-01T00:00:00.175778","endTime":"2024-06-01T00:00:00.199962","model":"m","custom_llm_provider":"openai","status":"failure"}"#,
    ]

    /// The keys mutations pick from.
    static let keys = [
        "timestamp", "user_id", "status", "model", "input_tokens", "output_tokens", "cost", "latency", "cached",
        "usage", "prompt_tokens", "completion_tokens", "prompt_tokens_details", "cached_tokens", "object",
        "cost_usd", "input_cost_usd", "latency_seconds", "input", "output", "request_id", "spend", "startTime",
        "endTime", "custom_llm_provider",
    ]

    /// A decoder that has seen many lines decodes every line, including lines whose keys
    /// resemble the predicted ones, exactly as a fresh decoder does.
    @Test func predictionsNeverChangeAnOutcome() {
        var generator = SplitMix64(seed: 0x9E11)
        let shared = CostLineDecoder()
        for round in 0..<4_000 {
            var line = Self.templates[Int(generator.next() % UInt64(Self.templates.count))]
            if round % 3 != 0 {
                line = mutate(line, &generator)
            }
            #expect(decode(line, with: shared) == decode(line, with: CostLineDecoder()), "\(line)")
        }
    }

    @Test func aRememberedKeyMatchesOnlyItsOwnBytesInItsOwnContext() {
        let predictor = KeyPredictor.allocate()
        defer { predictor.deallocate() }
        let line =
            Array(#"{"model": "m", "modelx": 1, "mode": 2, "model""#.utf8)
            + Array(repeating: UInt8(ascii: " "), count: 20)
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return
            }
            let end = base + buffer.count
            let key = base + 2
            let words = FieldTable.words(of: key, count: 5, readable: end - key)
            let next = predictor.remember(slot: 3, head: words.head, tail: words.tail, length: 5, context: -1, node: 9)
            #expect(next >= 0 && next < KeyPredictor.slotCount)
            #expect(predictor.match(slot: 3, context: -1, key: key, end: end)?.node == 9)
            #expect(predictor.match(slot: 3, context: -1, key: key, end: end)?.successor == Int32(next))
            #expect(predictor.match(slot: 3, context: 4, key: key, end: end) == nil)
            #expect(predictor.match(slot: 4, context: -1, key: key, end: end) == nil)
            // `modelx` shares the first five bytes but does not end after them.
            #expect(base[16] == UInt8(ascii: "m") && base[22] == UInt8(ascii: "\""))
            #expect(predictor.match(slot: 3, context: -1, key: base + 16, end: end) == nil)
            // `mode` is shorter.
            #expect(base[29] == UInt8(ascii: "m") && base[33] == UInt8(ascii: "\""))
            #expect(predictor.match(slot: 3, context: -1, key: base + 29, end: end) == nil)
            // The same key with fewer than 17 bytes left on the line is not matched.
            let last = base + 40
            #expect(last[-1] == UInt8(ascii: "\"") && last[5] == UInt8(ascii: "\""))
            #expect(predictor.match(slot: 3, context: -1, key: last, end: end) != nil)
            #expect(predictor.match(slot: 3, context: -1, key: last, end: last + 16) == nil)
        }
    }

    @Test func keysOverSixteenBytesAreNotRemembered() {
        let predictor = KeyPredictor.allocate()
        defer { predictor.deallocate() }
        let line = Array(#""prompt_tokens_details": 1"#.utf8) + Array(repeating: UInt8(ascii: " "), count: 20)
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return
            }
            let key = base + 1
            let words = FieldTable.words(of: key, count: 21, readable: buffer.count - 1)
            _ = predictor.remember(slot: 5, head: words.head, tail: words.tail, length: 21, context: -1, node: 2)
            #expect(predictor.match(slot: 5, context: -1, key: key, end: base + buffer.count) == nil)
        }
    }

    /// `line` with one of its keys altered: a byte changed, added or removed, or escaped.
    private func mutate(_ line: String, _ generator: inout SplitMix64) -> String {
        let present = Self.keys.filter { line.contains("\"\($0)\"") }
        guard let key = present.isEmpty ? nil : present[Int(generator.next() % UInt64(present.count))] else {
            return line
        }
        var altered = Array(key)
        let index = Int(generator.next() % UInt64(altered.count))
        switch generator.next() % 5 {
        case 0: altered[index] = "x"
        case 1: altered.insert("_", at: index)
        case 2: altered.remove(at: index)
        case 3: altered.append("s")
        default:
            let scalar = String(altered[index]).unicodeScalars.first?.value ?? 0x61
            let escaped = "\\u00" + String(scalar, radix: 16)
            return line.replacingFirst(
                "\"\(key)\"",
                with: "\"" + String(altered[..<index]) + escaped
                    + String(altered[(index + 1)...]) + "\"")
        }
        return line.replacingFirst("\"\(key)\"", with: "\"\(String(altered))\"")
    }
}

extension String {
    /// This string with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement, maxReplacements: 1)
    }
}
