/// One premultiplied color scaled by every coverage 0...255, so blending that color at a
/// per-pixel coverage (glyphs, shadows, path edges) is a lookup and an `over` instead of two
/// multiplies more per pixel.
///
/// `over(entry(c), d)` equals `PixelMath.blend(color, coverage: c, onto: d)` for every `c` and
/// `d`: entry 0 is clear, so `over` leaves `d` (`d`·255/255 rounds back to `d`); entry 255 is the
/// color itself, which over anything is itself when it is opaque.
///
/// A class so a canvas keeps one and rebuilds it only when the color changes (runs of glyphs
/// share a color). Single-threaded, like the canvas that owns it.
final class ScaledColorTable {
    /// 256 entries, owned by this object and freed in `deinit`.
    private let entries: UnsafeMutablePointer<UInt32>
    /// The color the entries were built for; nil before the first build.
    private var color: UInt32?

    init() {
        entries = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        entries.initialize(repeating: 0, count: 256)
    }

    deinit { entries.deallocate() }

    /// The table for `pixel`, valid until the next call. Rebuilt only when `pixel` differs from
    /// the last one.
    func table(for pixel: UInt32) -> UnsafePointer<UInt32> {
        if color != pixel {
            for level in 0..<255 { entries[level] = PixelMath.scale(pixel, by: UInt32(level)) }
            entries[255] = pixel
            color = pixel
        }
        return UnsafePointer(entries)
    }

    /// `table[coverage]` over `destination`; a coverage above 255 counts as 255, as in `PixelMath.blend`.
    @inline(__always)
    static func blend(_ table: UnsafePointer<UInt32>, coverage: UInt32, onto destination: UInt32) -> UInt32 {
        let source: UInt32 = table[Int(truncatingIfNeeded: Swift.min(coverage, 255))]
        // An opaque entry (full coverage of an opaque color, most of a glyph) replaces the pixel.
        return source >> 24 == 255 ? source : PixelMath.over(source, destination)
    }
}
