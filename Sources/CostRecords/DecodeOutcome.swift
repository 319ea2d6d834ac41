/// What decoding one line gave: exactly one record or exactly one counted reason.
public enum DecodeOutcome {
    /// A record; its text fields are valid until the decoder's next call.
    case record(CostRecord)
    /// The line is not a record, for this reason.
    case failure(LineErrorReason)
}
