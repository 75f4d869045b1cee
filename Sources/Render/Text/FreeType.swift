import CFreeType

/// FreeType constants and calls that do not import into Swift as written in C
/// (function-like macros, `long` flags).
enum FreeType {
    /// `FT_LOAD_TARGET_LIGHT`: light (vertical-only) hinting, what Chromium uses for grayscale AA on Linux.
    static let loadTargetLight = Int32((Int32(FT_RENDER_MODE_LIGHT.rawValue) & 15) << 16)
    static let loadColor = Int32(FT_LOAD_COLOR)
    static let loadNoBitmap = Int32(FT_LOAD_NO_BITMAP)
    static let styleItalic = FT_Long(FT_STYLE_FLAG_ITALIC)
    static let faceColor = FT_Long(FT_FACE_FLAG_COLOR)
    static let faceScalable = FT_Long(FT_FACE_FLAG_SCALABLE)
    static let faceFixedSizes = FT_Long(FT_FACE_FLAG_FIXED_SIZES)

    /// Thickens `outline` by `strength` (26.6 px) in both directions, as `FT_Outline_Embolden` documents.
    static func embolden(_ outline: UnsafeMutablePointer<FT_Outline>, strength: FT_Pos) {
        _ = FT_Outline_Embolden(outline, strength)
    }
}
