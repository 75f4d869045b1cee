/// An incremental HTTP/1.1 request parser over bytes.
///
/// Bytes go in with `append(_:)` in whatever pieces the socket delivers; `next()` returns each
/// complete request in order, or nil when it needs more bytes. Pipelined requests simply stay in the
/// buffer until `next()` is called again. After an error the parser is unusable: the connection
/// answers the error and closes (RFC 9112 §9.6 leaves no way to find the next request boundary).
struct RequestParser {
    /// Size limits; see `ServerConfiguration`.
    struct Limits: Sendable {
        var maxHeaderBytes: Int
        var maxBodyBytes: Int
        /// RFC 9112 §3 recommends supporting at least 8000 octets of request line.
        var maxTargetBytes: Int = 8 * 1024
        var maxHeaderFields: Int = 256
        /// A chunk-size line is a hex number plus extensions; longer lines are abuse.
        var maxChunkLineBytes: Int = 1024
    }

    private enum State {
        case head
        case fixedBody(RequestHead, remaining: Int)
        case chunkSize(RequestHead)
        case chunkData(RequestHead, remaining: Int)
        case chunkDataEnd(RequestHead)
        case trailers(RequestHead, bytesSeen: Int)
    }

    /// The largest buffer kept between requests.
    static let retainedCapacity = 4096

    let limits: Limits
    private var buffer: [UInt8] = []
    /// Index of the first unconsumed byte.
    private var start = 0
    private var state = State.head
    private var body: [UInt8] = []
    /// Where the search for the end of the header block resumes, and the start of the line it is in.
    private var scanPosition = 0
    private var lineStart = 0
    private var continueSent = false

    init(limits: Limits) {
        self.limits = limits
    }

    /// Whether no bytes of a further request have arrived.
    var isIdle: Bool {
        if case .head = state { return start == buffer.count }
        return false
    }

    /// Whether a request's header block has started but not finished.
    var isReadingHead: Bool {
        if case .head = state { return start < buffer.count }
        return false
    }

    /// Bytes reserved by the input buffer (what an idle connection costs).
    var bufferCapacity: Int { buffer.capacity }

    /// Whether a request's head has been parsed and its body is still arriving.
    var isReadingBody: Bool {
        if case .head = state { return false }
        return true
    }

    /// Whether the current request asked for `100 Continue` and it has not been sent yet.
    var wantsContinue: Bool {
        guard !continueSent else { return false }
        switch state {
        case .fixedBody(let head, _), .chunkSize(let head): return head.expectsContinue && body.isEmpty
        default: return false
        }
    }

    /// Records that `100 Continue` went out for the current request.
    mutating func markContinueSent() { continueSent = true }

    /// Adds received bytes.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request, or nil if more bytes are needed.
    /// - Throws: `HTTPParseError` when the input cannot be a valid request within the limits.
    mutating func next() throws(HTTPParseError) -> ParsedRequest? {
        while true {
            switch state {
            case .head:
                guard let head = try parseHead() else { return nil }
                continueSent = false
                switch head.framing {
                case .none: return finish(head)
                case .contentLength(0): return finish(head)
                case .contentLength(let length):
                    guard length <= limits.maxBodyBytes else { throw .bodyTooLarge }
                    state = .fixedBody(head, remaining: length)
                case .chunked: state = .chunkSize(head)
                }

            case .fixedBody(let head, let remaining):
                let take = min(remaining, buffer.count - start)
                guard take > 0 else { return nil }
                body.append(contentsOf: buffer[start..<start + take])
                start += take
                if take == remaining { return finish(head) }
                state = .fixedBody(head, remaining: remaining - take)

            case .chunkSize(let head):
                guard let line = try takeLine(limit: limits.maxChunkLineBytes, error: .malformed) else { return nil }
                let size = try Self.chunkSize(buffer[line])
                guard size <= limits.maxBodyBytes - body.count else { throw .bodyTooLarge }
                state = size == 0 ? .trailers(head, bytesSeen: 0) : .chunkData(head, remaining: size)

            case .chunkData(let head, let remaining):
                let take = min(remaining, buffer.count - start)
                guard take > 0 else { return nil }
                body.append(contentsOf: buffer[start..<start + take])
                start += take
                state = take == remaining ? .chunkDataEnd(head) : .chunkData(head, remaining: remaining - take)

            case .chunkDataEnd(let head):
                guard let line = try takeLine(limit: 2, error: .malformed) else { return nil }
                guard line.isEmpty else { throw .malformed }
                state = .chunkSize(head)

            case .trailers(let head, let bytesSeen):
                let available = limits.maxHeaderBytes - bytesSeen
                let lineOrigin = start
                guard let line = try takeLine(limit: available, error: .headerTooLarge) else { return nil }
                // Trailer fields are read for framing only; none of them is merged into the headers
                // (RFC 9110 §6.5.1 lets a recipient discard them).
                if line.isEmpty { return finish(head) }
                state = .trailers(head, bytesSeen: bytesSeen + (start - lineOrigin))
            }
        }
    }

