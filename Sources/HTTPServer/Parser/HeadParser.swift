/// Parses one complete request line and header block (RFC 9112 §3, §5) into a `RequestHead`.
struct HeadParser {
    let bytes: ArraySlice<UInt8>
    let limits: RequestParser.Limits

    init(bytes: ArraySlice<UInt8>, limits: RequestParser.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    func parse() throws(HTTPParseError) -> RequestHead {
        let lines = splitLines()
        guard let requestLine = lines.first else { throw .malformed }
        let (method, target, version) = try parseRequestLine(bytes[requestLine])
        let headers = try parseFields(lines.dropFirst())
        return try RequestHead(method: method, target: target, version: version, headers: headers)
    }

    /// Line ranges without their CRLF/LF, excluding the final empty line.
    private func splitLines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(16)
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == ASCII.lf {
            var end = index
            if end > lineStart && bytes[end - 1] == ASCII.cr { end -= 1 }
            if end > lineStart { lines.append(lineStart..<end) }
            lineStart = index + 1
        }
        return lines
    }

    private func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (HTTPMethod, String, (Int, Int)) {
        // method SP target SP version; found by index rather than by splitting into an array.
        guard let firstSpace = line.firstIndex(of: ASCII.space) else { throw .malformed }
        let afterMethod = line[(firstSpace + 1)...]
        guard let secondSpace = afterMethod.firstIndex(of: ASCII.space) else {
            if afterMethod.count > limits.maxTargetBytes { throw .uriTooLong }
            throw .malformed
        }
        let method = line[..<firstSpace]
        let target = line[(firstSpace + 1)..<secondSpace]
        guard !method.isEmpty, method.allSatisfy(ASCII.isTokenCharacter) else { throw .malformed }
        guard target.count <= limits.maxTargetBytes else { throw .uriTooLong }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .malformed }
        let version = try parseVersion(line[(secondSpace + 1)...])
        return (HTTPMethod(rawValue: String(decoding: method, as: UTF8.self)),
                String(decoding: target, as: UTF8.self), version)
    }

    /// Accepts `HTTP/1.x`; anything else, including HTTP/2 prefaces and garbage, is a version
    /// this server does not speak.
    private func parseVersion(_ field: ArraySlice<UInt8>) throws(HTTPParseError) -> (Int, Int) {
        let start = field.startIndex
        guard field.count == 8, field.starts(with: "HTTP/".utf8), field[start + 6] == UInt8(ascii: "."),
              let major = Self.digit(field[start + 5]), let minor = Self.digit(field[start + 7]) else {
            throw .unsupportedVersion
        }
        guard major == 1 else { throw .unsupportedVersion }
        return (major, minor)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private func parseFields(_ lines: ArraySlice<Range<Int>>) throws(HTTPParseError) -> HTTPHeaders {
        // Values stay slices of the head until the end (an obs-fold copies just its own field).
        var fields: [(name: String, value: ArraySlice<UInt8>)] = []
        fields.reserveCapacity(lines.count)
        for range in lines {
            let line = bytes[range]
            if ASCII.isWhitespace(line[line.startIndex]) {
                // obs-fold (RFC 9112 §5.2): replace the fold with a single space.
                guard !fields.isEmpty else { throw .malformed }
                let continuation = Self.trimmed(line)
                guard continuation.allSatisfy(ASCII.isFieldValueCharacter) else { throw .malformed }
                if !continuation.isEmpty {
                    if !fields[fields.count - 1].value.isEmpty { fields[fields.count - 1].value.append(ASCII.space) }
                    fields[fields.count - 1].value.append(contentsOf: continuation)
                }
                continue
            }
            guard let colon = line.firstIndex(of: ASCII.colon) else { throw .malformed }
            let name = line[line.startIndex..<colon]
            // No whitespace is allowed between the name and the colon (RFC 9112 §5.1).
            guard !name.isEmpty, name.allSatisfy(ASCII.isTokenCharacter) else { throw .malformed }
            let value = Self.trimmed(line[(colon + 1)...])
            guard value.allSatisfy(ASCII.isFieldValueCharacter) else { throw .malformed }
            fields.append((String(decoding: name, as: UTF8.self), value))
            guard fields.count <= limits.maxHeaderFields else { throw .headerTooLarge }
        }
        var headers = HTTPHeaders()
        for field in fields { headers.add(field.name, String(decoding: field.value, as: UTF8.self)) }
        return headers
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, ASCII.isWhitespace(first) { slice.removeFirst() }
        while let last = slice.last, ASCII.isWhitespace(last) { slice.removeLast() }
        return slice
    }
}
