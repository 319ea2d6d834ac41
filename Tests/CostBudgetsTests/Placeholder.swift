import Testing
@testable import CostBudgets
