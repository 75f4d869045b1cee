/// A parsed route pattern such as `/renders/:name`: literal segments and `:name` captures.
///
/// Matching walks the path's bytes once, segment by segment, without splitting it into strings;
/// only the route the router picks turns its captures into `String`s.
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal([UInt8])
        case parameter(String)
    }

    let segments: [Segment]

    /// Literal segments outrank captures when two patterns match the same path.
    let literalCount: Int

    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with /: \(pattern)")
        // Empty segments are kept, so `/a/` is a different pattern from `/a`.
        let parts = pattern.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        segments = parts.map { part in
            part.first == UInt8(ascii: ":") && part.count > 1
                ? .parameter(String(decoding: part.dropFirst(), as: UTF8.self)) : .literal(Array(part))
        }
        literalCount = segments.filter { if case .literal = $0 { true } else { false } }.count
    }

    /// Whether `path` (an origin-form path starting with `/`) matches this pattern.
    func matches(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        walk(path) { _, _ in }
    }

    /// The captured parameters if `path` matches this pattern, otherwise nil.
    func parameters(in path: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var parameters: [String: String] = [:]
        let matched = walk(path) { name, value in
            parameters[name] = String(decoding: UnsafeBufferPointer(rebasing: path[value]), as: UTF8.self)
        }
        return matched ? parameters : nil
    }

    /// Matches `path` segment by segment, reporting each capture's byte range.
    ///
    /// A path segment ends at the next `/` or at the end; the path must end exactly where the last
    /// segment does, and a capture is never empty.
    private func walk(_ path: UnsafeBufferPointer<UInt8>, capture: (String, Range<Int>) -> Void) -> Bool {
        guard path.first == UInt8(ascii: "/") else { return false }
        var start = 1
        for (position, segment) in segments.enumerated() {
            var end = start
            while end < path.count && path[end] != UInt8(ascii: "/") { end += 1 }
            switch segment {
            case .literal(let literal):
                guard end - start == literal.count, literal.elementsEqual(path[start..<end]) else { return false }
            case .parameter(let name):
                guard end > start else { return false }
                capture(name, start..<end)
            }
            if position == segments.count - 1 {
                guard end == path.count else { return false }
            } else {
                guard end < path.count else { return false }
                start = end + 1
            }
        }
        return true
    }
}
