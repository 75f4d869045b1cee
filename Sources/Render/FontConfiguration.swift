/// Where fonts come from.
public struct FontConfiguration: Sendable {
    /// Directories searched recursively for .ttf/.otf/.ttc files.
    public var directories: [String]
    /// A configuration searching `directories` (the system font folder by default).
    public init(directories: [String] = ["/usr/share/fonts"]) { self.directories = directories }
}
