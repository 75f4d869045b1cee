import Render

extension Configuration {
    /// Loads images for cards from `data:` URIs and files under `assetsDirectory`, within the limits.
    public var imageLoader: ImageLoader {
        ImageLoader(root: assetsDirectory,
                    limits: ImageLoader.Limits(maximumEncodedBytes: limits.maxImageBytes, maximumPixels: limits.maxImagePixels))
    }
}
