extension YAMLParser {
    /// Decodes UTF-8 bytes, rejecting invalid sequences with their position.
    static func decodeUTF8(_ bytes: some Sequence<UInt8>, fileName: String) throws(YAMLError) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return scalars
            case .error:
                throw YAMLError(
                    fileName: fileName, mark: Mark(line: line, column: column),
                    message: "the file is not valid UTF-8")
            }
        }
    }

    /// Rejects characters PyYAML's reader rejects (non-printable ones) and line breaks other
    /// than `\n` and `\r\n`, which YAML readers split lines on differently.
    func validateCharacters() throws(YAMLError) {
        var line = 1
        var lineStart = 0
        for (position, scalar) in text.enumerated() {
            let mark = Mark(line: line, column: position - lineStart + 1)
            switch scalar.value {
            case 0x0A:
                line += 1
                lineStart = position + 1
            case 0x0D:
                guard position + 1 < text.count, text[position + 1] == "\n" else {
                    throw YAMLError(
                        fileName: fileName, mark: mark,
                        message: "a carriage return must be followed by a line feed; end lines with \\n or \\r\\n")
                }
            case 0x09, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                continue
            case 0x85, 0x2028, 0x2029:
                throw YAMLError(
                    fileName: fileName, mark: mark,
                    message: "unsupported line break character U+\(hex(scalar)); end lines with \\n")
            default:
                throw YAMLError(
                    fileName: fileName, mark: mark,
                    message:
                        "unsupported control character U+\(hex(scalar)); write it as an escape in a double-quoted scalar"
                )
            }
        }
    }

    private func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
