import Foundation

/// A 2D affine transform `x' = a·x + c·y + tx`, `y' = b·x + d·y + ty` (CSS `matrix(a, b, c, d, tx, ty)`).
struct AffineTransform: Sendable, Equatable {
    var a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double

    static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    static func translation(_ x: Double, _ y: Double) -> AffineTransform { AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y) }
    static func scale(_ x: Double, _ y: Double) -> AffineTransform { AffineTransform(a: x, b: 0, c: 0, d: y, tx: 0, ty: 0) }
    /// Clockwise rotation by `radians` (y grows downwards, as CSS's `rotate()`).
    static func rotation(_ radians: Double) -> AffineTransform {
        AffineTransform(a: cos(radians), b: sin(radians), c: -sin(radians), d: cos(radians), tx: 0, ty: 0)
    }
    static func skew(_ x: Double, _ y: Double) -> AffineTransform { AffineTransform(a: 1, b: tan(y), c: tan(x), d: 1, tx: 0, ty: 0) }

    /// `self` applied after `other` (the matrix product self × other).
    func concatenating(_ other: AffineTransform) -> AffineTransform {
        AffineTransform(a: a * other.a + c * other.b, b: b * other.a + d * other.b,
                        c: a * other.c + c * other.d, d: b * other.c + d * other.d,
                        tx: a * other.tx + c * other.ty + tx, ty: b * other.tx + d * other.ty + ty)
    }

    func apply(_ point: Point) -> Point {
        Point(x: a * point.x + c * point.y + tx, y: b * point.x + d * point.y + ty)
    }

    /// The inverse, or nil when the transform collapses the plane (then nothing is drawn, as CSS says).
    var inverted: AffineTransform? {
        let determinant = a * d - b * c
        guard abs(determinant) > 1e-12, determinant.isFinite else { return nil }
        let ia = d / determinant, ib = -b / determinant, ic = -c / determinant, id = a / determinant
        return AffineTransform(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ic * ty), ty: -(ib * tx + id * ty))
    }

    var isIdentity: Bool { self == .identity }
}
