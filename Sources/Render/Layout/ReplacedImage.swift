/// The picture of a replaced `<img>` box: where it comes from and its natural size (CSS Images 3 §4.1),
/// which layout uses for the box's size and aspect ratio.
struct ReplacedImage: Sendable, Equatable {
    /// The `src` attribute: a `data:` URI or a path under the image root.
    var reference: String
    var naturalWidth: Double
    var naturalHeight: Double

    /// Height over width; nil when either dimension is zero (no ratio to keep).
    var ratio: Double? {
        naturalWidth > 0 && naturalHeight > 0 ? naturalHeight / naturalWidth : nil
    }
}
