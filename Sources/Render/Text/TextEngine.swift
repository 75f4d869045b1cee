/// Shapes, breaks and draws text. Not thread-safe: each render uses its own engine (or a pool of them);
/// what can be shared (font discovery, glyph caches) is shared behind locks inside.
///
/// Fonts come from scanning `FontConfiguration.directories` with FreeType (see `FontCatalogue`); the scan
/// and the rasterized glyphs are shared by all engines of the process. Each engine owns its HarfBuzz
/// fonts and its FreeType library and faces, because FreeType faces must not be used from two threads,
/// and its ICU line break iterator and bidi object, which carry per-call state. A document's own
/// `@font-face` faces belong to the engine that renders it (`loadDocumentFonts`), never to the catalogue.
///
/// Grapheme clusters come from Swift's `Character` (UAX #29 extended grapheme clusters, the same rules as
/// ICU's character break iterator, one Unicode version newer, so Indic conjuncts stay whole as in current
/// Chromium); line breaks and bidi levels come from ICU.
final class TextEngine {
    let catalogue: FontCatalogue
    /// The catalogue plus the current render's `@font-face` faces (see `loadDocumentFonts`).
    private(set) var fonts: FontSet
    let shaper: Shaper
    let rasterizer: GlyphRasterizer
    let analyzer: UnicodeAnalyzer
    /// Paragraphs shaped since the font set last changed or the last layout ended.
    private var shapedCache = ShapedTextCache()
    /// The `@font-face` rules the current document faces were loaded from, the stamps of the
    /// files they name, and what loading them warned; nil when the faces came from elsewhere
    /// (see `loadDocumentFonts`).
    var documentFontRules: LoadedFontRules?

    struct LoadedFontRules {
        var rules: [FontFaceRule]
        /// `ImageLoader.stamp` of every source of every rule, in order.
        var fileStamps: [String?]
        var warnings: [String]
    }

    /// Opens (or reuses) the font catalogue for `fonts`.
    /// - Throws: `TextError.noFonts` when the directories hold no usable font, `TextError.freeType` when
    ///   FreeType cannot start, `TextError.unicode` when ICU cannot.
    init(fonts: FontConfiguration) throws {
        catalogue = try FontCatalogue.shared(for: fonts)
        self.fonts = FontSet(catalogue: catalogue)
        shaper = Shaper(fonts: self.fonts)
        rasterizer = try GlyphRasterizer(fonts: self.fonts)
        analyzer = try UnicodeAnalyzer()
    }

    /// Switches the shaper and rasterizer to `fonts` (they close the previous document's faces first).
    func use(_ fonts: FontSet) {
        shaper.use(fonts)
        rasterizer.use(fonts)
        self.fonts = fonts
        shapedCache.removeAll()
        documentFontRules = nil
    }

    /// Drops the shaped paragraphs kept during a layout; the renderer calls it when layout is done, so a
    /// pooled engine holds no text of a finished document.
    func forgetShapedText() {
        shapedCache.removeAll()
    }

    /// `spans` shaped afresh, for the cache to keep.
    private func unsharedShape(_ spans: [TextSpan], style: ParagraphStyle) -> ShapedText {
        ShapedText(spans: spans, whiteSpace: style.whiteSpace, direction: style.direction, engine: self)
    }

    /// `spans` shaped, from the cache when the same paragraph was shaped before in this layout.
    func shape(_ spans: [TextSpan], whiteSpace: WhiteSpace, direction: TextDirection = .ltr) -> ShapedText {
        shapedCache.shaped(spans, whiteSpace: whiteSpace, direction: direction) {
            ShapedText(spans: spans, whiteSpace: whiteSpace, direction: direction, engine: self)
        }
    }

    /// Fingerprint of the font files in use (names, sizes, modification times), for the cache key.
    var fontSetFingerprint: String { catalogue.fingerprint }

    /// Ascent, descent and line gap of `font`'s primary face at its size, rounded to pixels as Chromium does.
    func metrics(for font: FontSpec) -> FontMetrics {
        fonts.face(fonts.primaryFont(for: font).faceIndex).metrics(size: font.size)
    }

    /// Width of the longest unbreakable piece (min-content) and of the whole text unwrapped (max-content).
    func intrinsicWidths(of spans: [TextSpan], style: ParagraphStyle) -> (min: Double, max: Double) {
        shapedCache.intrinsicWidths(of: spans, style: style, shape: { self.unsharedShape(spans, style: style) }) { shaped in
            let breaker = LineBreaker(clusters: shaped.clusters, whiteSpace: style.whiteSpace, wordBreak: style.wordBreak,
                                      overflowWrap: style.overflowWrap, softHyphens: style.softHyphens)
            let widths = breaker.intrinsicWidths()
            return (widths.min + max(0, style.textIndent), widths.max + max(0, style.textIndent))
        }
    }

    /// The advance of `spans` set on one line with every space kept, trailing ones included
    /// (e.g. the gap a collapsible space leaves between two inline-blocks).
    func advance(of spans: [TextSpan]) -> Double {
        let shaped = shape(spans, whiteSpace: .pre)
        return shaped.clusters.reduce(0) { $0 + $1.advance }
    }

    /// Breaks `spans` into lines no wider than `maxWidth` (UAX #14 opportunities) and aligns them.
    func layout(_ spans: [TextSpan], style: ParagraphStyle, maxWidth: Double) -> Paragraph {
        shapedCache.paragraph(of: spans, style: style, maxWidth: maxWidth, shape: { self.unsharedShape(spans, style: style) }) { shaped in
            guard !shaped.clusters.isEmpty else { return Paragraph(lines: [], width: 0, height: 0, firstBaseline: 0) }
            let builder = LineBuilder(spans: spans, style: style, maxWidth: maxWidth, shaped: shaped, engine: self)
            return builder.build()
        }
    }

