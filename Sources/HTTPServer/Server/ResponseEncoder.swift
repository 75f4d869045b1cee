/// Serializes a response's status line and header block.
enum ResponseEncoder {
    /// What the `Connection` field must say.
    enum ConnectionMode {
        /// HTTP/1.1 persistence is the default; nothing to send.
        case keepAliveByDefault
        /// An HTTP/1.0 client asked for keep-alive and must be told it got it.
        case keepAliveExplicit
        /// The server closes after this response.
        case close
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// The header block, ending with the empty line.
    ///
    /// The server owns framing: handler-set `Content-Length`, `Transfer-Encoding`, `Connection` and
    /// `Date` are replaced, because a wrong length would desynchronize the connection.
    static func head(for response: Response, bodyLength: Int, date: [UInt8], connection: ConnectionMode) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(response.status.code, to: &out)
        out.append(ASCII.space)
        appendSanitized(response.status.reasonPhrase, to: &out)
        out.append(contentsOf: "\r\nDate: ".utf8)
        out.append(contentsOf: date)
        out.append(contentsOf: "\r\n".utf8)
        if let encoded = response.headers.encodedFields {
            out.append(contentsOf: encoded)
        } else {
            appendFields(of: response.headers, to: &out)
        }
        if !response.status.forbidsContentLength {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(bodyLength, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        switch connection {
        case .keepAliveByDefault: break
        case .keepAliveExplicit: out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        case .close: out.append(contentsOf: "Connection: close\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        return out
    }

    /// Appends one `name: value` line per field, leaving out the fields the server owns.
    static func appendFields(of headers: HTTPHeaders, to out: inout [UInt8]) {
        for (name, value) in headers where !isFramingField(name) {
            appendSanitized(name, to: &out)
            out.append(contentsOf: ": ".utf8)
            appendSanitized(value, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
    }

    /// Whether `name` is one of the fields the server owns (compared case-insensitively, without
    /// building an array of candidates per header line).
    static func isFramingField(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: HTTPHeaders.namesMatch(name, "Date")
        case 10: HTTPHeaders.namesMatch(name, "Connection")
        case 14: HTTPHeaders.namesMatch(name, "Content-Length")
        case 17: HTTPHeaders.namesMatch(name, "Transfer-Encoding")
        default: false
        }
    }

    /// Appends a non-negative integer in decimal without making a `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "status codes and lengths are never negative")
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Copies text, turning CR, LF and other controls into spaces so a value cannot inject lines.
    private static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            out.append(byte < 0x20 && byte != ASCII.tab || byte == 0x7F ? ASCII.space : byte)
        }
    }
}
