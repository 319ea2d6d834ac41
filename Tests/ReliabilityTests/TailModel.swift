/// The in-memory model of "each complete line once" that the model-based test holds the real
/// exporter to.
///
/// The rules hold given what the runner does: it lets the exporter catch up (every byte
/// written read, every line counted) before each step that removes bytes from the matched
/// files (rotation to an unmatched name, truncation, deletion, recreation, symlink swap), and
/// a SIGKILL after such a step first waits for a state save that follows it. A crash can only
/// give back what the matched files still hold or a saved identity finds again: a file created
/// and rotated to an unmatched name between two saves is unknown to the state, so its lines
/// would be lost by a crash before the next save (a pattern that matches the rotated names,
/// as the kill -9 test uses, avoids that). Then:
/// - a line is counted once it is complete (its `\n` written), in whatever file it is;
/// - an unfinished line in a file that is truncated, deleted or recreated is dropped and
///   counted as one line with `reason="incomplete"`;
/// - an unfinished line is finished before a rotation or a symlink swap (as a logger flushes
///   before it rotates), so rotations never drop anything;
/// - restarts change nothing: SIGTERM saves everything, SIGKILL loses only what the files
///   still hold and the restart reads again.
struct TailModel {
    /// The complete lines written, by model.
    private(set) var requests: [String: Int] = [:]
    /// Unfinished lines dropped.
    private(set) var incomplete = 0
    /// The rest of each slot's unfinished line, and its model.
    private(set) var unfinished: [TailProgram.Slot: (rest: String, model: String)] = [:]
    /// The number of the next line.
    private(set) var nextSeq = 0

    /// What the exporter must show.
    var expected: CountedTotals { CountedTotals(requests: requests, incomplete: incomplete) }

    /// The text that finishes `slot`'s unfinished line (empty if none), now counted.
    mutating func finish(_ slot: TailProgram.Slot) -> String {
        guard let (rest, model) = unfinished.removeValue(forKey: slot) else { return "" }
        requests[model, default: 0] += 1
        return rest
    }

    /// `count` new complete lines, now counted.
    mutating func lines(_ count: Int) -> String {
        (0..<count).map { _ in
            let seq = nextSeq
            nextSeq += 1
            requests[NumberedLine.model(ofSeq: seq), default: 0] += 1
            return NumberedLine.line(seq: seq)
        }.joined()
    }

    /// The first part of a new line for `slot`, which stays unfinished.
    mutating func firstPart(for slot: TailProgram.Slot) -> String {
        let seq = nextSeq
        nextSeq += 1
        let line = Array(NumberedLine.line(seq: seq))
        // Anywhere from one byte to all but the newline.
        let cut = 1 + (seq * 7) % (line.count - 1)
        unfinished[slot] = (String(line[cut...]), NumberedLine.model(ofSeq: seq))
        return String(line[..<cut])
    }

    /// `slot`'s file loses its bytes (truncated, deleted, replaced): its unfinished line, if
    /// any, is dropped and counted.
    ///
    /// - Returns: Whether an unfinished line was dropped.
    @discardableResult
    mutating func dropUnfinished(in slot: TailProgram.Slot) -> Bool {
        guard unfinished.removeValue(forKey: slot) != nil else { return false }
        incomplete += 1
        return true
    }
}
