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
        if target.utf8.first == UInt8(ascii: "/") {
            if let mark = ASCII.firstIndex(of: UInt8(ascii: "?"), in: target) { return String(target[..<mark]) }
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
        for value in contentLengths {
            try contentLength(value, agreeingWith: &length)
        }
        return .contentLength(length ?? 0)
    }

    /// Reads the comma-separated lengths of one Content-Length line into `length`, in one pass over
    /// its bytes (every request with a body goes through here). Elements are trimmed of blanks; empty
    /// ones between commas are skipped; all must be the same decimal number.
    private static func contentLength(_ value: String, agreeingWith length: inout Int?) throws(HTTPParseError) {
        var elementBytes = 0
        var digits = 0
        var parsed = 0
        var afterDigits = false
        func finishElement() throws(HTTPParseError) {
            defer { elementBytes = 0; digits = 0; parsed = 0; afterDigits = false }
            guard elementBytes > 0 else { return }
            guard digits > 0 else { throw .malformed }
            // Eighteen digits fit in Int; anything longer is certainly over the body limit.
            guard digits <= 18 else { throw .bodyTooLarge }
            if let length, length != parsed { throw .malformed }
            length = parsed
        }
        for byte in value.utf8 {
            if byte == UInt8(ascii: ",") {
                try finishElement()
                continue
            }
            elementBytes += 1
            if ASCII.isWhitespace(byte) {
                if digits > 0 { afterDigits = true }
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), !afterDigits {
                digits += 1
                if digits <= 18 { parsed = parsed * 10 + Int(byte - UInt8(ascii: "0")) }
            } else {
                throw .malformed
            }
        }
        try finishElement()
    }

    /// Comma-separated list elements, trimmed and lowercased (RFC 9110 §5.6.1).
    private static func tokens(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }
}
