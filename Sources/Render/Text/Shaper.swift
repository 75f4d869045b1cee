import CHarfBuzz

/// Shapes runs of text with HarfBuzz's OpenType functions (no FreeType involved, so shaping never
/// touches the rasterizer's faces). Keeps one `hb_font_t` per face, rescaled for each run.
/// Not Sendable: confined to its engine.
final class Shaper {
    /// HarfBuzz scale units per px; positions come back in 1/1024 px, well below any visible error.
    private static let unitsPerPixel = 1024.0

    private var fontSet: FontSet
    private var fonts: [Int: OpaquePointer] = [:]
    private let buffer: OpaquePointer

    init(fonts: FontSet) {
        fontSet = fonts
        buffer = hb_buffer_create()
    }

    /// Switches to another render's fonts, dropping the HarfBuzz fonts made for the previous document's faces.
    func use(_ fonts: FontSet) {
        for (index, font) in self.fonts where index >= fontSet.documentBase {
            hb_font_destroy(font)
            self.fonts[index] = nil
        }
        fontSet = fonts
    }

    deinit {
        hb_buffer_destroy(buffer)
        for font in fonts.values { hb_font_destroy(font) }
    }

    /// Shapes bytes `range` of `text` (UTF-8) with face `faceIndex` at `size` px. The whole text is
    /// handed to HarfBuzz as context so joining and contextual forms see the neighbouring characters.
    /// - Parameters:
    ///   - rightToLeft: the run's bidi direction; HarfBuzz then returns glyphs in visual order and
    ///     mirrors brackets (`(` becomes `)`), as UAX #9 rule L4 asks.
    ///   - script: ISO 15924 tag of the run's script from ICU, or 0 to let HarfBuzz guess.
    ///   - language: BCP 47 tag selecting the font's language system (regional CJK forms), if known.
    ///   - features: OpenType features applied to the whole run.
    ///   - localFeatures: features applied to some bytes of `text` only.
    /// - Returns: the glyphs in visual order and whether the run is right-to-left.
    func shape(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, faceIndex: Int, size: Double,
               rightToLeft: Bool = false, script: UInt32 = 0, language: String? = nil,
               features: [FontFeature] = [], localFeatures: [(feature: FontFeature, bytes: Range<Int>)] = [])
        -> (glyphs: [ShapedGlyph], rightToLeft: Bool) {
        guard let font = font(faceIndex), let base = text.baseAddress, !range.isEmpty else { return ([], rightToLeft) }
        let scale = Int32(clamping: Int((min(size, 10_000) * Self.unitsPerPixel).rounded()))
        hb_font_set_scale(font, scale, scale)
        hb_buffer_clear_contents(buffer)
        base.withMemoryRebound(to: CChar.self, capacity: text.count) { characters in
            hb_buffer_add_utf8(buffer, characters, Int32(text.count), UInt32(range.lowerBound), Int32(range.count))
        }
        hb_buffer_set_direction(buffer, rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
        if script != 0 { hb_buffer_set_script(buffer, hb_script_from_iso15924_tag(script)) }
        if let language { hb_buffer_set_language(buffer, hb_language_from_string(language, -1)) }
        hb_buffer_guess_segment_properties(buffer)
        if features.isEmpty && localFeatures.isEmpty {
            hb_shape(font, buffer, nil, 0)
        } else {
            // Feature ranges are in cluster values, which are the UTF-8 offsets given to the buffer.
            let settings = features.map { feature in
                hb_feature_t(tag: Self.tag(feature.tag), value: feature.value, start: 0, end: UInt32.max)
            } + localFeatures.map { local in
                hb_feature_t(tag: Self.tag(local.feature.tag), value: local.feature.value,
                             start: UInt32(local.bytes.lowerBound), end: UInt32(local.bytes.upperBound))
            }
            settings.withUnsafeBufferPointer { hb_shape(font, buffer, $0.baseAddress, UInt32($0.count)) }
        }
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

    /// Underline and strikeout placement of face `faceIndex` at `size` px, read from its `post`
    /// (underlinePosition, underlineThickness) and `OS/2` (yStrikeoutSize, yStrikeoutPosition) tables;
    /// nil members where a table is missing or says zero.
    func decorationMetrics(faceIndex: Int, size: Double) -> DecorationMetrics {
        guard let face = fontSet.harfBuzzFace(faceIndex)?.pointer else { return DecorationMetrics() }
        let unitsPerEm = Double(hb_face_get_upem(face))
        guard unitsPerEm > 0 else { return DecorationMetrics() }
        let scale = size / unitsPerEm
        func int16s(table: String, offsets: [Int]) -> [Double?] {
            guard let blob = hb_face_reference_table(face, Self.tag(table)) else { return offsets.map { _ in nil } }
            defer { hb_blob_destroy(blob) }
            var length: UInt32 = 0
            guard let data = hb_blob_get_data(blob, &length) else { return offsets.map { _ in nil } }
            return offsets.map { offset in
                guard offset + 2 <= Int(length) else { return nil }
                let value = Int16(bitPattern: UInt16(UInt8(bitPattern: data[offset])) << 8 | UInt16(UInt8(bitPattern: data[offset + 1])))
                return value == 0 ? nil : Double(value) * scale
            }
        }
        let post = int16s(table: "post", offsets: [8, 10])
        let os2 = int16s(table: "OS/2", offsets: [26, 28])
        return DecorationMetrics(underlineOffset: post[0].map { -$0 }, underlineThickness: post[1],
                                 strikeoutOffset: os2[1].map { -$0 }, strikeoutThickness: os2[0])
    }

    /// A four-letter OpenType tag as HarfBuzz's big-endian integer; shorter tags are padded with spaces.
    static func tag(_ name: String) -> UInt32 {
        var bytes = Array(name.utf8.prefix(4))
        while bytes.count < 4 { bytes.append(0x20) }
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private func font(_ faceIndex: Int) -> OpaquePointer? {
        if let font = fonts[faceIndex] { return font }
        guard let face = fontSet.harfBuzzFace(faceIndex), let font = hb_font_create(face.pointer) else { return nil }
        if let variation = fontSet.variation(faceIndex) {
            let settings = variation.map { hb_variation_t(tag: Self.tag($0.axis.tag), value: Float($0.value)) }
            settings.withUnsafeBufferPointer { hb_font_set_variations(font, $0.baseAddress, UInt32($0.count)) }
        }
        fonts[faceIndex] = font
        return font
    }
}
