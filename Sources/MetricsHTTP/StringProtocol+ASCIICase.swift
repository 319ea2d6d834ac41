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
}

extension UInt8 {
    /// The byte with ASCII `A`–`Z` mapped to `a`–`z`; every other byte unchanged.
    var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self | 0x20 : self
    }
}