    private mutating func finish(_ head: RequestHead) -> ParsedRequest {
        let parsed = head.request(body: body)
        body = []
        state = .head
        compact()
        return parsed
    }

    /// Drops consumed bytes once they dominate the buffer, so a long keep-alive connection does not
    /// grow it without bound. Only called between requests, when no index points into the buffer.
    private mutating func compact() {
        if start == buffer.count {
            // An idle keep-alive connection keeps a small buffer for its next request, never the
            // room a large body needed: thousands of idle connections must stay cheap.
            buffer.removeAll(keepingCapacity: buffer.capacity <= Self.retainedCapacity)
            start = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        scanPosition = start
        lineStart = start
    }

    /// Consumes one line ending in LF (CR optional) and returns its range without the line ending.
    private mutating func takeLine(limit: Int, error: HTTPParseError) throws(HTTPParseError) -> Range<Int>? {
        let searchEnd = min(buffer.count, start + limit + 2)
        guard let newline = buffer[start..<searchEnd].firstIndex(of: ASCII.lf) else {
            if buffer.count - start > limit + 1 { throw error }
            return nil
        }
        var end = newline
        if end > start && buffer[end - 1] == ASCII.cr { end -= 1 }
        let line = start..<end
        start = newline + 1
        return line
    }

    /// Finds the end of the header block and parses it, or returns nil if it has not all arrived.
    private mutating func parseHead() throws(HTTPParseError) -> RequestHead? {
        // RFC 9112 §2.2: ignore empty lines before the request line.
        while start < buffer.count && (buffer[start] == ASCII.cr || buffer[start] == ASCII.lf) {
            if buffer[start] == ASCII.cr && start + 1 < buffer.count && buffer[start + 1] != ASCII.lf { break }
            if buffer[start] == ASCII.cr && start + 1 == buffer.count { return nil }
            start += buffer[start] == ASCII.cr ? 2 : 1
        }
        scanPosition = max(scanPosition, start)
        lineStart = max(lineStart, start)

        var headEnd: Int?
        while scanPosition < buffer.count {
            let byte = buffer[scanPosition]
            scanPosition += 1
            guard byte == ASCII.lf else { continue }
            let lineLength = scanPosition - 1 - lineStart
            let isEmptyLine = lineLength == 0 || (lineLength == 1 && buffer[lineStart] == ASCII.cr)
            if isEmptyLine && lineStart > start {
                headEnd = scanPosition
                break
            }
            lineStart = scanPosition
        }

        guard let headEnd else {
            try checkIncompleteHead()
            return nil
        }
        guard headEnd - start <= limits.maxHeaderBytes + 2 else {
            try checkTargetLength(in: start..<headEnd)
            throw .headerTooLarge
        }
        let head = try HeadParser(bytes: buffer[start..<headEnd], limits: limits).parse()
        start = headEnd
        scanPosition = start
        lineStart = start
        return head
    }

    /// Rejects a header block that is still arriving but can no longer fit the limits.
    private func checkIncompleteHead() throws(HTTPParseError) {
        try checkTargetLength(in: start..<buffer.count)
        if buffer.count - start > limits.maxHeaderBytes + 2 { throw .headerTooLarge }
    }

    /// Throws `uriTooLong` once the request-target, finished or not, is longer than allowed, so
    /// that a long target is reported as 414 rather than as an oversize header block.
    private func checkTargetLength(in range: Range<Int>) throws(HTTPParseError) {
        guard let space = buffer[range].firstIndex(of: ASCII.space) else { return }
        let targetStart = space + 1
        let scanEnd = min(range.upperBound, targetStart + limits.maxTargetBytes + 1)
        let targetEnd = buffer[targetStart..<scanEnd].firstIndex { $0 == ASCII.space || $0 == ASCII.cr || $0 == ASCII.lf }
        if (targetEnd ?? scanEnd) - targetStart > limits.maxTargetBytes { throw .uriTooLong }
    }

    /// Parses a chunk-size line: hex digits, then optional whitespace and `;` extensions (RFC 9112 §7.1.1).
    private static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let value = ASCII.hexValue(line[index]) {
            // Fifteen hex digits already exceed any body limit; stop before Int overflows.
            guard digits < 15 else { throw .bodyTooLarge }
            size = size << 4 | value
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw .malformed }
        while index < line.endIndex && ASCII.isWhitespace(line[index]) { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else { throw .malformed }
        return size
    }
}
