import Testing
@testable import LogTailing
