import CFreeType
import Glibc

/// FreeType constants and calls that do not import into Swift as written in C
/// (function-like macros, `long` flags, functions whose headers the CFreeType shim does not include).
enum FreeType {
    /// `FT_LOAD_TARGET_LIGHT`: light (vertical-only) hinting, what Chromium uses for grayscale AA on Linux.
    static let loadTargetLight = Int32((Int32(FT_RENDER_MODE_LIGHT.rawValue) & 15) << 16)
    static let loadColor = Int32(FT_LOAD_COLOR)
    static let loadNoBitmap = Int32(FT_LOAD_NO_BITMAP)
    static let styleItalic = FT_Long(FT_STYLE_FLAG_ITALIC)
    static let faceColor = FT_Long(FT_FACE_FLAG_COLOR)
    static let faceScalable = FT_Long(FT_FACE_FLAG_SCALABLE)
    static let faceFixedSizes = FT_Long(FT_FACE_FLAG_FIXED_SIZES)

    private typealias EmboldenFunction = @convention(c) (UnsafeMutablePointer<FT_Outline>?, FT_Pos) -> FT_Error

    /// `FT_Outline_Embolden` (ftoutln.h), looked up in the already linked libfreetype because the shim
    /// only includes freetype.h. Nil if the symbol is missing, in which case synthetic bold is skipped.
    private static let emboldenFunction: EmboldenFunction? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "FT_Outline_Embolden") else { return nil }
        return unsafeBitCast(symbol, to: EmboldenFunction.self)
    }()

    /// Thickens `outline` by `strength` (26.6 px) in both directions, as `FT_Outline_Embolden` documents.
    static func embolden(_ outline: UnsafeMutablePointer<FT_Outline>, strength: FT_Pos) {
        _ = emboldenFunction?(outline, strength)
    }
}
