/// How a path is stroked: SVG 2's `stroke-width`, `stroke-linecap`, `stroke-linejoin` and
/// `stroke-miterlimit`.
struct PathStrokeStyle: Sendable, Equatable {
    /// The shape at the open ends of a subpath.
    enum LineCap: Sendable, Equatable {
        case butt, round, square
    }

    /// The shape where two segments meet.
    enum LineJoin: Sendable, Equatable {
        case miter, round, bevel
    }

    /// The stroke's full width, centred on the path.
    var width: Double = 1
    var lineCap: LineCap = .butt
    var lineJoin: LineJoin = .miter
    /// A join whose miter length is more than this many stroke widths is drawn as a bevel
    /// (SVG 2 §13.5.4).
    var miterLimit: Double = 4
    /// Alternating dash and gap lengths (`stroke-dasharray`); empty for a solid stroke.
    var dashes: [Double] = []
    /// How far into the dash pattern each subpath starts (`stroke-dashoffset`).
    var dashOffset: Double = 0
}
