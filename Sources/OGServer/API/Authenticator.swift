import Foundation
import HTTPServer
import Store

/// Finds the account behind `Authorization: Bearer og_live_…`.
struct Authenticator: Sendable {
    let store: Store

    /// - Throws: `HTTPError` 401 when the header is missing or the key unknown.
    func account(for request: Request) throws -> Account {
        guard let key = Self.presentedKey(in: request) else { throw APIError.unauthorized(APIError.missingKey) }
        guard let account = try store.account(forAPIKey: key) else {
            throw APIError.unauthorized(APIError.invalidKey)
        }
        return account
    }

    /// The token of an `Authorization: Bearer <token>` header, if the request has one.
    static func presentedKey(in request: Request) -> String? {
        guard let header = request.headers["Authorization"] else { return nil }
        // Byte-level: this runs for every API request, on the event loop for cache hits.
        let bytes = Array(header.utf8)
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = 0
        while start < bytes.count, isBlank(bytes[start]) { start += 1 }
        let scheme = Array("bearer".utf8)
        guard bytes.count - start > scheme.count,
              zip(bytes[start..<start + scheme.count], scheme).allSatisfy({ $0 | 0x20 == $1 }),
              isBlank(bytes[start + scheme.count]) else { return nil }
        var tokenStart = start + scheme.count
        while tokenStart < bytes.count, isBlank(bytes[tokenStart]) { tokenStart += 1 }
        var tokenEnd = bytes.count
        while tokenEnd > tokenStart, isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
        guard tokenStart < tokenEnd else { return nil }
        return String(decoding: bytes[tokenStart..<tokenEnd], as: UTF8.self)
    }
}
