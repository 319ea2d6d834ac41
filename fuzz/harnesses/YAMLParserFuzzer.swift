/// libFuzzer harness for `YAMLParser.parse(utf8:fileName:)`: one input is one config file.
///
/// Compiled together with the sources of `ConfigYAML` into one module (see `fuzz/run.sh`).
/// Beyond "no crash, no memory error", every input must satisfy:
/// - parsing is deterministic: the same bytes give the same tree or the same error;
/// - bytes that are not UTF-8 are an error;
/// - an error's mark is inside the document (line 1 up to the line count, column 1 or more)
///   and its description is `FILE:LINE:COLUMN: message` with a non-empty message;
/// - a tree's marks are inside the document, floats are finite, mapping keys are unique;
/// - the tree round-trips: written back as YAML of the subset (every string double-quoted
///   with escapes, floats in a form the subset accepts) it parses to the same values.

/// The file name given to the parser; only used in error messages.
private let fileName = "fuzz.yaml"

/// Keys longer than this are rejected by the parser (as PyYAML does), so a tree whose keys
/// need longer text once written back is not round-tripped.
private let maxKeyLength = 1024

/// libFuzzer's entry point: parses one document and checks the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func yamlParserFuzzTest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let first = Result { () throws(YAMLError) in try YAMLParser.parse(utf8: bytes, fileName: fileName) }
    let again = Result { () throws(YAMLError) in try YAMLParser.parse(utf8: bytes, fileName: fileName) }
    fuzzInvariant(first == again, "parsing twice differs: \(first) then \(again)")
    let lineCount = bytes.count { $0 == UInt8(ascii: "\n") } + 1
    switch first {
    case .failure(let error):
        checkMark(error.mark, lineCount: lineCount, what: "error \(error)")
        fuzzInvariant(!error.message.isEmpty, "an error without a message at \(error.mark)")
        fuzzInvariant(
            error.description == "\(fileName):\(error.mark.line):\(error.mark.column): \(error.message)",
            "description \(error.description)")
    case .success(let root):
        fuzzInvariant(isValidUTF8(bytes), "bytes that are not UTF-8 parsed to \(root)")
        checkNode(root, lineCount: lineCount)
        var writer = SubsetWriter()
        writer.writeDocument(root)
        guard writer.isWithinLimits else { break }
        let text = writer.text
        switch Result(catching: { () throws(YAMLError) in try YAMLParser.parse(text, fileName: fileName) }) {
        case .success(let reparsed):
            fuzzInvariant(
                hasSameValues(root, reparsed), "written back as\n\(text)\nit parses to\n\(reparsed)\nnot\n\(root)")
        case .failure(let error):
            fuzzInvariant(false, "written back as\n\(text)\nit fails: \(error)")
        }
    }
    return 0
}

/// Checks that a mark lies inside a document of `lineCount` lines.
private func checkMark(_ mark: Mark, lineCount: Int, what: @autoclosure () -> String) {
    fuzzInvariant((1...lineCount).contains(mark.line) && mark.column >= 1, "\(what()) at \(mark), \(lineCount) lines")
}

/// Checks a node and everything below it.
private func checkNode(_ node: YAMLNode, lineCount: Int) {
    checkMark(node.mark, lineCount: lineCount, what: "node \(node.value)")
    switch node.value {
    case .scalar(.float(let value)):
        fuzzInvariant(value.isFinite, "float \(value)")
    case .scalar:
        break
    case .sequence(let items):
        for item in items {
            checkNode(item, lineCount: lineCount)
        }
    case .mapping(let entries):
        fuzzInvariant(Set(entries.map(\.key)).count == entries.count, "duplicate keys in \(entries.map(\.key))")
        for entry in entries {
            checkMark(entry.keyMark, lineCount: lineCount, what: "key \(entry.key)")
            checkNode(entry.value, lineCount: lineCount)
        }
    }
}

