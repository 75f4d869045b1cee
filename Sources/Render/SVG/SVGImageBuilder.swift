/// Turns an `<svg>` element of a parsed HTML document into an `SVGImage`.
///
/// The HTML tree builder keeps the SVG subtree as ordinary elements with lowercased names and
/// attributes (`viewbox`, `preserveaspectratio`), which is what this reads. Shapes, `g` and nested
/// `svg` (drawn as a group) are supported; anything else is skipped with a warning naming it.
struct SVGImageBuilder {
    /// Most path segments one document may draw, summed over its elements; the rest is dropped.
    static let maximumCommands = 10_000

    /// The parsed HTML document holding the `<svg>`.
    let document: Document
    /// What the picture leaves out, for the render's warnings.
    private(set) var warnings = Warnings()
    private var commandsLeft: Int = SVGImageBuilder.maximumCommands

    /// Elements that never render, skipped without a warning.
    private static let silent: Set<String> = ["title", "desc", "metadata"]

    /// A builder with the full command budget.
    init(document: Document) {
        self.document = document
    }

    /// The picture of the `<svg>` at `element`, with `currentColor` meaning `color` (its CSS color).
    mutating func build(svg element: Int, color: Color) -> SVGImage {
        let node = document.nodes[element]
        var image = SVGImage()
        image.width = node.attribute("width").flatMap(SVGImageBuilder.pixels)
        image.height = node.attribute("height").flatMap(SVGImageBuilder.pixels)
        if let viewBox = node.attribute("viewbox") {
            image.viewBox = SVGViewBox(viewBox: viewBox, preserveAspectRatio: node.attribute("preserveaspectratio"))
        }
        var style = SVGStyle()
        style.color = color
        let own: SVGStyle = styled(element, inheriting: style)
        let children: [SVGNode] = nodes(under: element, style: own.inherited, transform: .identity)
        image.content = own.opacity < 1 ? [.group(opacity: own.opacity, children: children)] : children
        return image
    }

