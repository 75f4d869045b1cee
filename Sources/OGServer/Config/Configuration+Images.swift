import Render

extension Configuration {
    /// Loads images for cards from `data:` URIs and files under `assetsDirectory`, within the limits.
    public var imageLoader: ImageLoader {
        ImageLoader(root: assetsDirectory,
                    limits: ImageLoader.Limits(maximumEncodedBytes: limits.maxImageBytes, maximumPixels: limits.maxImagePixels))
    }

    /// A renderer with this configuration's fonts, images, deadline, dithering and image cache.
    /// - Throws: whatever the text engine throws when fonts cannot be discovered.
    public func makeRenderer() throws -> Renderer {
        try Renderer(fonts: FontConfiguration(directories: fontDirectories), images: imageLoader,
                     deadline: .seconds(limits.renderDeadlineSeconds), dithersGradients: ditherGradients,
                     imageCacheBytes: imageCacheBytes)
    }
}
