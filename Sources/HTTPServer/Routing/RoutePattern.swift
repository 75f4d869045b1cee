/// A parsed route pattern such as `/renders/:name`: literal segments and `:name` captures.
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(Substring)
        case parameter(String)
    }

    let segments: [Segment]

    /// Literal segments outrank captures when two patterns match the same path.
    let literalCount: Int

    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with /: \(pattern)")
        segments = Self.split(pattern).map { part in
            part.hasPrefix(":") && part.count > 1 ? .parameter(String(part.dropFirst())) : .literal(part)
        }
        literalCount = segments.filter { if case .literal = $0 { true } else { false } }.count
    }

    /// Splits a path after its leading `/`, keeping empty segments so `/a/` does not match `/a`.
    static func split(_ path: String) -> [Substring] {
        path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The captured parameters if `pathSegments` matches this pattern, otherwise nil.
    func match(_ pathSegments: [Substring]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                guard literal == part else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = String(part)
            }
        }
        return parameters
    }
}
