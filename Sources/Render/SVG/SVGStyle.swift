/// The presentation properties an SVG element draws with (SVG 2 §13), inherited from `<svg>` and
/// `<g>` down to the shapes. Values come from presentation attributes, then from the `style`
/// attribute's declarations, which win.
struct SVGStyle: Sendable, Equatable {
    /// A `fill` or `stroke` value.
    enum Paint: Sendable, Equatable {
        case none
        case color(Color)
        /// `currentColor`: the `color` in force, resolved when the shape is drawn.
        case currentColor
    }

    /// SVG 2's initial values: black fill, no stroke.
    var fill: Paint = .color(.black)
    var stroke: Paint = .none
    var fillRule: Path.FillRule = .nonZero
    var fillOpacity: Double = 1
    var strokeOpacity: Double = 1
    /// `stroke-width`, `stroke-linecap`, `stroke-linejoin`, `stroke-miterlimit`.
    var strokeStyle = PathStrokeStyle()
    /// What `currentColor` means here: the CSS `color` of the `<svg>`, unless a `color` attribute
    /// or declaration below it changes it.
    var color: Color = .black
    /// Not inherited: each element's own `opacity`, reset for its children.
    var opacity: Double = 1

    /// The same properties for a child element: everything but `opacity` is inherited.
    var inherited: SVGStyle {
        var child = self
        child.opacity = 1
        return child
    }

    /// Applies one property. Returns a message when the value is something this renderer skips
    /// (a paint server such as a gradient), nil otherwise; unknown or invalid values are ignored,
    /// as SVG 2 §6.7 says of invalid presentation attributes.
    mutating func apply(_ name: String, _ value: String) -> String? {
        let value = value.trimmed
        switch name {
        case "fill", "stroke":
            var message: String?
            var paint: Paint? = SVGStyle.paint(value)
            if paint == nil, value.lowercased().hasPrefix("url("), let close = value.firstIndex(of: ")") {
                // Paint servers are not drawn: the fallback color after the reference stands in, or
                // else nothing, as for a reference that does not resolve (SVG 2 §13.3).
                let fallback: String = value[value.index(after: close)...].trimmed
                paint = fallback.isEmpty ? Paint.none : SVGStyle.paint(fallback)
                message = "SVG gradients and patterns are not drawn"
            }
            guard let paint else { return nil }
            if name == "fill" { fill = paint } else { stroke = paint }
            return message
        case "color":
            if case .color(let color)? = ColorParser.parse(CSSComponent.parse(value)) { self.color = color }
        case "fill-rule":
            switch value.lowercased() {
            case "nonzero": fillRule = .nonZero
            case "evenodd": fillRule = .evenOdd
            default: break
            }
        case "fill-opacity": if let number = SVGStyle.alpha(value) { fillOpacity = number }
        case "stroke-opacity": if let number = SVGStyle.alpha(value) { strokeOpacity = number }
        case "opacity": if let number = SVGStyle.alpha(value) { opacity = number }
        case "stroke-width":
            if let number = SVGStyle.length(value), number >= 0 { strokeStyle.width = number }
        case "stroke-miterlimit":
            if let number = SVGStyle.length(value), number >= 1 { strokeStyle.miterLimit = number }
        case "stroke-dasharray":
            if value.lowercased() == "none" {
                strokeStyle.dashes = []
            } else {
                let items = value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                let values: [Double] = items.compactMap { SVGStyle.length(String($0)) }
                // One bad value invalidates the whole list.
                if values.count == items.count, values.allSatisfy({ $0 >= 0 }) { strokeStyle.dashes = values }
            }
        case "stroke-dashoffset":
            if let number = SVGStyle.length(value) { strokeStyle.dashOffset = number }
        case "stroke-linecap":
            switch value.lowercased() {
            case "butt": strokeStyle.lineCap = .butt
            case "round": strokeStyle.lineCap = .round
            case "square": strokeStyle.lineCap = .square
            default: break
            }
        case "stroke-linejoin":
            switch value.lowercased() {
            case "miter", "miter-clip": strokeStyle.lineJoin = .miter
            case "round", "arcs": strokeStyle.lineJoin = .round
            case "bevel": strokeStyle.lineJoin = .bevel
            default: break
            }
        default:
            break
        }
        return nil
    }

    /// The color `paint` draws with, or nil for none.
    func resolve(_ paint: Paint) -> Color? {
        switch paint {
        case .none: return nil
        case .color(let color): return color
        case .currentColor: return color
        }
    }

    private static func paint(_ value: String) -> Paint? {
        if value.lowercased() == "none" { return Paint.none }
        switch ColorParser.parse(CSSComponent.parse(value)) {
        case .color(let color)?: return .color(color)
        case .currentColor?: return .currentColor
        case nil: return nil
        }
    }

    /// A number or percentage, clamped to 0...1.
    private static func alpha(_ value: String) -> Double? {
        if value.hasSuffix("%") {
            return SVGScanner.numbers(in: String(value.dropLast())).flatMap { $0.count == 1 ? Color.unit($0[0] / 100) : nil }
        }
        return SVGScanner.numbers(in: value).flatMap { $0.count == 1 ? Color.unit($0[0]) : nil }
    }

    /// A length in user units: a plain number or pixels.
    static func length(_ value: String) -> Double? {
        let number: String = value.lowercased().hasSuffix("px") ? String(value.dropLast(2)) : value
        guard let values = SVGScanner.numbers(in: number), values.count == 1 else { return nil }
        return values[0]
    }
}
