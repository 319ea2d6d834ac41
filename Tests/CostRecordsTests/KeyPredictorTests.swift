import ExporterTestSupport
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
        var generator = SeededGenerator(seed: 0x9E11)
        let shared = CostLineDecoder()
        for round in 0..<4_000 {
            var line = Self.templates[Int(generator.next() % UInt64(Self.templates.count))]
            if round % 3 != 0 {
                line = mutate(line, &generator)
            }
            #expect(decode(line, with: shared) == decode(line, with: CostLineDecoder()), "\(line)")
        }
    }

    @Test func aRememberedMemberMatchesOnlyItsOwnBytesInItsOwnContext() {
        let predictor = KeyPredictor.allocate()
        defer { predictor.deallocate() }
        let line =
            Array(#"{"model": "m", "modelx": 1, "mode": 2, "model": 3, "model":"#.utf8)
            + Array(repeating: UInt8(ascii: " "), count: 20)
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return
            }
            let end = base + buffer.count
            // `"model": "`, the member's pattern with its string value's quote.
            let member = base + 1
            let slot = KeyPredictor.firstSlot(context: -1)
            predictor.remember(
                slot: slot, start: member, length: 10, opensString: true, end: end, context: -1, node: 9, shape: nil,
                successor: 7
            )
            #expect(predictor.match(slot: slot, context: -1, at: member, end: end)?.pointee.node == 9)
            #expect(predictor.match(slot: slot, context: -1, at: member, end: end)?.pointee.successor == 7)
            #expect(predictor.match(slot: slot, context: -1, at: member, end: end)?.pointee.length == 10)
            #expect(predictor.match(slot: slot, context: -1, at: member, end: end)?.pointee.opensString == true)
            #expect(predictor.match(slot: slot, context: 4, at: member, end: end) == nil)
            #expect(predictor.match(slot: slot + 1, context: -1, at: member, end: end) == nil)
            // `modelx` shares the first bytes but does not end after them.
            #expect(base[16] == UInt8(ascii: "m") && base[22] == UInt8(ascii: "\""))
            #expect(predictor.match(slot: slot, context: -1, at: base + 15, end: end) == nil)
            // `mode` is shorter.
            #expect(base[29] == UInt8(ascii: "m") && base[33] == UInt8(ascii: "\""))
            #expect(predictor.match(slot: slot, context: -1, at: base + 28, end: end) == nil)
            // The same key with a number value: the pattern's last byte, the string's quote, differs.
            #expect(base[39] == UInt8(ascii: "\"") && base[48] == UInt8(ascii: "3"))
            #expect(predictor.match(slot: slot, context: -1, at: base + 39, end: end) == nil)
            // The same member with its value's first byte on the line is matched; with the line
            // ending right after the pattern, it is not.
            let last = base + 51
            #expect(last[0] == UInt8(ascii: "\"") && last[7] == UInt8(ascii: ":"))
            predictor.remember(
                slot: slot, start: last, length: 8, opensString: false, end: end, context: -1, node: 9, shape: nil,
                successor: 7
            )
            #expect(predictor.match(slot: slot, context: -1, at: last, end: end) != nil)
            #expect(predictor.match(slot: slot, context: -1, at: last, end: last + 9) != nil)
            #expect(predictor.match(slot: slot, context: -1, at: last, end: last + 8) == nil)
        }
    }

    /// Separators are part of a member's pattern: a key that matches with another separator does
    /// not. A pattern that ends at the `:` matches whatever whitespace follows it, which the
    /// scanner skips.
    @Test(arguments: [
        (#", "model": 1"#, #", "model": 1"#, true),
        (#", "model": 1"#, #", "model":1"#, false),
        (#", "model": 1"#, #", "model" : 1"#, false),
        (#", "model": 1"#, #",  "model": 1"#, false),
        (#", "model": 1"#, #","model": 1"#, false),
        (#","model":1"#, #","model":1"#, true),
        (#","model":1"#, #","model":\#t1"#, true),
        (#", "model" : 1"#, #", "model" : 1"#, true),
        (#", "model" : 1"#, #", "model": 1"#, false),
        (#", "model":\#t1"#, #", "model":\#t1"#, true),
        (#", "model":\#t1"#, #", "model": 1"#, false),
    ])
    func separatorsArePartOfThePattern(learnt: String, seen: String, matches: Bool) {
        let predictor = KeyPredictor.allocate()
        defer { predictor.deallocate() }
        let padding = Array(repeating: UInt8(ascii: " "), count: 8)
        let learntBytes = Array(learnt.utf8) + padding
        let seenBytes = Array(seen.utf8) + padding
        learntBytes.withUnsafeBufferPointer { learntBuffer in
            seenBytes.withUnsafeBufferPointer { seenBuffer in
                guard let learntBase = learntBuffer.baseAddress, let seenBase = seenBuffer.baseAddress else {
                    return
                }
                // The pattern runs up to the value, the last byte before the padding.
                predictor.remember(
                    slot: 3, start: learntBase, length: learnt.utf8.count - 1, opensString: false,
                    end: learntBase + learntBuffer.count, context: -1, node: 2, shape: nil, successor: 5
                )
                let found = predictor.match(slot: 3, context: -1, at: seenBase, end: seenBase + seenBuffer.count)
                #expect((found != nil) == matches)
            }
        }
    }

    @Test func patternsUpToThirtyTwoBytesAreRemembered() {
        let predictor = KeyPredictor.allocate()
        defer { predictor.deallocate() }
        let short = #", "prompt_tokens_details": {"#
        let long = #", "cache_creation_input_tokens": 1"#
        let line = Array((short + long).utf8) + Array(repeating: UInt8(ascii: " "), count: 20)
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return
            }
            let end = base + buffer.count
            let shortLength = short.utf8.count - 1
            predictor.remember(
                slot: 5, start: base, length: shortLength, opensString: false, end: end, context: -1, node: 2,
                shape: nil,
                successor: 6
            )
            #expect(shortLength == 27)
            #expect(predictor.match(slot: 5, context: -1, at: base, end: end)?.pointee.node == 2)
            let longStart = base + short.utf8.count
            let longLength = long.utf8.count - 1
            predictor.remember(
                slot: 6, start: longStart, length: longLength, opensString: false, end: end, context: -1, node: 3,
                shape: nil,
                successor: 7
            )
            #expect(longLength == 33)
            #expect(predictor.match(slot: 6, context: -1, at: longStart, end: end) == nil)
            #expect(predictor.matchEarlier(slot: 6, context: -1, at: longStart, end: end) == nil)
        }
    }

    /// A slot keeps its last `ways` members: the latest is `match`ed, the others by
    /// `matchEarlier`, and one more pushes the earliest out.
    @Test func aSlotKeepsItsLastMembers() {
        let predictor = KeyPredictor.allocate()
        defer { predictor.deallocate() }
        let members = (0...KeyPredictor.ways).map { #", "key_\#($0)": "# }
        let line = Array(members.joined().utf8) + Array(repeating: UInt8(ascii: "1"), count: 8)
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return
            }
            let end = base + buffer.count
            let length = members[0].utf8.count
            let starts = members.indices.map { base + $0 * length }
            for (index, start) in starts.enumerated() {
                predictor.remember(
                    slot: 9, start: start, length: length, opensString: false, end: end, context: -1,
                    node: Int32(index), shape: nil, successor: index
                )
            }
            let latest = KeyPredictor.ways
            #expect(predictor.match(slot: 9, context: -1, at: starts[latest], end: end)?.pointee.node == Int32(latest))
            #expect(predictor.matchEarlier(slot: 9, context: -1, at: starts[latest], end: end) == nil)
            for index in 1..<latest {
                #expect(predictor.match(slot: 9, context: -1, at: starts[index], end: end) == nil)
                #expect(
                    predictor.matchEarlier(slot: 9, context: -1, at: starts[index], end: end)?.pointee.node
                        == Int32(index)
                )
            }
            #expect(predictor.match(slot: 9, context: -1, at: starts[0], end: end) == nil)
            #expect(predictor.matchEarlier(slot: 9, context: -1, at: starts[0], end: end) == nil)
            #expect(predictor.matchEarlier(slot: 9, context: 0, at: starts[1], end: end) == nil)
        }
    }

    /// A seasoned decoder and a fresh one agree on lines whose members differ from the learnt
    /// ones only in their separators, including lines that are not JSON.
    @Test(arguments: [
        #"{"model": "m", "input_tokens": 5, "cost": 0.5}"#,
        #"{"model": "m", "input_tokens":  5, "cost": 0.5}"#,
        #"{"model": "m", "input_tokens":\#t5, "cost":\#r\#n0.5}"#,
        #"{"model": "m", "input_tokens" : 5 , "cost" :0.5 }"#,
        #"{"model":"m","input_tokens":5,"cost":0.5}"#,
        #"{ "model": "m",  "input_tokens": 5,"cost": 0.5}"#,
        #"{"model": "m", "input_tokens": "5", "cost": 0.5}"#,
        #"{"model": "m" "input_tokens": 5, "cost": 0.5}"#,
        #"{"model": "m", "input_tokens" 5, "cost": 0.5}"#,
        #"{"model": "m", "input_tokens": , "cost": 0.5}"#,
        #"{"model": "m", "input_tokens": 5 "cost": 0.5}"#,
        #"{"model": "m", "input_tokens": 5, "cost": 0.5, }"#,
        #"{"model": "m", "input_tokens": 5, "cost": 0.5"#,
        #"{"model": "m", "input_tokens": 5, "cost": "#,
        #"{"model": "m", "input_tokens": 5, "cost""#,
        #"{"model": "m", "input_tokens": 5, "cost"#,
        #"{"model": "m", "input_tokens": 5, "#,
        #"{"x": 1"model": "m", "input_tokens": 5, "cost": 0.5}"#,
        #"{"model": "m", "usage": {"model": "n"}, "input_tokens": 5}"#,
        #"{"model": "m", "usage": {"input_tokens": 5, "input_tokens": 6}, "input_tokens": 5}"#,
        #"{"model": "m", "usage": "text", "input_tokens": 5}"#,
        #"{"model": "m", "usage": {}, "input_tokens": 5}"#,
        #"{"model": "m", "usage": {"model": "n"} "input_tokens": 5}"#,
    ])
    func separatorChangesNeverChangeAnOutcome(line: String) {
        let seasoned = CostLineDecoder()
        for learnt in [
            #"{"model": "m", "input_tokens": 5, "cost": 0.5}"#,
            #"{"model":"m","input_tokens":5,"cost":0.5}"#,
            #"{"model": "m", "usage": {"model": "n", "input_tokens": 5}, "input_tokens": 5}"#,
            #"{"model": "m", "usage": {"input_tokens": 5}, "input_tokens": 5}"#,
            #"{"x": 1, "model": "m", "input_tokens": 5, "cost": 0.5}"#,
        ] {
            _ = decode(learnt, with: seasoned)
            _ = decode(learnt, with: seasoned)
            #expect(decode(line, with: seasoned) == decode(line, with: CostLineDecoder()), "\(learnt) then \(line)")
        }
    }

    /// First-member slots and successors never meet, for any context and any key sequence.
    @Test func firstSlotsAreApartFromSuccessors() {
        var generator = SeededGenerator(seed: 0xF125)
        for context in Int32(-1)..<Int32(4_096) {
            #expect(KeyPredictor.isFirstSlot(KeyPredictor.firstSlot(context: context)))
        }
        for _ in 0..<10_000 {
            let slot = Int(generator.next() % UInt64(KeyPredictor.slotCount + KeyPredictor.firstSlotCount))
            let successor = KeyPredictor.successor(
                after: slot, head: generator.next(), tail: generator.next(), length: Int(generator.next() % 64)
            )
            #expect(successor >= 0 && !KeyPredictor.isFirstSlot(successor))
        }
    }

    /// The first members of the corpus's five writers' lines, in one context, start at five
    /// different first slots, so no slot has to hold more than its `ways`.
    @Test func objectsOfDifferentLeadsStartAtDifferentSlots() {
        let leads = [#""model":"#, #""timesta"#, #""id": "c"#, #""request"#, #"'timesta"#].map { text in
            Array(text.utf8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        }
        let slots = leads.map { KeyPredictor.firstSlot(context: FieldTable.rootContext, lead: $0) }
        #expect(Set(slots).count == leads.count)
        #expect(slots.allSatisfy(KeyPredictor.isFirstSlot))
        #expect(
            KeyPredictor.firstSlot(context: 3, lead: leads[0]) != KeyPredictor.firstSlot(context: 4, lead: leads[0]))
    }

    /// A first member's pattern starts after `{` and a later member's after a value: bytes
    /// learnt in one place are never taken as valid in the other.
    @Test func aFirstMemberIsNeverTakenForALaterOne() {
        let seasoned = CostLineDecoder()
        _ = decode(#"{"model": "m", "cost": 1}"#, with: seasoned)
        _ = decode(#"{"a": {"model": "m"}, "cost": 1}"#, with: seasoned)
        #expect(decode(#"{"a": 1"model": "m", "cost": 1}"#, with: seasoned) == .failure(.invalidJSON))
        #expect(decode(#"{, "cost": 1, "model": "m"}"#, with: seasoned) == .failure(.invalidJSON))
        #expect(decode(#"{"model": "m", "cost": 1}"#, with: seasoned) == decode(#"{"model": "m", "cost": 1}"#))
    }

    /// `line` with one of its keys altered: a byte changed, added or removed, or escaped.
    private func mutate(_ line: String, _ generator: inout SeededGenerator) -> String {
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
