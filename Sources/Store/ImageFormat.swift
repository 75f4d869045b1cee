/// An output image format as stored on disk.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    case png, jpeg, webp

    /// File extension used in `/renders/<key>.<ext>` (`png`, `jpeg`, `webp`).
    public var fileExtension: String { rawValue }

    /// The media type sent as `Content-Type`.
    public var mediaType: String { "image/\(rawValue)" }
}
