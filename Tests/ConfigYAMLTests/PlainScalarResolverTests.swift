import Testing

@testable import ConfigYAML

/// How plain scalars resolve: the forms on which PyYAML and YAML 1.2 agree, and strings.
@Suite struct PlainScalarResolverTests {
    static let accepted: [(String, YAMLScalar)] = [
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("0", .int(0)), ("-0", .int(0)), ("+7", .int(7)), ("-42", .int(-42)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("1.5", .float(1.5)), ("-0.25", .float(-0.25)), ("1.", .float(1)), (".5", .float(0.5)),
        ("7.5e-06", .float(7.5e-06)), ("2.0E+3", .float(2000)), (".5e+1", .float(5)),
        ("nULL", .string("nULL")), ("tRUE", .string("tRUE")), ("1.2.3", .string("1.2.3")),
        ("15s", .string("15s")), ("Infinity", .string("Infinity")), ("0xZZ", .string("0xZZ")),
        ("+", .string("+")), (".", .string(".")), ("2024-1", .string("2024-1")),
    ]

    @Test(arguments: accepted) func resolves(_ text: String, _ expected: YAMLScalar) {
        #expect(PlainScalarResolver.resolve(text) == .scalar(expected))
    }

    static let rejected = [
        "yes", "No", "ON", "off", "y", "N", "0x10", "0o7", "0b1", "010", "09", "1_0", "-1:20", "1:20.5",
        "1e3", "1E-3", "1.5e3", "+.5", "-.5", ".inf", "-.Inf", ".nan", "2001-12-14", "2001-12-14 21:59:43.10 -5",
        "<<", "=",
    ]

    @Test(arguments: rejected) func rejects(_ text: String) {
        guard case .rejected = PlainScalarResolver.resolve(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
    }
}
