import Testing

/// The stress tests of issue 8 against the real binary, one at a time.
///
/// Each one loads both cores of a small machine and measures the exporter's descriptors,
/// memory or latency; run side by side they would measure each other. Their suites are nested
/// here so that `.serialized` covers them all.
@Suite("Stress", .serialized)
struct StressTests {}
