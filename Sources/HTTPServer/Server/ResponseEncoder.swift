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
        out.append(contentsOf: "HTTP/1.1 \(response.status.code) ".utf8)
        appendSanitized(response.status.reasonPhrase, to: &out)
        out.append(contentsOf: "\r\nDate: ".utf8)
        out.append(contentsOf: date)
        out.append(contentsOf: "\r\n".utf8)
        for (name, value) in response.headers where !isFramingField(name) {
            appendSanitized(name, to: &out)
            out.append(contentsOf: ": ".utf8)
            appendSanitized(value, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        if !response.status.forbidsContentLength {
            out.append(contentsOf: "Content-Length: \(bodyLength)\r\n".utf8)
        }
        switch connection {
        case .keepAliveByDefault: break
        case .keepAliveExplicit: out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        case .close: out.append(contentsOf: "Connection: close\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        return out
    }

    private static func isFramingField(_ name: String) -> Bool {
        ["Content-Length", "Transfer-Encoding", "Connection", "Date"].contains { HTTPHeaders.namesMatch($0, name) }
    }

    /// Copies text, turning CR, LF and other controls into spaces so a value cannot inject lines.
    private static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            out.append(byte < 0x20 && byte != ASCII.tab || byte == 0x7F ? ASCII.space : byte)
        }
    }
}
