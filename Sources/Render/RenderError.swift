/// Why a render failed. Every case is the caller's input or a limit, never a crash.
public enum RenderError: Error, Sendable, Equatable {
    /// The requested encoding is not available yet.
    case unsupportedEncoding(String)
    /// Input the engine cannot accept (size out of range, too many nodes, …), with a message for the user.
    case invalidInput(String)
    /// The render took longer than its deadline.
    case deadlineExceeded
    /// The image encoder failed, with its message.
    case encodingFailed(String)
}
