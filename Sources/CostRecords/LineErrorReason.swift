/// Why a line did not become a record; the `reason` label of `llm_cost_exporter_line_errors_total`.
///
/// The set is closed so that the label's cardinality is fixed. The line splitter reports
/// `tooLong` and `incomplete`; the decoder reports the rest.
public enum LineErrorReason: String, CaseIterable, Sendable {
    /// Not RFC 8259 JSON: a syntax error, trailing garbage, `NaN` or `Infinity`.
    case invalidJSON = "invalid_json"
    /// Valid JSON whose top-level value is not an object.
    case notAnObject = "not_an_object"
    /// The line's bytes are not valid UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// The line is longer than the configured limit.
    case tooLong = "too_long"
    /// Objects or arrays nested deeper than the decoder allows.
    case tooDeep = "too_deep"
    /// No non-empty model string under any of the model's field names.
    case missingModel = "missing_model"
    /// A known field with a value of the wrong type or range (negative cost, fractional tokens…).
    case invalidValue = "invalid_value"
    /// A last line without its newline, dropped because its file was truncated or deleted.
    case incomplete
}
