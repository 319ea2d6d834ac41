/// A series' labels, escaped and rendered once as `name="value",name="value"`.
///
/// Rendering when the series is created, not at every scrape, keeps a scrape down to
/// appending bytes. Ordering of the pairs is the caller's: it is kept as given.
public struct LabelSet: Sendable, Hashable {
    /// The rendered pairs, without the surrounding braces.
    public let rendered: [UInt8]

    /// No labels at all.
    public static let empty = LabelSet(rendered: [])

    /// Renders label pairs.
    ///
    /// - Parameter pairs: Label names (valid, checked by the caller once) and raw values;
    ///   values are escaped here.
    public init(_ pairs: [(name: String, value: String)]) {
        var bytes: [UInt8] = []
        for (index, pair) in pairs.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: pair.name.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            Self.appendEscapedValue(pair.value.utf8, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        self.rendered = bytes
    }

    private init(rendered: [UInt8]) {
        self.rendered = rendered
    }

    /// Whether there are no labels.
    public var isEmpty: Bool { rendered.isEmpty }

    /// Appends a label value escaped as the text format requires: `\` → `\\`, `"` → `\"`, newline → `\n`.
    public static func appendEscapedValue(_ value: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in value {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            default: bytes.append(byte)
            }
        }
    }
}
