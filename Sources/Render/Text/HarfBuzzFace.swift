import CHarfBuzz

/// A shared, immutable HarfBuzz face (the parsed font file), from which each engine makes its own `hb_font_t`.
///
/// `@unchecked Sendable`: the face is made immutable right after creation, and HarfBuzz documents immutable
/// `hb_face_t` objects as safe to use from many threads (its reference counting is atomic).
final class HarfBuzzFace: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Loads face `index` of the file at `path` (memory-mapped by HarfBuzz); nil when the file cannot be read.
    convenience init?(path: String, index: Int) {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, UInt32(clamping: index)) else { return nil }
        self.init(adopting: face)
    }

    /// Takes ownership of `face`, which must have glyphs; nil (and the face destroyed) when it has none.
    init?(adopting face: OpaquePointer) {
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            return nil
        }
        hb_face_make_immutable(face)
        pointer = face
    }

    deinit { hb_face_destroy(pointer) }

    /// The scalars the face's cmap maps, for font fallback.
    func coverage() -> CharacterCoverage {
        guard let set = hb_set_create() else { return CharacterCoverage(ranges: []) }
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(pointer, set)
        var ranges: [ClosedRange<UInt32>] = []
        var first = UInt32.max
        var last = UInt32.max
        while hb_set_next_range(set, &first, &last) != 0 { ranges.append(first...last) }
        return CharacterCoverage(ranges: ranges)
    }
}
