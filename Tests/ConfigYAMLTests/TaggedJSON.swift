@testable import ConfigYAML

/// Renders a node tree as the type-tagged canonical JSON the PyYAML side of the differential
/// test prints, byte for byte: `{"int":"1"}`, `{"float":"<IEEE-754 bits in hex>"}`,
/// `{"str":"…"}` (escaped as Python's `json.dumps(ensure_ascii=True)` does), `{"bool":true}`,
/// `{"null":null}`, `{"seq":[…]}`, `{"map":[[key,value],…]}` in document order.
enum TaggedJSON {
    static func render(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let scalar):
            return render(scalar)
        case .sequence(let items):
            return "{\"seq\":[" + items.map(render).joined(separator: ",") + "]}"
        case .mapping(let entries):
            let pairs = entries.map { "[" + render(.string($0.key)) + "," + render($0.value) + "]" }
            return "{\"map\":[" + pairs.joined(separator: ",") + "]}"
        }
    }

    static func render(_ scalar: YAMLScalar) -> String {
        switch scalar {
        case .null:
            return "{\"null\":null}"
        case .bool(let value):
            return "{\"bool\":\(value)}"
        case .int(let value):
            return "{\"int\":\"\(value)\"}"
        case .float(let value):
            let hex = String(value.bitPattern, radix: 16)
            return "{\"float\":\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\"}"
        case .string(let value):
            return "{\"str\":" + quoted(value) + "}"
        }
    }

    /// A JSON string literal as Python's `json.dumps(..., ensure_ascii=True)` writes it.
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }
}
