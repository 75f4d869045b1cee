/// A complete request as the parser hands it to a connection.
struct ParsedRequest: Sendable {
    var request: Request
    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    var keepAlive: Bool
}
