extension StringProtocol {
    /// Whether two strings are equal when ASCII letters are compared without case.
    ///
    /// HTTP names and tokens are ASCII and case-insensitive; this avoids `lowercased()`, which
    /// allocates and applies Unicode rules that HTTP does not use.
    func isEqualIgnoringASCIICase(to other: some StringProtocol) -> Bool {
        let lhs = utf8
        let rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
    }

    /// The text without leading and trailing spaces and tabs (HTTP's `OWS`).
    func trimmingASCIIWhitespace() -> Substring {
        let text = Substring(self)
        // UTF-8 indices of ASCII bytes are scalar boundaries, so slicing with them is exact even
        // where a space is followed by a combining mark.
        let bytes = text.utf8
        guard let start = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !ASCII.isWhitespace($0) })
        else { return text[text.endIndex...] }
        return text[start...last]
    }
}

extension UInt8 {
    /// The byte with ASCII `A`–`Z` mapped to `a`–`z`; every other byte unchanged.
    var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self | 0x20 : self
    }
}
