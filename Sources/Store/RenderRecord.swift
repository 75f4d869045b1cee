import Foundation
import SQLite

/// One `renders` row, minus the spec.
struct RenderRecord {
    /// The columns ``init(row:)`` reads, in order.
    static let columns = "format, byte_count, content_digest, created, expires, file_present"

    var format: ImageFormat
    var byteCount: Int64
    var contentDigest: String
    var created: Date
    var expires: Date
    /// False once the sweeper has removed the file; the row stays for ``Store/spec(for:)``.
    var filePresent: Bool

    /// Decodes a row selected with ``columns``.
    init(row: Row) throws {
        guard let format = ImageFormat(rawValue: try row.text(0)) else {
            throw StoreError.database("unknown image format in the index")
        }
        self.format = format
        self.byteCount = try row.integer(1)
        self.contentDigest = try row.text(2)
        self.created = try row.date(3)
        self.expires = try row.date(4)
        self.filePresent = try row.integer(5) != 0
    }
}
