/// Renders HTML to an image. Safe to call from many threads at once.
///
/// A render parses the markup, computes styles, builds and lays out the box tree, paints it onto
/// a canvas and encodes the pixels. Each render borrows a `TextEngine` from a pool, so concurrent
/// renders never share one.
public final class Renderer: Sendable {
    /// Version of the layout and paint code; any change that can alter pixels bumps it.
    static let engineVersion = "ogpress-render/0.1"
    /// Largest accepted width or height, in pixels.
    public static let maximumDimension = 4096

    private let engines: TextEnginePool
    private let fontFingerprint: String
    private let images: ImageLoader
    /// How long one render may run before it throws `RenderError.deadlineExceeded`.
    private let deadline: Duration
    /// Whether opaque linear gradients are dithered like Chromium's.
    private let dithersGradients: Bool
    /// Images decoded and resampled by earlier renders.
    let keptImages: SharedImageCache
    /// Bytes of decoded and resampled images kept between renders unless configured otherwise.
    public static let defaultImageCacheBytes = 64 << 20

    /// Loads the font set; documents may use `data:` URI images only.
    /// - Throws: whatever the text engine throws when fonts cannot be discovered.
    public convenience init(fonts: FontConfiguration = FontConfiguration()) throws {
        try self.init(fonts: fonts, images: ImageLoader(), deadline: .seconds(10))
    }

    /// Loads the font set; documents may use `data:` URI images and files under `images.root`.
    /// - Throws: whatever the text engine throws when fonts cannot be discovered.
    public convenience init(fonts: FontConfiguration, images: ImageLoader) throws {
        try self.init(fonts: fonts, images: images, deadline: .seconds(10))
    }

    /// Loads the font set; documents may use `data:` URI images and files under `images.root`, and a
    /// render that runs longer than `deadline` stops with `RenderError.deadlineExceeded`.
    /// - Parameter dithersGradients: dither opaque linear gradients with Skia's 8×8 ordered
    ///   pattern, as Chromium does: no banding, and most pixels equal Chromium's, but PNGs of
    ///   gradient cards grow about threefold and take milliseconds longer to encode.
    /// - Parameter imageCacheBytes: decoded and resampled images kept between renders, at most
    ///   this many bytes (a template's logo or photo is then decoded once, not on every render).
    /// - Throws: whatever the text engine throws when fonts cannot be discovered.
    public init(fonts: FontConfiguration, images: ImageLoader, deadline: Duration = .seconds(10),
                dithersGradients: Bool = false, imageCacheBytes: Int = Renderer.defaultImageCacheBytes) throws {
        let first = try TextEngine(fonts: fonts)
        fontFingerprint = first.fontSetFingerprint
        engines = TextEnginePool(fonts: fonts, first: first)
        self.images = images
        self.deadline = deadline
        self.dithersGradients = dithersGradients
        keptImages = SharedImageCache(budget: imageCacheBytes)
    }

    /// Engine version, a fingerprint of the font set and any setting that changes pixels; part of
    /// every cache key, so changing the setting gives new keys instead of serving old images.
    public var version: String {
        "\(Self.engineVersion)+fonts.\(fontFingerprint)" + (dithersGradients ? "+dither" : "")
    }

