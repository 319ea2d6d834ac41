/// The JSON lines the scenarios write: one call each, named by its model.
package enum CostLine {
    /// What every call costs, in USD; a power of two, so sums are exact.
    package static let costUSD = 0.25

    /// One successful call to `model` (provider `openai`), `\n` included.
    package static func record(model: String) -> String {
        #"{"provider":"openai","model":"\#(model)","cost":0.25,"latency":0.5,"status":"success"}"#
            + "\n"
    }

    /// `count` such lines.
    package static func records(_ count: Int, model: String) -> String {
        String(repeating: record(model: model), count: count)
    }

    /// A line that is valid JSON but `padding` bytes longer than a plain record.
    package static func padded(model: String, padding: Int) -> String {
        #"{"provider":"openai","model":"\#(model)","cost":0.25,"note":""#
            + String(repeating: "x", count: padding)
            + "\"}\n"
    }
}
