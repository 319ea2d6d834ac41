import Testing
@testable import CostRecords
