import Testing
@testable import HTTPServer

/// The byte-walking matcher against the plain definition: split both at `/`, keeping empty
/// segments, and compare segment by segment.
struct RoutePatternTests {
    /// The reference: what a pattern means, written the obvious way.
    static func referenceMatch(_ pattern: String, _ path: String) -> [String: String]? {
        guard path.hasPrefix("/") else { return nil }
        let patternParts = pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let pathParts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        guard patternParts.count == pathParts.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, part) in zip(patternParts, pathParts) {
            if expected.hasPrefix(":") && expected.count > 1 {
                guard !part.isEmpty else { return nil }
                parameters[String(expected.dropFirst())] = String(part)
            } else if expected != part {
                return nil
            }
        }
        return parameters
    }

    static let patterns = ["/", "/renders/:name", "/renders/latest", "/images", "/a/:x/c", "/:y/b", "/a/", "/:only",
                           "/a//b", "/:"]
    static let paths = [
        "/", "//", "/renders", "/renders/", "/renders/x", "/renders/latest", "/renders/ab%2Fcd.png", "/renders/a/b",
        "/renders/\(String(repeating: "a", count: 64)).png", "/images", "/images/", "/imagesX", "/image", "/a", "/a/",
        "/a/b", "/a/b/c", "/a/b/c/", "/a//c", "/a//b", "/z/b", "/z/b/", "/:", "/é/b", "*", "", "renders/x",
    ]

    @Test(arguments: patterns)
    func byteMatcherAgreesWithSplitting(pattern: String) {
        let compiled = RoutePattern(pattern)
        for path in Self.paths {
            var bytes = path
            let (matches, parameters) = bytes.withUTF8 { (compiled.matches($0), compiled.parameters(in: $0)) }
            let expected = Self.referenceMatch(pattern, path)
            #expect(parameters == expected, "\(pattern) against \(path)")
            #expect(matches == (expected != nil), "\(pattern) against \(path)")
        }
    }

    @Test func literalsAreCountedForPrecedence() {
        #expect(RoutePattern("/renders/:name").literalCount == 1)
        #expect(RoutePattern("/renders/latest").literalCount == 2)
        #expect(RoutePattern("/:a/:b").literalCount == 0)
    }
}
