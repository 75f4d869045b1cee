import CHarfBuzz

/// Shapes runs of text with HarfBuzz's OpenType functions (no FreeType involved, so shaping never
/// touches the rasterizer's faces). Keeps one `hb_font_t` per face, rescaled for each run.
/// Not Sendable: confined to its engine.
final class Shaper {
    /// HarfBuzz scale units per px; positions come back in 1/1024 px, well below any visible error.
    private static let unitsPerPixel = 1024.0

    private let catalogue: FontCatalogue
    private var fonts: [Int: OpaquePointer] = [:]
    private let buffer: OpaquePointer

    init(catalogue: FontCatalogue) {
        self.catalogue = catalogue
        buffer = hb_buffer_create()
    }

    deinit {
        hb_buffer_destroy(buffer)
        for font in fonts.values { hb_font_destroy(font) }
    }

    /// Shapes bytes `range` of `text` (UTF-8) with face `faceIndex` at `size` px. The whole text is
    /// handed to HarfBuzz as context so joining and contextual forms see the neighbouring characters.
    /// HarfBuzz guesses script, direction and language from the run itself.
    /// - Returns: the glyphs in visual order and whether the run is right-to-left.
    func shape(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, faceIndex: Int, size: Double) -> (glyphs: [ShapedGlyph], rightToLeft: Bool) {
        guard let font = font(faceIndex), let base = text.baseAddress, !range.isEmpty else { return ([], false) }
        let scale = Int32(clamping: Int((min(size, 10_000) * Self.unitsPerPixel).rounded()))
        hb_font_set_scale(font, scale, scale)
        hb_buffer_clear_contents(buffer)
        base.withMemoryRebound(to: CChar.self, capacity: text.count) { characters in
            hb_buffer_add_utf8(buffer, characters, Int32(text.count), UInt32(range.lowerBound), Int32(range.count))
        }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(font, buffer, nil, 0)
        let rightToLeft = hb_buffer_get_direction(buffer) == HB_DIRECTION_RTL
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return ([], rightToLeft) }
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            glyphs.append(ShapedGlyph(glyphID: infos[index].codepoint, cluster: Int(infos[index].cluster),
                                      advance: Double(positions[index].x_advance) / Self.unitsPerPixel,
                                      offsetX: Double(positions[index].x_offset) / Self.unitsPerPixel,
                                      offsetY: Double(positions[index].y_offset) / Self.unitsPerPixel))
        }
        return (glyphs, rightToLeft)
    }

    private func font(_ faceIndex: Int) -> OpaquePointer? {
        if let font = fonts[faceIndex] { return font }
        guard let face = catalogue.harfBuzzFace(faceIndex), let font = hb_font_create(face.pointer) else { return nil }
        fonts[faceIndex] = font
        return font
    }
}
