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
    /// `length` bytes from `offset` of a file the responder already holds open, sent with sendfile.
    ///
    /// For files served again and again (an open-file cache): the server neither opens the file nor
    /// closes it, only keeps a reference until the bytes are written. A range beyond the file's size
    /// when it was opened gets the responder's 500.
    case openFile(OpenFile, offset: Int, length: Int)

    /// The number of body bytes this body declares.
    var count: Int {
        switch self {
        case .empty: 0
        case .bytes(let bytes): bytes.count
        case .file(_, _, let length), .openFile(_, _, let length): length
        }
    }

    /// Whether the body comes from a file, which error responses built on the loop must not carry.
    var isFile: Bool {
        switch self {
        case .file, .openFile: true
        case .empty, .bytes: false
        }
    }
}
