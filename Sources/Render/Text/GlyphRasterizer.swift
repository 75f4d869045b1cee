import CFreeType

/// Turns glyphs into bitmaps with FreeType: grayscale anti-aliasing with light hinting, a quarter-pixel
/// horizontal offset, optional synthetic bold/oblique; colour emoji from their bitmap strike.
///
/// FreeType objects are not thread-safe, so each engine owns a rasterizer with its own `FT_Library` and
/// faces (opened on first use); the resulting bitmaps go to the catalogue's shared `GlyphCache`.
/// Not Sendable: confined to its engine.
final class GlyphRasterizer {
    private var fonts: FontSet
    private let library: FT_Library
    private var faces: [Int: FT_Face] = [:]
    /// Glyphs of the current document's own faces: their indices mean other fonts in other renders,
    /// so they stay out of the shared cache.
    private var documentGlyphs: [GlyphKey: GlyphBitmap] = [:]

    init(fonts: FontSet) throws {
        var library: FT_Library?
        let error = FT_Init_FreeType(&library)
        guard error == 0, let library else { throw TextError.freeType(function: "FT_Init_FreeType", code: error) }
        self.fonts = fonts
        self.library = library
    }

    deinit { FT_Done_FreeType(library) }  // Also frees every face opened from it.

    /// Switches to another render's fonts, closing the previous document's faces and dropping their glyphs.
    func use(_ fonts: FontSet) {
        for (index, face) in faces where index >= self.fonts.documentBase {
            FT_Done_Face(face)
            faces[index] = nil
        }
        documentGlyphs.removeAll()
        self.fonts = fonts
    }

    /// The cached bitmap for `key`, rasterizing it on a miss; nil when FreeType cannot load the glyph.
    func bitmap(for key: GlyphKey) -> GlyphBitmap? {
        guard Int(key.faceIndex) >= fonts.documentBase else {
            if let cached = fonts.catalogue.glyphCache.bitmap(for: key) { return cached }
            guard let bitmap = rasterize(key) else { return nil }
            fonts.catalogue.glyphCache.insert(bitmap, for: key)
            return bitmap
        }
        if let cached = documentGlyphs[key] { return cached }
        guard let bitmap = rasterize(key) else { return nil }
        if documentGlyphs.count >= GlyphCache.capacity { documentGlyphs.removeAll(keepingCapacity: true) }
        documentGlyphs[key] = bitmap
        return bitmap
    }

    private func face(_ faceIndex: Int) -> FT_Face? {
        if let face = faces[faceIndex] { return face }
        guard fonts.isValid(faceIndex) else { return nil }
        var face: FT_Face?
        switch fonts.documentFont(faceIndex)?.storage {
        case .memory(let data):
            // The bytes stay alive while this face is open: `fonts` holds them until `use(_:)` closes it.
            let base = data.bytes.baseAddress?.assumingMemoryBound(to: FT_Byte.self)
            guard FT_New_Memory_Face(library, base, FT_Long(data.count), 0, &face) == 0 else { return nil }
        case .file(let path, let index):
            guard FT_New_Face(library, path, index, &face) == 0 else { return nil }
        case nil:
            let description = fonts.catalogue.faces[faceIndex]
            guard FT_New_Face(library, description.path, description.index, &face) == 0 else { return nil }
        }
        guard let face else { return nil }
        if let variation = fonts.variation(faceIndex) {
            var coordinates = variation.map { FT_Fixed(($0.value * 65536).rounded()) }
            _ = FT_Set_Var_Design_Coordinates(face, FT_UInt(coordinates.count), &coordinates)
        }
        faces[faceIndex] = face
        return face
    }

    private func rasterize(_ key: GlyphKey) -> GlyphBitmap? {
        let faceIndex = Int(key.faceIndex)
        guard let face = face(faceIndex) else { return nil }
        if fonts.face(faceIndex).isColorBitmap { return rasterizeColor(key, face: face) }

        guard FT_Set_Char_Size(face, 0, FT_F26Dot6(key.size64), 72, 72) == 0 else { return nil }
        // The oblique shear is FreeType's FT_GlyphSlot_Oblique slant (about 12°); the translation places
        // the outline at its quarter-pixel offset before it is rendered.
        var matrix = FT_Matrix(xx: 0x10000, xy: key.synthesis.contains(.oblique) ? 0x0366A : 0, yx: 0, yy: 0x10000)
        var delta = FT_Vector(x: FT_Pos(Int(key.subpixel) * 64 / GlyphKey.subpixelSteps), y: 0)
        FT_Set_Transform(face, &matrix, &delta)
        defer { FT_Set_Transform(face, nil, nil) }
        guard FT_Load_Glyph(face, key.glyphID, FreeType.loadTargetLight | FreeType.loadNoBitmap) == 0,
              let slot = face.pointee.glyph else { return nil }
        if key.synthesis.contains(.bold), slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE, let size = face.pointee.size {
            // Skia's fake-bold strength: 1/24 em.
            let strength = FT_MulFix(FT_Long(face.pointee.units_per_EM), size.pointee.metrics.y_scale) / 24
            FreeType.embolden(&slot.pointee.outline, strength: strength)
        }
        guard FT_Render_Glyph(slot, FT_RENDER_MODE_LIGHT) == 0,
              slot.pointee.bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue) else { return nil }
        return copy(slot, bytesPerPixel: 1, ppem: 0)
    }

    private func rasterizeColor(_ key: GlyphKey, face: FT_Face) -> GlyphBitmap? {
        // Bitmap-only faces reject FT_Set_Char_Size; pick the largest strike and let drawing scale it.
        let strikes = Int(face.pointee.num_fixed_sizes)
        guard strikes > 0, let sizes = face.pointee.available_sizes else { return nil }
        let largest = (0..<strikes).max { sizes[$0].y_ppem < sizes[$1].y_ppem } ?? 0
        guard FT_Select_Size(face, Int32(largest)) == 0,
              FT_Load_Glyph(face, key.glyphID, FreeType.loadColor) == 0,
              let slot = face.pointee.glyph, let size = face.pointee.size,
              slot.pointee.bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_BGRA.rawValue) else { return nil }
        return copy(slot, bytesPerPixel: 4, ppem: Double(size.pointee.metrics.x_ppem))
    }

    private func copy(_ slot: FT_GlyphSlot, bytesPerPixel: Int, ppem: Double) -> GlyphBitmap {
        let bitmap = slot.pointee.bitmap
        let width = Int(bitmap.width)
        let rows = Int(bitmap.rows)
        let sourcePitch = Int(bitmap.pitch)
        let rowBytes = width * bytesPerPixel
        var pixels = [UInt8](repeating: 0, count: rowBytes * rows)
        if let buffer = bitmap.buffer, rowBytes > 0 {
            pixels.withUnsafeMutableBufferPointer { destination in
                for row in 0..<rows {
                    // A negative pitch means the rows are stored bottom-up.
                    let sourceRow = sourcePitch >= 0 ? row * sourcePitch : (rows - 1 - row) * -sourcePitch
                    for column in 0..<rowBytes { destination[row * rowBytes + column] = buffer[sourceRow + column] }
                }
            }
        }
        return GlyphBitmap(width: width, height: rows, pitch: rowBytes, left: Int(slot.pointee.bitmap_left),
                           top: Int(slot.pointee.bitmap_top), isColor: bytesPerPixel == 4, strikePPEM: ppem, pixels: pixels)
    }
}
