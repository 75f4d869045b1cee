/// Why a JPEG, WebP or GIF could not be encoded or decoded. The library's own message is kept for the log.
enum CodecError: Error, Sendable, Equatable {
    /// The bytes are not in the format the decoder expects.
    case wrongFormat(String)
    /// The header declares `width`×`height`, more pixels than allowed.
    case tooLarge(width: Int, height: Int)
    /// The library rejected the data (truncated, corrupt) or the encoder's input.
    case invalid(String)
    case outOfMemory
}
