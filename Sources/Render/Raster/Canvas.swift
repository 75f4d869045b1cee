/// A premultiplied RGBA8 pixel buffer with anti-aliased fills and a clip stack.
///
/// Not thread-safe: one render owns one canvas.
final class Canvas {
    let width: Int
    let height: Int
    /// Premultiplied RGBA8, row-major, `width * 4` bytes per row. Starts fully transparent.
    var pixels: [UInt8]

    /// Clips pushed with `pushClip`, innermost last.
    var clipStack: [ClipState] = []
    /// Reused across fills so drawing allocates nothing per row.
    let rasterizer: CoverageRasterizer
    /// The current one-color blend table (glyphs, shadows, paths), reused while the color repeats.
    let scaledColors = ScaledColorTable()
    /// Pixels under each open offscreen layer (`pushLayer`), innermost last.
    var layers: [[UInt8]] = []
    /// Pixels written to `pixels` since it became the drawing target (a superset), so a finished
    /// layer is searched for content only there instead of over the whole canvas.
    var drawn = PixelBounds(left: 0, top: 0, right: 0, bottom: 0)
    /// `drawn` of each buffer under an open layer, innermost last.
    var drawnBelow: [PixelBounds] = []
    /// Canvas-sized buffers left over from finished layers, every byte zero again, so the next
    /// layer skips a 4-bytes-per-pixel allocation and its page faults (see `Canvas+Layer.swift`).
    var spareBuffers: [[UInt8]] = []
    /// Whether opaque linear gradients get Skia's ordered dither, as Chromium draws them; off by
    /// default for size and speed (see `LinearGradientShader.dithersByDefault`).
    var dithersGradients = LinearGradientShader.dithersByDefault
    /// Whether paint loops may take their run-splitting shortcuts (plain shadow runs and the
    /// like); tests turn it off to compare the shortcuts with the general per-pixel code.
    var takesShortcuts = true

    /// Every pixel of the canvas (not of an open layer) is opaque: an opaque fill covered it all,
    /// and every later drawing composites source-over, which never lowers alpha. Encoders skip
    /// their search for translucent pixels then.
    private(set) var isKnownOpaque = false
    /// The pixels are left over from an earlier render and must be cleared before anything is
    /// drawn, unless the first drawing is a fill that writes every pixel (`fill` decides).
    private(set) var isUncleared = false

    /// Where the canvas takes its buffers from and gives them back to.
    let pool: PixelBufferPool

    /// A transparent canvas. With `clearing` false it may start with old pixels, saving the clear
    /// of a pooled buffer (3 MB for a card): the first fill either covers the whole canvas with
    /// opaque paint or clears it first, and `clearIfUncleared()` must run before any other drawing
    /// or reading (`DisplayList.replay` does both).
    init(width: Int, height: Int, clearing: Bool = true, pool: PixelBufferPool = .shared) {
        precondition(width >= 0 && height >= 0, "canvas size must not be negative")
        self.width = width; self.height = height
        self.pool = pool
        let count: Int = width * height * 4
        if clearing {
            pixels = pool.takeZeroed(count: count) ?? [UInt8](repeating: 0, count: count)
        } else if let used = pool.takeAny(count: count) {
            pixels = used.buffer
            isUncleared = !used.isZeroed
        } else {
            pixels = [UInt8](repeating: 0, count: count)
        }
        rasterizer = CoverageRasterizer(width: width)
    }

    /// Zeroes pixels left over from an earlier render (see `init(width:height:clearing:)`).
    func clearIfUncleared() {
        guard isUncleared else { return }
        pixels.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        isUncleared = false
    }

    /// Records that a fill wrote every pixel of the canvas with opaque paint.
    func noteCoveredOpaquely() {
        isKnownOpaque = true
        isUncleared = false
    }

    deinit {
        let pool = self.pool
        pool.give(pixels, isZeroed: false)
        for buffer in spareBuffers { pool.give(buffer, isZeroed: true) }
    }

    /// The clip in force: the innermost pushed clip, or the whole canvas.
    var currentClip: ClipState {
        clipStack.last ?? ClipState(left: 0, top: 0, right: Double(width), bottom: Double(height), mask: nil)
    }

    /// The premultiplied pixel at (`x`, `y`) as RGBA bytes, for tests and debugging.
    func pixel(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        let offset: Int = (y * width + x) * 4
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2], pixels[offset + 3])
    }

    /// Records that pixels in `rows` × `columns` of the drawing target may have changed. Every
    /// writer of `pixels` calls this: layer content is only looked for inside `drawn`.
    func noteDrawn(rows: Range<Int>, columns: Range<Int>) {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        drawn = drawn.union(PixelBounds(left: columns.lowerBound, top: rows.lowerBound, right: columns.upperBound, bottom: rows.upperBound))
    }

    /// Runs `body` on the pixels viewed as one `UInt32` per pixel (R in the lowest byte).
    func withPixelWords<R>(_ body: (UnsafeMutableBufferPointer<UInt32>) throws -> R) rethrows -> R {
        try pixels.withUnsafeMutableBufferPointer { bytes in
            // Array storage is at least 16-byte aligned and holds a multiple of 4 bytes, so it can be
            // rebound to words for the duration of the call.
            try bytes.withMemoryRebound(to: UInt32.self) { try body($0) }
        }
    }
}
