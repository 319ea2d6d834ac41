extension JSONScanner {
    /// Validates a number token at the read position and moves past it.
    ///
    /// The grammar is RFC 8259's: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// What follows the token is checked by the caller, so `01` or `1.` fail there or here.
    ///
    /// - Throws: `.invalidJSON` when no valid number starts here (`NaN`, `Infinity`, `+1`, `.5`).
    mutating func skipNumber() throws(ScanFailure) {
        guard let after = JSONNumberGrammar.end(of: position, limit: end) else {
            throw .invalidJSON
        }
        position = after
    }

    /// Validates `true`, `false` or `null` at the read position and moves past it.
    ///
    /// - Returns: The literal's kind.
    /// - Throws: `.invalidJSON` for anything else.
    mutating func scanLiteral() throws(ScanFailure) -> JSONKind {
        guard end - position >= 4 else {
            throw .invalidJSON
        }
        let word = UInt32(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt32.self))
        // "true", "null" and "fals" read as little-endian words.
        switch word {
        case 0x6575_7274:
            position += 4
            return .true
        case 0x6C6C_756E:
            position += 4
            return .null
        case 0x736C_6166 where end - position >= 5 && position[4] == UInt8(ascii: "e"):
            position += 5
            return .false
        default:
            throw .invalidJSON
        }
    }
}
