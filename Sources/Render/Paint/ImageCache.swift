/// The images of one render, each decoded once however often the document uses it, and found in
/// the renderer's `SharedImageCache` when an earlier render decoded or resampled them.
final class ImageCache {
    let loader: ImageLoader
    private let shared: SharedImageCache?
    private var images: [SampledTextKey: DecodedImage] = [:]
    /// The shared cache's key for each reference loaded (nil: not kept between renders).
    private var sources: [SampledTextKey: SampledTextKey?] = [:]
    /// Inline `<svg>` pictures, by the reference their replaced boxes carry; drawn as vectors.
    var vectorImages: [String: SVGImage] = [:]

    /// Destinations smaller than this many pixels are resampled on each draw: keeping them would
    /// save little and crowd out the large ones.
    static let smallestKeptScaling = 16_384
    /// Images with fewer pixels than this are decoded on each render that uses them: that is
    /// cheap, and every kept entry is then at least 16 KB, so the shared cache holds at most a
    /// few thousand entries and finding the least recently used one stays quick.
    static let smallestKeptImage = 4_096

    /// - Parameter shared: images kept from earlier renders, and where this render's are kept; nil
    ///   decodes and resamples everything afresh.
    init(loader: ImageLoader, shared: SharedImageCache? = nil) {
        self.loader = loader
        self.shared = shared
    }

    /// The decoded image for `reference`.
    /// - Throws: `RenderError.invalidInput` naming the image and why it could not be used.
    func image(_ reference: String) throws -> DecodedImage {
        let key = SampledTextKey(reference)
        if let image = images[key] { return image }
        do {
            let source: SampledTextKey? = shared == nil ? nil : sharedSource(of: reference)
            sources[key] = source
            if let source, case .decoded(let image)? = shared?.value(for: .init(source: source)) {
                images[key] = image
                return image
            }
            let image = try loader.load(reference)
            images[key] = image
            if let source, image.width * image.height >= Self.smallestKeptImage {
                shared?.keep(.decoded(image), for: .init(source: source))
            }
            return image
        } catch let error as ImageError {
            let name = reference.count > 48 ? reference.prefix(45) + "…" : Substring(reference)
            throw RenderError.invalidInput("image \(name): \(Self.describe(error))")
        }
    }

    /// `image` (the decoded `reference`) resampled into `destination`, from the shared cache or
    /// resampled now and kept there; nil when the image is not kept between renders, the destination
    /// is small or it covers no pixel. Draw it with `Canvas.draw(_:opacity:)`.
    func scaled(_ image: DecodedImage, of reference: String, into destination: Rect) -> ScaledImage? {
        guard let shared, let source = sources[SampledTextKey(reference)] ?? nil,
              destination.width * destination.height >= Double(Self.smallestKeptScaling) else { return nil }
        let key = SharedImageCache.Key(source: source, destination: SIMD4(destination.x, destination.y, destination.width, destination.height))
        if case .scaled(let scaled)? = shared.value(for: key) { return scaled }
        let made: ScaledImage? = image.bgra.withUnsafeBufferPointer { pixels in
            ScaledImage(bgra: pixels, imageWidth: image.width, imageHeight: image.height, pitch: image.width * 4, into: destination,
                        maximumPixels: shared.budget / 16)
        }
        if let made { shared.keep(.scaled(made), for: key) }
        return made
    }

    /// What identifies the contents `reference` names for the shared cache: a `data:` URI's text,
    /// a file's stamp; nil when no file answers to it (loading it fails anyway).
    private func sharedSource(of reference: String) -> SampledTextKey? {
        let trimmed: String = ImageLoader.trimmed(reference)
        if ImageLoader.isDataURI(trimmed) { return SampledTextKey(trimmed) }
        // A stamp names the file's absolute path first; the others say why no file answers.
        guard let stamp = loader.stamp(for: trimmed), stamp.hasPrefix("/") else { return nil }
        return SampledTextKey(stamp)
    }

    private static func describe(_ error: ImageError) -> String {
        switch error {
        case .unsupportedSource(let message): return message
        case .noRoot: return "no image directory is configured for file paths"
        case .notFound: return "no such image under the image directory"
        case .encodedTooLarge(let bytes, let limit): return "\(bytes) bytes is over the \(limit)-byte limit"
        case .decodedTooLarge(let width, let height, let limit): return "\(width)×\(height) is over the \(limit)-pixel limit"
        case .unsupportedFormat: return "not a PNG, JPEG, WebP or GIF image"
        case .malformed(let message): return "malformed image (\(message))"
        }
    }
}
