import ExporterTestSupport

/// A random program of file operations for the model-based test: what a busy application
/// and its log rotation do to the tailed files, and restarts of the exporter in between.
struct TailProgram: CustomStringConvertible {
    /// A file the program writes: two plain log files and a symlink the pattern matches.
    enum Slot: String, CaseIterable {
        /// `logs/a.jsonl`.
        case a
        /// `logs/b.jsonl`.
        case b
        /// `logs/l.jsonl`, a symlink to `targets/tN.log`.
        case link

        /// The plain files, which rotations, truncations and deletions act on.
        static let plain: [Slot] = [.a, .b]
    }

    /// One operation.
    enum Step: CustomStringConvertible {
        /// Appends `count` whole lines (after finishing the slot's unfinished line, if any).
        case writeLines(Slot, count: Int)
        /// Finishes the slot's unfinished line, if any, then writes the first part of a new one.
        case writePartial(Slot)
        /// Renames the file to `NAME.N` (no longer matched); the next write creates a new one.
        /// An unfinished line is finished first, as a logger flushes before it rotates.
        case rotate(Slot)
        /// Copies the file to `NAME.cN`, then truncates it in place.
        case copyTruncate(Slot)
        /// Deletes the file.
        case delete(Slot)
        /// Deletes the file if there is one and creates it again with `lines` lines.
        case recreate(Slot, lines: Int)
        /// Points the symlink at a new target holding `lines` lines (atomically, by rename).
        case swapLink(lines: Int)
        /// Stops the exporter with SIGKILL or SIGTERM and starts it again on its state file.
        case restart(kill: Bool)

        var description: String {
            switch self {
            case .writeLines(let slot, let count): "writeLines(\(slot), \(count))"
            case .writePartial(let slot): "writePartial(\(slot))"
            case .rotate(let slot): "rotate(\(slot))"
            case .copyTruncate(let slot): "copyTruncate(\(slot))"
            case .delete(let slot): "delete(\(slot))"
            case .recreate(let slot, let lines): "recreate(\(slot), \(lines))"
            case .swapLink(let lines): "swapLink(\(lines))"
            case .restart(let kill): kill ? "restart(SIGKILL)" : "restart(SIGTERM)"
            }
        }
    }

    /// The seed the program was made from.
    let seed: UInt64
    /// The steps, in order.
    let steps: [Step]

    /// A program of `length` steps drawn from `seed`.
    init(seed: UInt64, length: Int) {
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        let weighted: [(weight: Int, make: (inout SeededGenerator) -> Step)] = [
            (
                30,
                {
                    .writeLines(Slot.allCases.randomElement(using: &$0) ?? .a, count: Int.random(in: 1...3, using: &$0))
                }
            ),
            (12, { .writePartial(Slot.allCases.randomElement(using: &$0) ?? .a) }),
            (8, { .rotate(Slot.plain.randomElement(using: &$0) ?? .a) }),
            (8, { .copyTruncate(Slot.plain.randomElement(using: &$0) ?? .a) }),
            (6, { .delete(Slot.plain.randomElement(using: &$0) ?? .a) }),
            (8, { .recreate(Slot.plain.randomElement(using: &$0) ?? .a, lines: Int.random(in: 0...2, using: &$0)) }),
            (7, { .swapLink(lines: Int.random(in: 0...2, using: &$0)) }),
            (6, { _ in .restart(kill: false) }),
            (9, { _ in .restart(kill: true) }),
        ]
        let total = weighted.reduce(0) { $0 + $1.weight }
        steps = (0..<length).map { _ in
            var pick = Int.random(in: 0..<total, using: &random)
            for entry in weighted {
                if pick < entry.weight { return entry.make(&random) }
                pick -= entry.weight
            }
            return .writeLines(.a, count: 1)
        }
    }

    var description: String {
        "seed \(seed): " + steps.map(\.description).joined(separator: ", ")
    }
}
