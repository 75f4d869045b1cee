/// One resolved CSS `box-shadow` (CSS Backgrounds 3 §7.1), in canvas pixels.
struct BoxShadowPaint: Sendable, Equatable {
    var offsetX: Double
    var offsetY: Double
    /// Blur radius; the shadow edge is blurred by a Gaussian of standard deviation `blur / 2`.
    var blur: Double
    /// Grows (or, negative, shrinks) the shadow shape before blurring.
    var spread: Double
    var color: Color
    var inset: Bool

    /// A corner radius grown by `spread`, with the correction of CSS Backgrounds 3 §7.1.1 that keeps
    /// small radii from turning into large round corners: a square corner stays square.
    static func spreadRadius(_ radius: Double, by spread: Double) -> Double {
        guard radius > 0 else { return 0 }
        guard spread > 0 else { return Swift.max(0, radius + spread) }
        let ratio: Double = radius / spread
        if ratio >= 1 { return radius + spread }
        let cube: Double = (ratio - 1) * (ratio - 1) * (ratio - 1)
        return radius + spread * (1 + cube)
    }
}
