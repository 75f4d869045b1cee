import Foundation

extension RequestHead {
    /// Validates the request's framing and connection semantics from its header fields.
    init(method: HTTPMethod, target: String, version: (major: Int, minor: Int), headers: HTTPHeaders) throws(HTTPParseError) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.path = try Self.path(of: target, method: method)

        // RFC 9112 §3.2: a 1.1 request without exactly one Host is a 400.
        let hosts = headers.values(for: "Host")
        if hosts.count > 1 || (version.minor >= 1 && hosts.isEmpty) { throw .malformed }

        framing = try Self.framing(headers: headers, version: version)

        let connection = Self.tokens(headers.values(for: "Connection"))
        if connection.contains("close") {
            keepAlive = false
        } else {
            keepAlive = version.minor >= 1 || connection.contains("keep-alive")
        }

        let expectations = Self.tokens(headers.values(for: "Expect"))
        expectsContinue = expectations.contains("100-continue") && framing != .none && framing != .contentLength(0)
    }

    /// The path of an origin-form or absolute-form target (RFC 9112 §3.2).
    private static func path(of target: String, method: HTTPMethod) throws(HTTPParseError) -> String {
        if target.hasPrefix("/") {
            if let mark = target.firstIndex(of: "?") { return String(target[..<mark]) }
            return target
        }
        if target == "*" && method == .options { return target }
        let lowered = target.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            let afterScheme = target.dropFirst(scheme.count)
            guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
            let rest = afterScheme[slash...]
            if let mark = rest.firstIndex(of: "?") { return String(rest[..<mark]) }
            return String(rest)
        }
        throw .malformed
    }

    /// RFC 9112 §6.1–6.3: only `chunked` is understood; a Transfer-Encoding next to a
    /// Content-Length, or Content-Length values that disagree, make the framing ambiguous.
    private static func framing(headers: HTTPHeaders, version: (major: Int, minor: Int)) throws(HTTPParseError) -> Framing {
        let transferEncodings = headers.values(for: "Transfer-Encoding")
        let contentLengths = headers.values(for: "Content-Length")
        if !transferEncodings.isEmpty {
            guard contentLengths.isEmpty, version.minor >= 1 else { throw .malformed }
            let codings = tokens(transferEncodings)
            guard !codings.isEmpty else { throw .malformed }
            guard codings == ["chunked"] else { throw .unsupportedTransferCoding }
            return .chunked
        }
        guard !contentLengths.isEmpty else { return .none }
        var length: Int?
        for value in contentLengths.flatMap({ $0.split(separator: ",") }) {
            let digits = value.utf8.drop { ASCII.isWhitespace($0) }.reversed().drop { ASCII.isWhitespace($0) }.reversed()
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                throw .malformed
            }
            // Eighteen digits fit in Int; anything longer is certainly over the body limit.
            guard digits.count <= 18 else { throw .bodyTooLarge }
            let parsed = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if let length, length != parsed { throw .malformed }
            length = parsed
        }
        return .contentLength(length ?? 0)
    }

    /// Comma-separated list elements, trimmed and lowercased (RFC 9110 §5.6.1).
    private static func tokens(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }
}
