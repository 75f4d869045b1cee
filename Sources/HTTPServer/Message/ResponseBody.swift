/// What a response carries after its header block.
public enum ResponseBody: Sendable {
    /// No body; `Content-Length: 0` is sent where a length is allowed.
    case empty
    /// The given bytes.
    case bytes([UInt8])
    /// `length` bytes of the file at `path` from `offset`, sent with sendfile.
    ///
    /// The file is opened when the response is ready; if it cannot be opened or is shorter than
    /// `offset + length`, the server answers with the responder's 500 instead.
    case file(path: String, offset: Int, length: Int)

    /// The number of body bytes this body declares.
    var count: Int {
        switch self {
        case .empty: 0
        case .bytes(let bytes): bytes.count
        case .file(_, _, let length): length
        }
    }
}
