import HTTPServer

/// The OGPipe error messages, worded as the product documents them where it gives wording.
enum APIError {
    static let eitherTemplateOrHTML = "Provide either \"template\" (with \"data\") or raw \"html\"."
    static let missingKey = "Missing API key. Include header: Authorization: Bearer og_live_xxxxx"
    static let invalidKey = "Invalid API key. Include a valid header: Authorization: Bearer og_live_xxxxx"

    static func badRequest(_ message: String) -> HTTPError {
        HTTPError(.badRequest, message, headers: noStore)
    }

    static func unauthorized(_ message: String) -> HTTPError {
        var headers = noStore
        headers.set("WWW-Authenticate", "Bearer")
        return HTTPError(.unauthorized, message, headers: headers)
    }

    static var noStore: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.set("Cache-Control", "no-store")
        return headers
    }

    /// `{"error": message}` with the status, the body every OGPipe error carries.
    static func response(_ status: HTTPStatus, message: String) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json")
        return Response(status: status, headers: headers, body: .bytes(JSONWriter.bytes(.object([("error", .string(message))]))))
    }
}

extension Response {
    /// A JSON response with `Cache-Control: no-store` (API answers are per caller and never cached).
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> Response {
        json(bytes: JSONWriter.bytes(value), status: status)
    }

    /// A JSON response from bytes already serialized, with the same headers as ``json(_:status:)``.
    static func json(bytes: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: jsonHeaders, body: .bytes(bytes))
    }

    /// Built once: every API answer carries the same two fields.
    private static let jsonHeaders: HTTPHeaders = ["Content-Type": "application/json", "Cache-Control": "no-store"]
}
