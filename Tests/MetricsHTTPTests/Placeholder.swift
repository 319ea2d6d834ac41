import Testing
@testable import MetricsHTTP
