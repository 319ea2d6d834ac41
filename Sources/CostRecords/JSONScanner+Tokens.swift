extension JSONScanner {
    /// Where the number token at `cursor` ends, after validating it.
    ///
    /// The grammar is RFC 8259's: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// What follows the token is checked by the caller, so `01` or `1.` fail there or here.
    ///
    /// - Throws: `.invalidJSON` when no valid number starts here (`NaN`, `Infinity`, `+1`, `.5`).
    @inline(__always)
    static func numberEnd(_ cursor: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure) -> UnsafePointer<UInt8>
    {
        guard let after = JSONNumberGrammar.end(of: cursor, limit: end) else {
            throw .invalidJSON
        }
        return after
    }

    /// Where the number token at `cursor` ends, after validating it and taking it apart.
    ///
    /// - Parameter parts: Set to the token's parts.
    /// - Throws: `.invalidJSON` when no valid number starts here.
    @inline(__always)
    static func numberEnd(_ cursor: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, parts: inout NumberParts)
        throws(ScanFailure) -> UnsafePointer<UInt8>
    {
        guard let after = JSONNumberGrammar.end(of: cursor, limit: end, parts: &parts) else {
            throw .invalidJSON
        }
        return after
    }

    /// Validates `true`, `false` or `null` at `cursor` and moves past it.
    ///
    /// - Returns: The literal's kind.
    /// - Throws: `.invalidJSON` for anything else.
    @inline(__always)
    static func scanLiteral(_ cursor: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        throws(ScanFailure) -> JSONKind
    {
        guard let literal = literal(at: cursor, end) else {
            throw .invalidJSON
        }
        cursor += literal.length
        return literal.kind
    }

    /// The kind and length of `true`, `false` or `null` at `cursor`; nil for anything else.
    @inline(__always)
    static func literal(at cursor: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (kind: JSONKind, length: Int)?
    {
        guard end - cursor >= 4 else {
            return nil
        }
        let word = UInt32(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt32.self))
        // "true", "null" and "fals" read as little-endian words.
        switch word {
        case 0x6575_7274:
            return (.true, 4)
        case 0x6C6C_756E:
            return (.null, 4)
        case 0x736C_6166 where end - cursor >= 5 && cursor[4] == UInt8(ascii: "e"):
            return (.false, 5)
        default:
            return nil
        }
    }
}
