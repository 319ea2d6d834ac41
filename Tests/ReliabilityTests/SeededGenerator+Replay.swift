import ExporterTestSupport
import Foundation

extension SeededGenerator {
    /// The seed to use: `RELIABILITY_SEED` from the environment when set (to replay a
    /// failure), else `fallback`.
    static func seed(default fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["RELIABILITY_SEED"].flatMap { UInt64($0) } ?? fallback
    }
}