/// Whether two trees hold the same values, marks aside; floats compare by bit pattern.
private func hasSameValues(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
    switch (lhs.value, rhs.value) {
    case (.scalar(.float(let left)), .scalar(.float(let right))):
        return left.bitPattern == right.bitPattern
    case (.scalar(let left), .scalar(let right)):
        return left == right
    case (.sequence(let left), .sequence(let right)):
        return left.count == right.count && zip(left, right).allSatisfy(hasSameValues)
    case (.mapping(let left), .mapping(let right)):
        return left.count == right.count
            && zip(left, right).allSatisfy { $0.key == $1.key && hasSameValues($0.value, $1.value) }
    default:
        return false
    }
}

/// Writes a tree as a document of the subset: block mappings, sequences of scalars and
/// sequences as flow sequences, other sequences as block sequences, every string
/// double-quoted.
private struct SubsetWriter {
    /// The document so far.
    private(set) var text = ""
    /// Whether every key written fits the parser's key length limit.
    private(set) var isWithinLimits = true

    /// Writes `root` as a whole document.
    mutating func writeDocument(_ root: YAMLNode) {
        if let inline = Self.inline(root) {
            text += inline + "\n"
        } else {
            write(root, indent: 0)
        }
    }

    /// Writes a block mapping or block sequence, its lines indented by `indent` spaces.
    private mutating func write(_ node: YAMLNode, indent: Int) {
        let padding = String(repeating: " ", count: indent)
        switch node.value {
        case .mapping(let entries):
            for entry in entries {
                let key = Self.quoted(entry.key)
                isWithinLimits = isWithinLimits && key.unicodeScalars.count <= maxKeyLength
                text += padding + key + ":"
                writeValue(entry.value, indent: indent)
            }
        case .sequence(let items):
            for item in items {
                text += padding + "-"
                writeValue(item, indent: indent)
            }
        case .scalar:
            // Scalars are always written inline by `writeValue` and `writeDocument`.
            text += padding + (Self.inline(node) ?? "") + "\n"
        }
    }

    /// Writes what follows a key's `:` or an entry's `-`: inline when it can be, else on
    /// the lines below, indented further.
    private mutating func writeValue(_ node: YAMLNode, indent: Int) {
        if let inline = Self.inline(node) {
            text += " " + inline + "\n"
        } else {
            text += "\n"
            write(node, indent: indent + 2)
        }
    }

    /// The one-line form of a scalar, or of a sequence holding only such things; nil for
    /// anything holding a mapping.
    private static func inline(_ node: YAMLNode) -> String? {
        switch node.value {
        case .scalar(let scalar):
            return text(of: scalar)
        case .sequence(let items):
            var parts: [String] = []
            for item in items {
                guard let part = inline(item) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .mapping:
            return nil
        }
    }

    /// A scalar as the subset writes it so that it resolves back to itself.
    private static func text(of scalar: YAMLScalar) -> String {
        switch scalar {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .float(let value): floatText(value)
        case .string(let value): quoted(value)
        }
    }

    /// A finite double in the subset's float form: a `.` is required, and an exponent needs
    /// its sign (`1.e+16`, `5.e-324`), which Swift's shortest form (`1e+16`, `5e-324`) lacks.
    private static func floatText(_ value: Double) -> String {
        let shortest = String(value)
        let parts = shortest.split(separator: "e", maxSplits: 1)
        var mantissa = String(parts[0])
        if !mantissa.contains(".") { mantissa += "." }
        guard parts.count == 2 else { return mantissa }
        let exponent = parts[1]
        return mantissa + "e" + (exponent.hasPrefix("-") || exponent.hasPrefix("+") ? "" : "+") + exponent
    }

    /// A double-quoted scalar: printable ASCII as it is, everything else as `\UXXXXXXXX`.
    private static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case " "..."~": result.unicodeScalars.append(scalar)
            default:
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "\\U" + String(repeating: "0", count: 8 - digits.count) + digits
            }
        }
        return result + "\""
    }
}
