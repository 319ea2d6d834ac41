/// The JSON lines the reliability tests write: one call each, numbered, for one of three
/// models whose costs are powers of two, so every sum of them is exact in binary.
enum NumberedLine {
    /// The models, by index; line `seq` names `models[seq % 3]` unless told otherwise.
    static let models = ["m0", "m1", "m2"]
    /// What one call to each model costs, in USD.
    static let costUSD: [String: Double] = ["m0": 0.25, "m1": 0.5, "m2": 0.125]

    /// The line numbered `seq` for `model`, `\n` included.
    static func line(seq: Int, model: String) -> String {
        #"{"model":"\#(model)","cost":\#(costUSD[model] ?? 0),"seq":\#(seq)}"# + "\n"
    }

    /// The line numbered `seq`, for the model `seq` picks.
    static func line(seq: Int) -> String {
        line(seq: seq, model: model(ofSeq: seq))
    }

    /// The model of the line numbered `seq`.
    static func model(ofSeq seq: Int) -> String {
        models[seq % models.count]
    }
}
