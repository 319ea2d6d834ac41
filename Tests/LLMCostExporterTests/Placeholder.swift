import Testing
@testable import LLMCostExporter
