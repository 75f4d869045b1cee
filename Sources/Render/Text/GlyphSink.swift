/// Where the text engine draws glyphs: the two `Canvas` operations it needs, so tests can capture them.
protocol GlyphSink: AnyObject {
    /// Blends 8-bit coverage at an integer position in `color`.
    func drawMask(_ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int, pitch: Int, x: Int, y: Int, color: Color)
    /// Draws a premultiplied BGRA bitmap scaled into `destination`.
    func drawImage(bgra: UnsafeBufferPointer<UInt8>, imageWidth: Int, imageHeight: Int, pitch: Int, into destination: Rect, opacity: Double)
}

extension Canvas: GlyphSink {}
