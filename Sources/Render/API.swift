// Public API contract of Render. OGServer is written against these declarations.
// The implementer keeps every signature below (adding is fine), moves each type into its own
// file as STYLE.md asks, and deletes this file.

/// How to encode the rendered pixels.
public enum ImageEncoding: Sendable, Equatable {
    case png
    case jpeg(quality: Int)
    case webp(quality: Int)
}

/// The encoded image and what the engine had to ignore.
public struct RenderOutput: Sendable {
    public var bytes: [UInt8]
    /// Unsupported properties, elements or values that were skipped, e.g. `unsupported property 'grid-template-columns'`.
    public var warnings: [String]
}

/// Why a render failed. Every case is the caller's input or a limit, never a crash.
public enum RenderError: Error, Sendable, Equatable {
    /// The requested encoding is not available yet.
    case unsupportedEncoding(String)
    /// Input the engine cannot accept (size out of range, too many nodes, …), with a message for the user.
    case invalidInput(String)
    /// The render took longer than its deadline.
    case deadlineExceeded
    case encodingFailed(String)
}

/// Where fonts come from.
public struct FontConfiguration: Sendable {
    /// Directories searched recursively for .ttf/.otf/.ttc files.
    public var directories: [String]
    public init(directories: [String] = ["/usr/share/fonts"]) { self.directories = directories }
}

/// Renders HTML to an image. Safe to call from many threads at once.
public final class Renderer: Sendable {
    public init(fonts: FontConfiguration = FontConfiguration()) throws { fatalError("unimplemented") }
    /// Engine version plus a fingerprint of the font set; part of every cache key.
    public var version: String { fatalError("unimplemented") }
    /// Lays out and paints `html` into a `width`×`height` viewport and encodes it.
    public func render(html: String, width: Int, height: Int, encoding: ImageEncoding) throws -> RenderOutput { fatalError("unimplemented") }
}
