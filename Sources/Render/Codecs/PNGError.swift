/// Why a PNG could not be encoded or decoded. libpng's own message is kept for the log.
enum PNGError: Error, Sendable, Equatable {
    /// The bytes do not start with the PNG signature.
    case notPNG
    /// The header declares `width`×`height`, more pixels than allowed.
    case tooLarge(width: Int, height: Int)
    /// libpng rejected the data (bad chunk, CRC, truncated stream …) or the encoder's input.
    case invalid(String)
    case outOfMemory
}
