import Foundation

/// The payload of a `data:` URI (RFC 2397): `data:[<mediatype>][;base64],<data>`.
enum DataURI {
    /// The decoded bytes, or nil when `uri` is not a well-formed data URI.
    static func decode(_ uri: String) -> [UInt8]? {
        guard uri.count > 5, uri.prefix(5).lowercased() == "data:", let comma = uri.firstIndex(of: ",") else { return nil }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma].lowercased()
        let payload = uri[uri.index(after: comma)...]
        if header.hasSuffix(";base64") {
            // CSS and HTML often wrap long URIs; base64 ignores white space.
            let compact = payload.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: String(compact)) else { return nil }
            return [UInt8](data)
        }
        guard let text = String(payload).removingPercentEncoding else { return nil }
        return Array(text.utf8)
    }
}
