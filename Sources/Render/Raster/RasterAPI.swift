// Internal API contract of Render/Raster and Render/Codecs, used by the layout/paint code.
// The raster implementer keeps every signature below (adding is fine), replaces the placeholder
// bodies, moves each type into its own file as STYLE.md asks, and deletes this file.

/// A color with straight (not premultiplied) alpha, components in 0...1.
struct Color: Sendable, Equatable, Hashable {
    var red: Double
    var green: Double
    var blue: Double
    var alpha: Double
    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    static let black = Color(red: 0, green: 0, blue: 0)
    static let white = Color(red: 1, green: 1, blue: 1)
    static let transparent = Color(red: 0, green: 0, blue: 0, alpha: 0)
}

struct Point: Sendable, Equatable { var x: Double; var y: Double }

/// An axis-aligned rectangle in CSS pixels; y grows downwards.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// Per-corner radii (circular in this version), in CSS pixels.
struct CornerRadii: Sendable, Equatable {
    var topLeft: Double
    var topRight: Double
    var bottomRight: Double
    var bottomLeft: Double
    static let zero = CornerRadii(topLeft: 0, topRight: 0, bottomRight: 0, bottomLeft: 0)
    init(topLeft: Double, topRight: Double, bottomRight: Double, bottomLeft: Double) {
        self.topLeft = topLeft; self.topRight = topRight; self.bottomRight = bottomRight; self.bottomLeft = bottomLeft
    }
    init(all radius: Double) { self.init(topLeft: radius, topRight: radius, bottomRight: radius, bottomLeft: radius) }
}

/// Border widths per side.
struct EdgeWidths: Sendable, Equatable {
    var top: Double
    var right: Double
    var bottom: Double
    var left: Double
    static let zero = EdgeWidths(top: 0, right: 0, bottom: 0, left: 0)
}

struct GradientStop: Sendable, Equatable {
    var color: Color
    /// Position along the gradient line, 0...1.
    var position: Double
}

/// How an area is filled.
enum Paint: Sendable, Equatable {
    case solid(Color)
    /// CSS `linear-gradient`: `angle` in degrees with CSS's convention (0 = to top, 90 = to right);
    /// the gradient line is sized to the filled rectangle as CSS Images 3 §3.1 describes.
    case linearGradient(angle: Double, stops: [GradientStop])
}

/// A premultiplied RGBA8 pixel buffer with anti-aliased fills and a clip stack.
final class Canvas {
    let width: Int
    let height: Int
    /// Premultiplied RGBA8, row-major, `width * 4` bytes per row. Starts fully transparent.
    var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 4)
    }
    /// Fills `rect` (rounded by `radii`) with `paint`, anti-aliased, source-over, inside the current clip.
    func fill(_ rect: Rect, radii: CornerRadii = .zero, paint: Paint) {}
    /// Draws a solid border inside `rect`: the ring between the outer rounded rect and the inner one
    /// inset by `widths` (inner radii shrink by the adjacent widths, as CSS does).
    func strokeBorder(_ rect: Rect, radii: CornerRadii, widths: EdgeWidths, color: Color) {}
    /// Intersects the clip with a rounded rectangle until the matching `popClip()`.
    func pushClip(_ rect: Rect, radii: CornerRadii = .zero) {}
    func popClip() {}
    /// Blends an 8-bit coverage mask (a glyph) of `maskWidth`×`maskHeight` with row stride `pitch`
    /// at integer position (`x`, `y`) in `color`.
    func drawMask(_ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int, pitch: Int, x: Int, y: Int, color: Color) {}
    /// Draws a premultiplied BGRA image (a color emoji bitmap) scaled into `destination` with bilinear
    /// (or better) filtering, source-over, multiplied by `opacity`.
    func drawImage(bgra: UnsafeBufferPointer<UInt8>, imageWidth: Int, imageHeight: Int, pitch: Int, into destination: Rect, opacity: Double = 1) {}
}

/// PNG encoding through libpng, behind the setjmp shim so libpng errors throw instead of aborting.
enum PNGEncoder {
    /// Encodes a canvas (un-premultiplying; RGB when every pixel is opaque).
    static func encode(_ canvas: Canvas) throws -> [UInt8] { [] }
}