    /// Lays out and paints `html` into a `width`×`height` viewport and encodes it.
    /// - Throws: `RenderError.invalidInput` for sizes outside 1…4096 or documents over the node/depth
    ///   limits or images that cannot be loaded, `RenderError.encodingFailed` when the encoder fails,
    ///   `RenderError.deadlineExceeded` when the render runs past the renderer's deadline.
    public func render(html: String, width: Int, height: Int, encoding: ImageEncoding) throws -> RenderOutput {
        guard (1...Self.maximumDimension).contains(width), (1...Self.maximumDimension).contains(height) else {
            throw RenderError.invalidInput("width and height must be between 1 and \(Self.maximumDimension)")
        }
        let engines = self.engines
        let images = self.images
        let dithersGradients = self.dithersGradients
        let keptImages = self.keptImages
        // The clock starts before waiting for a pooled engine: time spent queued counts too.
        let deadline = RenderDeadline(after: self.deadline)
        return try LargeStack.run {
            try engines.withEngine { engine in
                let clock = ContinuousClock()
                var timings = RenderTimings()
                let start = clock.now
                let imageCache = ImageCache(loader: images, shared: keptImages)
                let scene = try Self.layOut(html: html, width: width, height: height, text: engine, images: imageCache,
                                            deadline: deadline)
                let laidOut = clock.now
                var painter = Painter(boxes: scene.boxes, width: width, height: height)
                painter.paint()
                try deadline.check()
                let canvas = Canvas(width: width, height: height, clearing: false)  // replay clears it if needed
                canvas.dithersGradients = dithersGradients
                try painter.output.replay(on: canvas, boxes: scene.boxes, text: engine, images: imageCache, deadline: deadline)
                try deadline.check()
                let painted = clock.now
                let bytes = try Self.encode(canvas, as: encoding)
                timings.layout = laidOut - start
                timings.paint = painted - laidOut
                timings.encode = clock.now - painted
                return RenderOutput(bytes: bytes, warnings: scene.warnings.messages, timings: timings)
            }
        }
    }

    /// Encodes the painted canvas; any encoder failure becomes `RenderError.encodingFailed`.
    static func encode(_ canvas: Canvas, as encoding: ImageEncoding) throws -> [UInt8] {
        do {
            switch encoding {
            case .png: return try PNGEncoder.encode(canvas)
            case .jpeg(let quality): return try JPEGEncoder.encode(canvas, quality: quality)
            case .webp(let quality): return try WebPEncoder.encode(canvas, quality: quality)
            }
        } catch {
            throw RenderError.encodingFailed(String(describing: error))
        }
    }

    /// Parses, styles and lays out `html` with a pooled text engine, on a render thread; tests inspect the boxes.
    func layOut(html: String, width: Int, height: Int) throws -> Scene {
        let engines = self.engines
        let images = self.images
        return try LargeStack.run {
            try engines.withEngine { engine in
                try Self.layOut(html: html, width: width, height: height, text: engine, images: ImageCache(loader: images))
            }
        }
    }

    /// The laid-out boxes of a document and what was skipped on the way.
    struct Scene {
        var boxes: [LayoutBox]
        var warnings: Warnings
    }

    /// Parses, styles and lays out `html` (everything before painting); tests inspect its boxes.
    /// `images` decodes `<img>` sources for their natural sizes and keeps them for painting.
    /// With a `deadline`, each stage and each box layout checks it.
    static func layOut(html: String, width: Int, height: Int, text: TextEngine, images: ImageCache,
                       deadline: RenderDeadline? = nil) throws -> Scene {
        let document = try TreeBuilder.parse(html)
        try deadline?.check()
        var resolver = StyleResolver(document: document, viewportWidth: Double(width), viewportHeight: Double(height))
        let styles = resolver.resolve()
        try deadline?.check()
        var builder = BoxTreeBuilder(document: document, styles: styles, images: images)
        builder.generatedContent = resolver.generatedContent
        var warnings = resolver.warnings
        // Every render sets the engine's document fonts, even to none: a pooled engine must not keep
        // the fonts of the document it rendered before.
        for message in text.loadDocumentFonts(resolver.fontFaces, assets: images.loader) { warnings.add(message) }
        guard try builder.build() else { return Scene(boxes: [], warnings: warnings) }
        warnings.merge(builder.warnings)
        try deadline?.check()
        var layout = LayoutEngine(boxes: builder.boxes, text: text, viewportWidth: Double(width), viewportHeight: Double(height))
        layout.deadline = deadline
        // Shaped paragraphs are kept only while this document is laid out.
        defer { text.forgetShapedText() }
        try layout.run()
        for box in layout.boxes where box.style.zIndex != nil && !box.style.isPositioned {
            warnings.add("z-index on a non-positioned element is ignored")
        }
        return Scene(boxes: layout.boxes, warnings: warnings)
    }
}
