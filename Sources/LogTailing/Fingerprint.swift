/// A hash of a file's first bytes, which tells a file apart from another that reused its inode
/// or rewrote it from the start.
///
/// It covers the first `byteCount` bytes (at most `Fingerprint.maximumByteCount`); a file
/// shorter than that is fingerprinted over what it has, and the fingerprint is extended as the
/// file grows, after checking that the bytes it already covered are unchanged. A fingerprint of
/// zero bytes matches any file.
public struct Fingerprint: Sendable, Hashable, Codable {
    /// How many leading bytes a complete fingerprint covers.
    public static let maximumByteCount = 256

    /// How many leading bytes of the file the hash covers.
    public var byteCount: Int
    /// The 64-bit FNV-1a hash of those bytes.
    public var hash: UInt64

    /// The fingerprint of no bytes, which every file matches.
    public static let empty = Fingerprint(of: [])

    /// Creates a fingerprint from saved fields.
    public init(byteCount: Int, hash: UInt64) {
        self.byteCount = byteCount
        self.hash = hash
    }

    /// Fingerprints the given leading bytes of a file (at most `maximumByteCount` are used).
    ///
    /// - Parameter prefix: The file's first bytes.
    public init<Bytes: Collection<UInt8>>(of prefix: Bytes) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        for byte in prefix.prefix(Self.maximumByteCount) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            count += 1
        }
        self.init(byteCount: count, hash: hash)
    }

    /// Whether `prefix`, the file's current first bytes, still starts with the bytes this
    /// fingerprint covers.
    ///
    /// - Parameter prefix: At least the file's first `byteCount` bytes, if it has them.
    /// - Returns: `false` when the file is now shorter than `byteCount` or its bytes differ.
    public func matches(_ prefix: [UInt8]) -> Bool {
        byteCount >= 0 && prefix.count >= byteCount && Fingerprint(of: prefix.prefix(byteCount)) == self
    }
}
