import Foundation

/// The outcome of a request's conditional header fields for a stored representation.
public enum PreconditionOutcome: Equatable, Sendable {
    /// Send the representation.
    case proceed
    /// 304: the client's copy is current.
    case notModified
    /// 412: a precondition the client required is false.
    case failed
}

/// Evaluates If-Match, If-Unmodified-Since, If-None-Match and If-Modified-Since for GET and HEAD,
/// in the order RFC 9110 §13.2.2 prescribes.
public enum Preconditions {
    /// The outcome for a representation with `etag` (quoted, strong) last modified at `lastModified`.
    ///
    /// Call it only when the unconditional answer would be 2xx (§13.2.1); Range and If-Range are
    /// not evaluated, because `/renders` ignores Range (§14.2) and says `Accept-Ranges: none`.
    public static func evaluate(_ headers: HTTPHeaders, etag: String, lastModified: Date) -> PreconditionOutcome {
        // Most requests carry no conditional field at all; one pass over the names settles that
        // before the four lookups below.
        guard headers.contains(where: { isConditional($0.name) }) else { return .proceed }
        let ifMatch = headers.values(for: "If-Match")
        if !ifMatch.isEmpty {
            // §13.1.1: strong comparison; a weak tag never matches.
            if !matches(ifMatch, etag: etag, weak: false) { return .failed }
        } else if let text = headers["If-Unmodified-Since"], let date = HTTPDate.parse(text) {
            if wholeSeconds(lastModified) > date { return .failed }
        }
        let ifNoneMatch = headers.values(for: "If-None-Match")
        if !ifNoneMatch.isEmpty {
            // §13.1.2: weak comparison.
            return matches(ifNoneMatch, etag: etag, weak: true) ? .notModified : .proceed
        }
        if let text = headers["If-Modified-Since"], let date = HTTPDate.parse(text) {
            return wholeSeconds(lastModified) <= date ? .notModified : .proceed
        }
        return .proceed
    }

    /// Whether any entity tag in the field lines matches `etag` (a quoted strong tag).
    public static func matches(_ lines: [String], etag: String, weak: Bool) -> Bool {
        for line in lines {
            for member in line.split(separator: ",") {
                let candidate = member.trimmingCharacters(in: .whitespaces)
                if candidate == "*" { return true }
                if candidate.hasPrefix("W/") {
                    if weak, candidate.dropFirst(2) == etag { return true }
                } else if candidate == etag {
                    return true
                }
            }
        }
        return false
    }

    /// Whether a field name starts with `If-` (any case), as all four conditional fields do.
    private static func isConditional(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        return bytes.next().map(ASCII.lowercased) == UInt8(ascii: "i") && bytes.next().map(ASCII.lowercased) == UInt8(ascii: "f")
            && bytes.next() == UInt8(ascii: "-")
    }

    /// HTTP dates carry whole seconds, so compare at that precision.
    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
