import Testing
@testable import PrometheusFormat
