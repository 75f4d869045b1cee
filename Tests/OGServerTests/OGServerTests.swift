import Testing
@testable import OGServer