    /// How many lines `layout(spans, style:, maxWidth:)` makes and the width of its last one, without
    /// positioning the lines before it. The paragraph is not kept in the layout's cache (its shaping is),
    /// as only `LayoutEngine.fragmentInlineBoxes` asks, for text prefixes laid out nowhere else.
    func lastLine(of spans: [TextSpan], style: ParagraphStyle, maxWidth: Double) -> (count: Int, width: Double)? {
        let shaped = shapedCache.shaped(spans, whiteSpace: style.whiteSpace, direction: style.direction) {
            unsharedShape(spans, style: style)
        }
        guard !shaped.clusters.isEmpty else { return nil }
        return LineBuilder(spans: spans, style: style, maxWidth: maxWidth, shaped: shaped, engine: self).lastLine()
    }

    /// Draws a laid-out paragraph with its top-left corner at `origin`.
    func draw(_ paragraph: Paragraph, at origin: Point, on canvas: Canvas) {
        draw(paragraph, at: origin, into: canvas)
    }

    /// Draws every glyph: outlines as coverage masks at quarter-pixel x positions, colour emoji as
    /// bitmaps scaled from their strike to the font size with the strike's bearings, as Skia does.
    func draw(_ paragraph: Paragraph, at origin: Point, into sink: some GlyphSink) {
        draw(paragraph, at: origin, into: sink, tint: nil)
    }

    /// Draws a paragraph with every glyph and decoration in `tint` (its alpha multiplied by each glyph's)
    /// instead of its own colour: the hook for `text-shadow`, which the paint stage draws first, offset,
    /// into a layer it then blurs. Colour emoji keep their colours, as in Chromium's shadows.
    func draw(_ paragraph: Paragraph, at origin: Point, into sink: some GlyphSink, tint: Color?) {
        for line in paragraph.lines {
            for decoration in line.decorations where !decoration.overGlyphs {
                draw(decoration, at: origin, into: sink, tint: tint)
            }
            for glyph in line.glyphs where glyph.color.alpha > 0 {
                var glyph = glyph
                if let tint { glyph.color = Color(red: tint.red, green: tint.green, blue: tint.blue, alpha: tint.alpha * glyph.color.alpha) }
                draw(glyph, x: origin.x + glyph.x, y: origin.y + glyph.y, into: sink)
            }
            for decoration in line.decorations where decoration.overGlyphs {
                draw(decoration, at: origin, into: sink, tint: tint)
            }
        }
    }

    /// A decoration line as a full-coverage mask at whole pixels.
    private func draw(_ decoration: DecorationLine, at origin: Point, into sink: some GlyphSink, tint: Color?) {
        let rect = decoration.rect
        let x = (origin.x + rect.x).rounded()
        let y = (origin.y + rect.y).rounded()
        guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6, rect.width >= 1, rect.height >= 1,
              rect.width < 100_000, rect.height < 10_000 else { return }
        let width = Int(rect.width.rounded())
        let height = Int(rect.height.rounded())
        var color = decoration.color
        if let tint { color = Color(red: tint.red, green: tint.green, blue: tint.blue, alpha: tint.alpha * color.alpha) }
        let mask = [UInt8](repeating: 255, count: width * height)
        mask.withUnsafeBufferPointer { pixels in
            sink.drawMask(pixels, maskWidth: width, maskHeight: height, pitch: width, x: Int(x), y: Int(y), color: color)
        }
    }

    private func draw(_ glyph: PositionedGlyph, x: Double, y: Double, into sink: some GlyphSink) {
        guard fonts.isValid(glyph.fontIndex), x.isFinite, y.isFinite else { return }
        if fonts.face(glyph.fontIndex).isColorBitmap {
            let key = GlyphKey(faceIndex: Int32(glyph.fontIndex), glyphID: glyph.glyphID, size64: 0, subpixel: 0, synthesis: [])
            guard let bitmap = rasterizer.bitmap(for: key), bitmap.width > 0, bitmap.height > 0, bitmap.strikePPEM > 0 else { return }
            let scale = glyph.size / bitmap.strikePPEM
            let destination = Rect(x: x + Double(bitmap.left) * scale, y: y - Double(bitmap.top) * scale,
                                   width: Double(bitmap.width) * scale, height: Double(bitmap.height) * scale)
            bitmap.pixels.withUnsafeBufferPointer { pixels in
                sink.drawImage(bgra: pixels, imageWidth: bitmap.width, imageHeight: bitmap.height, pitch: bitmap.pitch,
                               into: destination, opacity: glyph.color.alpha)
            }
            return
        }
        let steps = Double(GlyphKey.subpixelSteps)
        var whole = x.rounded(.down)
        var subpixel = Int(((x - whole) * steps).rounded())
        if subpixel == GlyphKey.subpixelSteps { whole += 1; subpixel = 0 }
        let size64 = Int32(clamping: Int((glyph.size * 64).rounded()))
        guard size64 > 0, abs(whole) < 1e9, abs(y) < 1e9 else { return }
        let key = GlyphKey(faceIndex: Int32(glyph.fontIndex), glyphID: glyph.glyphID, size64: size64,
                           subpixel: UInt8(subpixel), synthesis: glyph.synthesis)
        guard let bitmap = rasterizer.bitmap(for: key), bitmap.width > 0, bitmap.height > 0 else { return }
        bitmap.pixels.withUnsafeBufferPointer { pixels in
            sink.drawMask(pixels, maskWidth: bitmap.width, maskHeight: bitmap.height, pitch: bitmap.pitch,
                          x: Int(whole) + bitmap.left, y: Int(y.rounded()) - bitmap.top, color: glyph.color)
        }
    }
}