    /// A plain length attribute in pixels (`24`, `24px`); nil for percentages and other units,
    /// which have no natural size.
    private static func pixels(_ text: String) -> Double? {
        SVGStyle.length(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// `style` with the element's presentation attributes, then its `style` declarations, applied.
    private mutating func styled(_ element: Int, inheriting style: SVGStyle) -> SVGStyle {
        var style = style
        let node = document.nodes[element]
        for attribute in node.attributes {
            if let message = style.apply(attribute.name, attribute.value) { warnings.add(message) }
        }
        if let declarations = node.attribute("style").map(CSSParser.parseDeclarations) {
            for declaration in declarations {
                if let message = style.apply(declaration.name, declaration.value) { warnings.add(message) }
            }
        }
        return style
    }

    private mutating func nodes(under element: Int, style: SVGStyle, transform: AffineTransform) -> [SVGNode] {
        var result: [SVGNode] = []
        for child in document.nodes[element].children {
            guard case .element(let tag) = document.nodes[child].kind, commandsLeft > 0 else { continue }
            if SVGImageBuilder.silent.contains(tag) { continue }
            let node = document.nodes[child]
            if node.attribute("display")?.trimmed.lowercased() == "none" { continue }
            let own: SVGStyle = styled(child, inheriting: style)
            var local: AffineTransform = transform
            if let text = node.attribute("transform"), let parsed = SVGTransform.parse(text) {
                local = transform.concatenating(parsed)
            }
            switch tag {
            case "g", "svg", "a":
                let children: [SVGNode] = nodes(under: child, style: own.inherited, transform: local)
                guard !children.isEmpty else { continue }
                if own.opacity < 1 {
                    result.append(.group(opacity: own.opacity, children: children))
                } else {
                    result.append(contentsOf: children)
                }
            default:
                guard let path = geometry(of: child, tag: tag) else {
                    warnings.add("SVG element <\(tag)> is not drawn")
                    continue
                }
                if let shape = shape(path, style: own, transform: local, isLine: tag == "line") { result.append(shape) }
            }
        }
        return result
    }

    /// The shape node for `path` painted with `style`; nil when it paints nothing.
    private func shape(_ path: Path, style: SVGStyle, transform: AffineTransform, isLine: Bool) -> SVGNode? {
        // A line has no inside: only its stroke paints.
        var fill: Color? = isLine ? nil : style.resolve(style.fill)
        var stroke: Color? = style.strokeStyle.width > 0 ? style.resolve(style.stroke) : nil
        fill?.alpha *= style.fillOpacity
        stroke?.alpha *= style.strokeOpacity
        guard fill != nil || stroke != nil, style.opacity > 0 else { return nil }
        if style.opacity < 1 && (fill == nil || stroke == nil) {
            // With one paint, fading the element is fading that paint.
            fill?.alpha *= style.opacity
            stroke?.alpha *= style.opacity
        }
        let shape = SVGShape(path: path, transform: transform, fill: fill, fillRule: style.fillRule,
                             stroke: stroke, strokeStyle: style.strokeStyle)
        if style.opacity < 1 && fill != nil && stroke != nil {
            return .group(opacity: style.opacity, children: [.shape(shape)])
        }
        return .shape(shape)
    }

    /// The outline of a basic shape or path element; nil for elements that are not shapes.
    private mutating func geometry(of element: Int, tag: String) -> Path? {
        let node = document.nodes[element]
        func number(_ name: String) -> Double? { node.attribute(name).flatMap(SVGStyle.length) }
        var path = Path()
        switch tag {
        case "path":
            let parsed = SVGPathData.parse(node.attribute("d") ?? "", limit: commandsLeft)
            commandsLeft -= parsed.commands
            if commandsLeft <= 0 { warnings.add("SVG has more than \(SVGImageBuilder.maximumCommands) path commands; the rest is not drawn") }
            return parsed.path
        case "rect":
            let width: Double = number("width") ?? 0, height: Double = number("height") ?? 0
            guard width > 0, height > 0 else { return path }
            // SVG 2 §10.2: a missing rx or ry takes the other's value; both are capped at half the side.
            var rx: Double? = number("rx").flatMap { $0 >= 0 ? $0 : nil }
            var ry: Double? = number("ry").flatMap { $0 >= 0 ? $0 : nil }
            if rx == nil { rx = ry }
            if ry == nil { ry = rx }
            let rect = Rect(x: number("x") ?? 0, y: number("y") ?? 0, width: width, height: height)
            path.addRoundedRect(rect, radiusX: Swift.min(rx ?? 0, width / 2), radiusY: Swift.min(ry ?? 0, height / 2))
        case "circle":
            let r: Double = number("r") ?? 0
            guard r > 0 else { return path }
            path.addEllipse(center: Point(x: number("cx") ?? 0, y: number("cy") ?? 0), radiusX: r, radiusY: r)
        case "ellipse":
            var rx: Double? = number("rx").flatMap { $0 > 0 ? $0 : nil }
            var ry: Double? = number("ry").flatMap { $0 > 0 ? $0 : nil }
            if rx == nil { rx = ry }
            if ry == nil { ry = rx }
            guard let rx, let ry else { return path }
            path.addEllipse(center: Point(x: number("cx") ?? 0, y: number("cy") ?? 0), radiusX: rx, radiusY: ry)
        case "line":
            path.move(to: Point(x: number("x1") ?? 0, y: number("y1") ?? 0))
            path.line(to: Point(x: number("x2") ?? 0, y: number("y2") ?? 0))
        case "polyline", "polygon":
            // An odd number of coordinates drops the last one (SVG 2 §10.7).
            var scanner = SVGScanner(node.attribute("points") ?? "")
            scanner.skipSpace()
            var values: [Double] = []
            while let value = scanner.number(), values.count < 2 * commandsLeft {
                values.append(value)
                scanner.skipSeparator()
            }
            for index in stride(from: 0, to: values.count - 1, by: 2) {
                path.line(to: Point(x: values[index], y: values[index + 1]))
            }
            if tag == "polygon" { path.close() }
            commandsLeft -= Swift.max(0, values.count / 2 - 1)
        default:
            return nil
        }
        commandsLeft -= 1
        return path
    }
}
