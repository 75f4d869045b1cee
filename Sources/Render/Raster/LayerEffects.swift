/// How an offscreen layer is composited back (CSS `opacity`, `filter`, `mix-blend-mode`, `transform`).
struct LayerEffects: Sendable, Equatable {
    /// Separable blend modes of Compositing and Blending 1 §5.
    enum BlendMode: Sendable, Equatable { case normal, multiply, screen, darken, lighten }

    var opacity: Double = 1
    /// `filter: blur()` standard deviation in pixels.
    var blur: Double = 0
    /// `filter: drop-shadow()` layers, applied in order under the layer's content.
    var dropShadows: [BoxShadowPaint] = []
    var blendMode = BlendMode.normal
    /// Maps layer pixels to canvas pixels (the transform-origin already folded in).
    var transform = AffineTransform.identity
}
