import Testing
@testable import ConfigYAML
