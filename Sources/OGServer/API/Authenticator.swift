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
        guard let header = request.headers["Authorization"]?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            return nil
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
