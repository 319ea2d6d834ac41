import Foundation

/// SplitMix64: a small, fast generator whose whole sequence follows from its seed, so a
/// failing random schedule or program can be replayed from the seed it prints.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator that yields the sequence of `seed`.
    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The seed to use: `RELIABILITY_SEED` from the environment when set (to replay a
    /// failure), else `fallback`.
    static func seed(default fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["RELIABILITY_SEED"].flatMap { UInt64($0) } ?? fallback
    }
}
