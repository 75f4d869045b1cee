/// Why a request could not be parsed. Each case maps to one status in `status`.
enum HTTPParseError: Error, Equatable, Sendable {
    /// Syntax or framing the server refuses (RFC 9112 §2.2, §6.3).
    case malformed
    /// The request line and header block (or the chunked trailers) exceed `maxHeaderBytes`.
    case headerTooLarge
    /// The body exceeds `maxBodyBytes`, declared or while streaming.
    case bodyTooLarge
    /// The request-target exceeds `RequestParser.Limits.maxTargetBytes`.
    case uriTooLong
    /// A transfer coding other than `chunked` (RFC 9112 §6.1: 501).
    case unsupportedTransferCoding
    /// Not HTTP/1.x.
    case unsupportedVersion

    /// The one place parse errors become statuses.
    var status: HTTPStatus {
        switch self {
        case .malformed: .badRequest
        case .headerTooLarge: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .uriTooLong: .uriTooLong
        case .unsupportedTransferCoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        }
    }
}
